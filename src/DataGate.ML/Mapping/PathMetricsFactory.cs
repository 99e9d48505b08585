using System.ComponentModel;
using Microsoft.ML.Transforms;

namespace DataGate.ML.Mapping;

/// <summary>Measures the image file a path column names. Registered by contract name so saved models reload.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class PathMetricsFactory : CustomMappingFactory<PathInput, MetricsRow>
{
    /// <summary>The versioned contract name saved in models.</summary>
    public const string Contract = "DataGate.Metrics.Path.v1";

    /// <inheritdoc/>
    public override Action<PathInput, MetricsRow> GetMapping()
        => static (src, dst) => dst.Fill(MetricsSettings.Of(src.State).MeasurePath(src.Path.Span));
}
