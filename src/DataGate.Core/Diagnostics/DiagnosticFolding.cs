using System.Text;

namespace DataGate.Core.Diagnostics;

/// <summary>
/// Folds the findings of one code from one rule into one line for the console and the build log, so that hundreds of
/// similar findings (e.g. one DG2032 per conflicting duplicate group) do not bury the verdict. Reports and
/// <c>--verbose</c> keep every finding; only what a person scrolls through is folded.
/// </summary>
public static class DiagnosticFolding
{
    /// <summary>Default: a code from one rule shown one by one up to this many times, folded above it.</summary>
    public const int DefaultMaxUnfolded = 5;

    /// <summary>How many members a folded line quotes.</summary>
    public const int Quoted = 3;

    /// <summary>
    /// Groups diagnostics by code and rule id (or by code alone when they have no rule), keeping first-appearance
    /// order. A group with more than <paramref name="maxUnfolded"/> members becomes one diagnostic: the group's
    /// highest severity, the first member's position, and a message with the count and the first
    /// <see cref="Quoted"/> messages. Smaller groups are returned as they are.
    /// </summary>
    /// <param name="diagnostics">The diagnostics in display order.</param>
    /// <param name="maxUnfolded">Largest group shown unfolded (≥ 1); <see cref="int.MaxValue"/> folds nothing.</param>
    /// <returns>One entry per line to show: the line's diagnostic and the members it stands for (itself when not folded).</returns>
    public static IReadOnlyList<FoldedDiagnostic> Fold(IEnumerable<Diagnostic> diagnostics, int maxUnfolded = DefaultMaxUnfolded)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUnfolded, 1);
        var groups = new Dictionary<(string Code, string? Rule), List<Diagnostic>>();
        var order = new List<(string Code, string? Rule)>();
        foreach (var d in diagnostics)
        {
            var key = (d.Code, d.RuleId);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                order.Add(key);
            }

            list.Add(d);
        }

        var lines = new List<FoldedDiagnostic>();
        foreach (var key in order)
        {
            var members = groups[key];
            if (members.Count <= maxUnfolded)
            {
                lines.AddRange(members.Select(m => new FoldedDiagnostic(m, [m])));
                continue;
            }

            lines.Add(new FoldedDiagnostic(Summarise(members), members));
        }

        return lines;
    }

    private static Diagnostic Summarise(List<Diagnostic> members)
    {
        var first = members[0];
        var title = DiagnosticCodes.Find(first.Code)?.Title ?? first.Code;
        var text = new StringBuilder();
        text.Append(members.Count).Append(" × ").Append(char.ToLowerInvariant(title[0])).Append(title, 1, title.Length - 1);
        if (first.RuleId is not null)
        {
            text.Append(" (rule '").Append(first.RuleId).Append("')");
        }

        text.Append(": ");
        int quoted = Math.Min(Quoted, members.Count);
        for (int i = 0; i < quoted; i++)
        {
            var m = members[i];
            text.Append(i == 0 ? string.Empty : "; ").Append(m.Message);
            if (m.ImagePath is not null)
            {
                text.Append(" [").Append(m.ImagePath).Append(']');
            }
        }

        text.Append("; … ").Append(members.Count - quoted).Append(" more (summary.md and report.json list all; --verbose prints all)");
        var severity = members.Max(m => m.Severity);
        var location = members.FirstOrDefault(m => m.Location is not null)?.Location;
        return new Diagnostic(first.Code, severity, text.ToString(), location, null, first.RuleId);
    }
}
