using System.Diagnostics;
using System.Numerics;
using DataGate.Core.Duplicates;

namespace DataGate.Benchmarks;

/// <summary>Near-duplicate pair search over 1,000,000 64-bit hashes with planted clusters.</summary>
internal sealed class NearDuplicateBenchmark : IBenchmark
{
    public string Name => "neardup";

    public string Description => "all pairs within Hamming 8 (then 4, 12) among 1,000,000 hashes with planted clusters [n] [threads]";

    public void Run(string[] args, TextWriter output)
    {
        int n = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        int threads = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var hashes = PlantedHashes.Generate(n, seed: 42, out int planted);
        output.WriteLine($"{n:N0} hashes, {planted:N0} in planted clusters (2–6 members within 0–6 bits of a base), threads {threads}");
        GC.Collect();
        long baseline = Process.GetCurrentProcess().WorkingSet64;
        output.WriteLine($"working set before search: {baseline / 1e6:F0} MB");
        foreach (int radius in new[] { 8, 4, 12 })
        {
            var index = new NearDuplicateIndex(hashes);
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            var pairs = index.FindPairs(radius, threads);
            double seconds = sw.Elapsed.TotalSeconds;
            var groups = DuplicateClusters.FromPairs(n, pairs);
            double total = sw.Elapsed.TotalSeconds;
            using var process = Process.GetCurrentProcess();
            output.WriteLine(
                $"radius {radius,2}: {pairs.Count,10:N0} pairs, {groups.Groups.Count,9:N0} groups, {index.LastStrategy}, " +
                $"search {seconds:F2} s, +clusters {total:F2} s, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6:F0} MB, " +
                $"peak working set so far {process.PeakWorkingSet64 / 1e6:F0} MB");
            GC.Collect();
        }
    }
}
