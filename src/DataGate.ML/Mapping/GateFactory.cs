using System.ComponentModel;
using Microsoft.ML.Transforms;

namespace DataGate.ML.Mapping;

/// <summary>Judges rows with a fitted gate. Registered by contract name so saved models reload.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class GateFactory : CustomMappingFactory<GateInput, GateRow>
{
    /// <summary>The versioned contract name saved in models.</summary>
    public const string Contract = "DataGate.Gate.v2";

    /// <inheritdoc/>
    public override Action<GateInput, GateRow> GetMapping()
        => static (src, dst) =>
        {
            var settings = GateSettings.Of(src.State);
            var row = settings.Judge(src.Record);
            dst.Kept = row.Kept;
            dst.Reason = row.Reason;
            dst.DuplicateGroup = row.DuplicateGroup;
            dst.Split = row.Split;
            dst.Fold = row.Fold;
            dst.Stratum = row.Stratum;
            (dst.OddSizeScore, dst.IsOddSize) = settings.OddSize(src.Record);
        };
}
