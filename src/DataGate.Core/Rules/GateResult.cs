using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;

namespace DataGate.Core.Rules;

/// <summary>The verdict of a run: findings, what was excluded and why, counts.</summary>
public sealed class GateResult
{
    /// <summary>The configuration evaluated.</summary>
    public required GateConfig Config { get; init; }

    /// <summary>Every row judged, in input order (ordinal path order for a dataset folder).</summary>
    public required IReadOnlyList<ImageRecord> Records { get; init; }

    /// <summary>The verdict of each row: <c>Verdicts[i]</c> judges <c>Records[i]</c>.</summary>
    public required IReadOnlyList<RowVerdict> Verdicts { get; init; }

    /// <summary>All findings: rule results, gate limits, and every diagnostic of scanning, labelling and decoding.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>For each excluded image, the ids of the rules that excluded it.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Exclusions { get; init; }

    /// <summary>The resolved bounds of each quality rule (relative thresholds computed on this dataset).</summary>
    public required IReadOnlyDictionary<string, (double Min, double Max)> ResolvedBounds { get; init; }

    /// <summary>Duplicate groups found in this run.</summary>
    public Duplicates.DuplicateReport Duplicates { get; init; } = Core.Duplicates.DuplicateReport.Empty;

    /// <summary>Balance rule results over the kept images, in file order.</summary>
    public IReadOnlyList<BalanceRuleResult> BalanceResults { get; init; } = [];

    /// <summary>Parity rule results over the kept images, in file order.</summary>
    public IReadOnlyList<ParityRuleResult> ParityResults { get; init; } = [];

    /// <summary>
    /// The split assignment of the kept images (plan row i is the i-th image of <see cref="Kept"/>, fitted rows), or
    /// null when the rule file has no <c>splits:</c> or the lock file was unreadable.
    /// </summary>
    public Splits.SplitPlan? Splits { get; init; }

    /// <summary>Counts of every input.</summary>
    public required GateCounts Counts { get; init; }

    /// <summary>True when no finding has error severity.</summary>
    public bool Passed => !Findings.Any(f => f.Diagnostic.Severity == Severity.Error);

    /// <summary>Records that were analysed and not excluded, in order.</summary>
    public IEnumerable<ImageRecord> Kept => Records.Where((r, i) => Verdicts[i].IsKept);
}
