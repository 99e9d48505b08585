using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;

namespace DataGate.Core.Duplicates;

/// <summary>Cross-split leakage: duplicate groups whose members were assigned to more than one split.</summary>
internal static class SplitLeakage
{
    /// <summary>One DG2033 finding per group that spans splits.</summary>
    /// <param name="report">The run's duplicate groups.</param>
    /// <param name="splitOf">Split name of a path (<c>train</c>, <c>val</c>, <c>test</c>), or null when it is in none.</param>
    public static IReadOnlyList<Finding> Find(DuplicateReport report, Func<string, string?> splitOf)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(splitOf);
        var findings = new List<Finding>();
        foreach (var component in report.GroupOfImage.GroupBy(kv => kv.Value, kv => kv.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var assigned = component.Select(p => (Path: p, Split: splitOf(p))).Where(x => x.Split is not null).OrderBy(x => x.Path, StringComparer.Ordinal).ToList();
            var splits = assigned.Select(x => x.Split!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (splits.Count < 2)
            {
                continue;
            }

            findings.Add(new Finding
            {
                Diagnostic = DiagnosticCodes.SplitLeakage.Create($"duplicate group {component.Key} spans splits {string.Join(", ", splits)}: a copy seen in training leaks into evaluation"),
                Images = assigned.Select(x => new ImageValue(x.Path, double.NaN, "split " + x.Split)).ToList(),
            });
        }

        return findings;
    }
}
