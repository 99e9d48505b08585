using DataGate.Core.Analysis;
using DataGate.Core.Duplicates;

namespace DataGate.Core.Rules;

/// <summary>What applying fitted per-row state to rows gave: row findings, row verdicts, counts. Immutable.</summary>
/// <param name="Rows">The rows judged (dataset-relative metrics filled), in input order.</param>
/// <param name="Verdicts">One verdict per row.</param>
/// <param name="Findings">Notes and errors of the rows, quality-rule, duplicate and gate-limit findings, in that order.</param>
/// <param name="Duplicates">The duplicate groups among the rows.</param>
/// <param name="Counts">Counts of the rows.</param>
internal sealed record RowEvaluation(
    IReadOnlyList<ImageRecord> Rows,
    IReadOnlyList<RowVerdict> Verdicts,
    IReadOnlyList<Finding> Findings,
    DuplicateReport Duplicates,
    GateCounts Counts)
{
    /// <summary>The kept rows, in order.</summary>
    public List<ImageRecord> Kept()
    {
        var kept = new List<ImageRecord>();
        for (int i = 0; i < Rows.Count; i++)
        {
            if (Verdicts[i].IsKept)
            {
                kept.Add(Rows[i]);
            }
        }

        return kept;
    }
}
