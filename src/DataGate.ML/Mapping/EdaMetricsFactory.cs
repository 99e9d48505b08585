using System.ComponentModel;
using Microsoft.ML.Transforms;

namespace DataGate.ML.Mapping;

/// <summary>
/// Copies the <c>eda_*</c> values of the measured record into their columns (the measuring itself happened in the
/// metrics mapping, only because the selection included them). Stateless; registered by contract name so saved models reload.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class EdaMetricsFactory : CustomMappingFactory<RecordInput, EdaRow>
{
    /// <summary>The versioned contract name saved in models.</summary>
    public const string Contract = "DataGate.Metrics.Eda.v1";

    /// <inheritdoc/>
    public override Action<RecordInput, EdaRow> GetMapping()
        => static (src, dst) => dst.Fill(src.Record);
}
