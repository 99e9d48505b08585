using System.ComponentModel;
using Microsoft.ML.Transforms;

namespace DataGate.ML.Mapping;

/// <summary>Measures the pixels of an MLImage column. Registered by contract name so saved models reload.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class ImageMetricsFactory : CustomMappingFactory<ImageInput, MetricsRow>
{
    /// <summary>The versioned contract name saved in models.</summary>
    public const string Contract = "DataGate.Metrics.Image.v1";

    /// <inheritdoc/>
    public override Action<ImageInput, MetricsRow> GetMapping()
        => static (src, dst) => dst.Fill(MetricsSettings.Of(src.State).MeasureImage(src.Image, src.Name.Span));
}
