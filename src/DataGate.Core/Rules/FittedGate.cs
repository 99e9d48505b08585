using DataGate.Core.Analysis;
using DataGate.Core.Diagnostics;
using DataGate.Core.Duplicates;
using DataGate.Core.Metrics;

namespace DataGate.Core.Rules;

/// <summary>
/// A rule set fitted over rows (<see cref="RuleSet.Fit"/>): the resolved quality bounds, the odd-size band, the
/// duplicate groups, the balance and parity results over the kept rows, and the verdicts of the fitted rows.
/// Immutable; <see cref="Apply"/> judges rows with this state and writes nothing.
/// </summary>
public sealed class FittedGate
{
    private readonly IReadOnlyList<ImageRecord> _input;
    private readonly OddSizeFences? _fences;
    private readonly RowEvaluation _evaluation;

    internal FittedGate(
        RuleSet rules,
        IReadOnlyList<ImageRecord> input,
        OddSizeFences? fences,
        IReadOnlyDictionary<string, (double Min, double Max)> bounds,
        RowEvaluation evaluation,
        IReadOnlyList<BalanceRuleResult> balance,
        IReadOnlyList<ParityRuleResult> parity,
        Splits.SplitFitting.Outcome splits)
    {
        Rules = rules;
        _input = input;
        _fences = fences;
        _evaluation = evaluation;
        ResolvedBounds = bounds;
        BalanceResults = balance;
        ParityResults = parity;
        Splits = splits.Plan;
        _splitFindings = splits.Findings;
    }

    private readonly IReadOnlyList<Finding> _splitFindings;

    /// <summary>
    /// The split assignment of the kept fitted rows (rows of the plan = the kept rows in order), or null when the rule
    /// file has no <c>splits:</c> or its lock file is unreadable (DG3015).
    /// </summary>
    public Splits.SplitPlan? Splits { get; }

    /// <summary>The odd-size band fitted (null when no fitted row had a size).</summary>
    internal OddSizeFences? Fences => _fences;

    /// <summary>
    /// A gate restored from saved state (<see cref="FittedGateState"/>): the rule set, resolved bounds and odd-size band.
    /// It has no fitted rows, verdicts, duplicate groups, balance or parity results: <see cref="Apply"/> judges rows
    /// with the restored bounds and band, and finds duplicates among the rows it is given.
    /// </summary>
    internal static FittedGate Restore(RuleSet rules, IReadOnlyDictionary<string, (double Min, double Max)> bounds, OddSizeFences? fences)
        => new(rules, [], fences, bounds, new RowEvaluation([], [], [], DuplicateReport.Empty, new GateCounts(0, 0, 0, 0)), [], [], global::DataGate.Core.Splits.SplitFitting.Outcome.None);

    /// <summary>The rule set fitted.</summary>
    public RuleSet Rules { get; }

    /// <summary>The fitted rows, with the dataset-relative metrics (odd size) filled, in input order.</summary>
    public IReadOnlyList<ImageRecord> Rows => _evaluation.Rows;

    /// <summary>The verdict of each fitted row (row-indexed like <see cref="Rows"/>).</summary>
    public IReadOnlyList<RowVerdict> Verdicts => _evaluation.Verdicts;

    /// <summary>The resolved bounds of each quality rule, by rule id (relative thresholds computed on the fitted rows).</summary>
    public IReadOnlyDictionary<string, (double Min, double Max)> ResolvedBounds { get; }

    /// <summary>Duplicate groups among the fitted rows.</summary>
    public DuplicateReport Duplicates => _evaluation.Duplicates;

    /// <summary>Balance rule results over the kept fitted rows, in file order.</summary>
    public IReadOnlyList<BalanceRuleResult> BalanceResults { get; }

    /// <summary>Parity rule results over the kept fitted rows, in file order.</summary>
    public IReadOnlyList<ParityRuleResult> ParityResults { get; }

    /// <summary>
    /// Judges rows with the fitted state: quality rules against the fitted bounds, odd size against the fitted band,
    /// duplicates among the given rows (the fitted groups when they are the fitted rows), gate limits on their counts.
    /// Balance, parity and splits are dataset-level: the result carries the fitted ones.
    /// </summary>
    /// <param name="rows">Rows to judge; not written. Passing the fitted rows themselves gives the <c>check</c> verdict.</param>
    /// <param name="diagnostics">Diagnostics of how the rows were gathered (scan, labels), reported first; null for none.</param>
    /// <param name="maxDegreeOfParallelism">Threads of the duplicate search; 0 means one per core.</param>
    /// <param name="cancellationToken">Stops the run between stages and rules.</param>
    /// <returns>Row-indexed verdicts (<see cref="GateResult.Verdicts"/>) and every finding.</returns>
    public GateResult Apply(IReadOnlyList<ImageRecord> rows, IReadOnlyList<Diagnostic>? diagnostics = null, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var evaluation = _evaluation;
        if (!IsFittedRows(rows))
        {
            var measured = DatasetMetrics.Apply(rows, _fences, Rules.Config.CleanVision);
            var duplicates = Rules.FindDuplicates(measured, maxDegreeOfParallelism, cancellationToken);
            evaluation = GateEvaluator.EvaluateRows(Rules.Config, measured, ResolvedBounds, duplicates, cancellationToken);
        }

        var findings = new List<Finding>();
        foreach (var d in diagnostics ?? [])
        {
            findings.Add(new Finding { Diagnostic = d });
        }

        findings.AddRange(evaluation.Findings);
        findings.AddRange(BalanceResults.Select(b => b.Finding).OfType<Finding>());
        findings.AddRange(ParityResults.Select(p => p.Finding).OfType<Finding>());
        findings.AddRange(_splitFindings);
        var exclusions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (int i = 0; i < evaluation.Rows.Count; i++)
        {
            if (evaluation.Verdicts[i].ExcludedBy.Count > 0)
            {
                exclusions[evaluation.Rows[i].Path] = evaluation.Verdicts[i].ExcludedBy;
            }
        }

        return new GateResult
        {
            Config = Rules.Config,
            Records = evaluation.Rows,
            Verdicts = evaluation.Verdicts,
            Findings = findings,
            Exclusions = exclusions,
            ResolvedBounds = ResolvedBounds,
            Duplicates = evaluation.Duplicates,
            BalanceResults = BalanceResults,
            ParityResults = ParityResults,
            Splits = Splits,
            Counts = evaluation.Counts,
        };
    }

    private bool IsFittedRows(IReadOnlyList<ImageRecord> rows)
    {
        if (ReferenceEquals(rows, _input))
        {
            return true;
        }

        if (rows.Count != _input.Count)
        {
            return false;
        }

        for (int i = 0; i < rows.Count; i++)
        {
            if (!ReferenceEquals(rows[i], _input[i]))
            {
                return false;
            }
        }

        return true;
    }
}
