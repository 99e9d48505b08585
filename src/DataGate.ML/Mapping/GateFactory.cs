using System.ComponentModel;
using Microsoft.ML.Transforms;

namespace DataGate.ML.Mapping;

/// <summary>Judges rows with a fitted gate. Registered by contract name so saved models reload.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class GateFactory : CustomMappingFactory<GateInput, GateRow>
{
    /// <summary>The versioned contract name saved in models.</summary>
    public const string Contract = "DataGate.Gate.v1";

    /// <inheritdoc/>
    public override Action<GateInput, GateRow> GetMapping()
        => static (src, dst) =>
        {
            var settings = GateSettings.Of(src.State);
            var (kept, reason) = settings.Judge(src.Record);
            dst.Kept = kept;
            dst.Reason = reason;
            (dst.OddSizeScore, dst.IsOddSize) = settings.OddSize(src.Record);
        };
}
