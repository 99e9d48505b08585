using System.Globalization;
using DataGate.Core.Duplicates;

namespace DataGate.Core.Reports;

/// <summary>
/// <c>duplicates.csv</c>: one row per member of every duplicate group — the group, its kind, whether the member is the
/// one kept, and the evidence of the link that joined it to the group (for exact groups: the kept member, distance 0).
/// </summary>
internal static class DuplicatesCsvWriter
{
    /// <summary>The header row's columns.</summary>
    public static readonly string[] Columns = ["group", "kind", "path", "kept", "linked_to", "distance", "dhash_distance", "correlation", "mirrored", "similarity"];

    public static void Write(TextWriter w, DuplicateReport report)
    {
        w.Write(string.Join(",", Columns));
        w.Write('\n');
        foreach (var g in report.Groups)
        {
            // Each member's evidence pair: the first pair that names it second, else the first that names it first; indexed
            // in one pass (a look-alike group holds thousands of members and pairs, so no per-member scan).
            var bySecond = new Dictionary<string, DuplicatePair>(StringComparer.Ordinal);
            var byFirst = new Dictionary<string, DuplicatePair>(StringComparer.Ordinal);
            foreach (var p in g.Pairs)
            {
                bySecond.TryAdd(p.Second, p);
                byFirst.TryAdd(p.First, p);
            }

            foreach (var m in g.Members)
            {
                string kind = g.Kind == DuplicateKind.Exact ? (g.ByteIdentical ? "exact_bytes" : "exact_pixels") : "near";
                string linked = string.Empty;
                string distance = string.Empty;
                string dhash = string.Empty;
                string correlation = string.Empty;
                string mirrored = string.Empty;
                string similarity = string.Empty;
                if (g.Kind == DuplicateKind.Exact)
                {
                    linked = m == g.Kept ? string.Empty : g.Kept;
                    distance = m == g.Kept ? string.Empty : "0";
                }
                else if ((bySecond.GetValueOrDefault(m) ?? byFirst.GetValueOrDefault(m)) is { } pair)
                {
                    linked = pair.First == m ? pair.Second : pair.First;
                    distance = pair.Distance.ToString(CultureInfo.InvariantCulture);
                    dhash = pair.DHashDistance?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
                    correlation = pair.Correlation is { } r ? Csv.Number(r) : string.Empty;
                    mirrored = pair.Mirrored ? "true" : "false";
                    similarity = pair.Similarity is { } c ? Csv.Number(c) : string.Empty;
                }

                w.Write(string.Join(",", Csv.Field(g.Id), kind, Csv.Field(m), m == g.Kept ? "true" : "false", Csv.Field(linked), distance, dhash, correlation, mirrored, similarity));
                w.Write('\n');
            }
        }
    }
}
