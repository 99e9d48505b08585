using DataGate.Core.Duplicates;

namespace DataGate.Benchmarks;

/// <summary>Group-level scoring of near-duplicate groups against the planted families (nearquality, nearembedding).</summary>
internal static class NearScoring
{
    /// <summary>
    /// Pairs inside predicted near groups against the true families: precision, recall, false pairs, and per copy
    /// kind the share of copies grouped with their original.
    /// </summary>
    public static void Score(DuplicateReport report, Dictionary<string, int> byPath, int[] family, string[] kind, string[] kinds, out double precision, out double recall, out long falsePairs, out Dictionary<string, double> perKind)
    {
        long predicted = 0;
        long correct = 0;
        var groupOf = new Dictionary<int, string>();
        foreach (var g in report.Groups.Where(g => g.Kind == DuplicateKind.Near))
        {
            var members = g.Members.Select(m => byPath[m]).ToList();
            long n = members.Count;
            predicted += n * (n - 1) / 2;
            foreach (var grp in members.GroupBy(m => family[m]))
            {
                long k = grp.Count();
                correct += k * (k - 1) / 2;
            }

            foreach (var m in members)
            {
                groupOf[m] = g.Id;
            }
        }

        long truth = 0;
        foreach (var grp in Enumerable.Range(0, family.Length).GroupBy(i => family[i]))
        {
            long k = grp.Count();
            truth += k * (k - 1) / 2;
        }

        precision = predicted == 0 ? 1 : (double)correct / predicted;
        recall = truth == 0 ? 1 : (double)correct / truth;
        falsePairs = predicted - correct;
        perKind = [];
        foreach (var k in kinds)
        {
            var copies = Enumerable.Range(0, kind.Length).Where(i => kind[i] == k).ToList();
            int found = copies.Count(c => groupOf.TryGetValue(c, out var g) && groupOf.TryGetValue(family[c], out var go) && g == go);
            perKind[k] = copies.Count == 0 ? double.NaN : (double)found / copies.Count;
        }
    }
}
