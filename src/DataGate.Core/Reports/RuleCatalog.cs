using DataGate.Core.Rules;

namespace DataGate.Core.Reports;

/// <summary>Every rule of a run, in rule-file order, and the findings that belong to each.</summary>
internal static class RuleCatalog
{
    /// <summary>Id of the pseudo-rule that holds the gate limits and findings that belong to no rule.</summary>
    public const string GateId = "gate";

    public static IReadOnlyList<RuleEntry> Of(GateResult result)
    {
        var c = result.Config;
        var rules = new List<RuleEntry>();
        rules.AddRange(c.Quality.Select(r => new RuleEntry(r.Id, "quality", r.Describe(), r.Location)));
        if (c.Duplicates.Exact is not null)
        {
            rules.Add(new RuleEntry(DuplicateEvaluator.ExactRuleId, "duplicates", "Exact duplicates (same bytes or same pixels) keep one copy.", c.Duplicates.Exact.Location ?? c.Duplicates.Location));
        }

        if (c.Duplicates.Near is not null)
        {
            rules.Add(new RuleEntry(DuplicateEvaluator.NearRuleId, "duplicates", "Near duplicates (perceptual hashes within the configured distance) keep one copy.", c.Duplicates.Near.Location ?? c.Duplicates.Location));
        }

        if (c.Duplicates.LabelConflicts is not null)
        {
            rules.Add(new RuleEntry(DuplicateEvaluator.ConflictRuleId, "duplicates", "Members of one duplicate group agree on every label.", c.Duplicates.LabelConflictsLocation ?? c.Duplicates.Location));
        }

        rules.AddRange(c.Balance.Select(r => new RuleEntry(r.Id, "balance", r.Describe(), r.Location)));
        rules.AddRange(c.Parity.Select(r => new RuleEntry(r.Id, "parity", r.Describe(), r.Location)));

        // Findings from rules a newer evaluator adds (and this list does not know yet) still get a test case.
        var known = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var f in result.Findings)
        {
            if (f.Diagnostic.RuleId is { } id && known.Add(id))
            {
                rules.Add(new RuleEntry(id, "rule", f.RuleDescription ?? id, f.Diagnostic.Location));
            }
        }

        rules.Add(new RuleEntry(GateId, "gate",
            FormattableString.Invariant($"At least {c.Gate.MinImages} image(s); at most {c.Gate.MaxExcludedFraction:P0} excluded and {c.Gate.MaxErroredFraction:P0} unreadable."), null));
        return rules;
    }

    /// <summary>The findings of a rule (for <see cref="GateId"/>: those of no rule).</summary>
    public static IEnumerable<Finding> FindingsOf(GateResult result, string ruleId, IReadOnlySet<string> known) =>
        ruleId == GateId
            ? result.Findings.Where(f => f.Diagnostic.RuleId is null || !known.Contains(f.Diagnostic.RuleId))
            : result.Findings.Where(f => f.Diagnostic.RuleId == ruleId);
}
