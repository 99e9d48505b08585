namespace DataGate.Core.Rules;

/// <summary>The verdict on one row: <see cref="GateResult.Verdicts"/>[i] judges <see cref="GateResult.Records"/>[i].</summary>
/// <param name="IsAnalysed">False when the image could not be measured (it is neither kept nor excluded, but errored).</param>
/// <param name="ExcludedBy">Ids of the rules that excluded the row, in rule order; empty when it is kept or errored.</param>
public sealed record RowVerdict(bool IsAnalysed, IReadOnlyList<string> ExcludedBy)
{
    /// <summary>True when the row was measured and no rule excluded it: it belongs in the kept manifest.</summary>
    public bool IsKept => IsAnalysed && ExcludedBy.Count == 0;
}
