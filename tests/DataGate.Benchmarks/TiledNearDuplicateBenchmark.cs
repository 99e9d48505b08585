using System.Diagnostics;
using System.Numerics;
using DataGate.Core.Duplicates;

namespace DataGate.Benchmarks;

/// <summary>The near-duplicate search as query tiles against one index (how a user splits it over nodes) vs one search.</summary>
internal sealed class TiledNearDuplicateBenchmark : IBenchmark
{
    public string Name => "neardup-tiles";

    public string Description => "2,000,000 hashes with planted clusters: one search vs 4 query tiles, same pairs and groups [n] [tiles] [radius] [threads]";

    public void Run(string[] args, TextWriter output)
    {
        int n = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2_000_000;
        int tiles = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 4;
        int radius = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 8;
        int threads = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var hashes = PlantedHashes.Generate(n, 42);
        var sw = Stopwatch.StartNew();
        var single = new NearDuplicateIndex(hashes).FindPairs(radius, threads);
        double one = sw.Elapsed.TotalSeconds;
        var tiled = new List<NearDuplicatePair>();
        var perTile = new List<double>();
        for (int t = 0; t < tiles; t++)
        {
            sw.Restart();
            tiled.AddRange(NearDuplicateTileSearch.FindPairs(hashes, (int)((long)n * t / tiles), (int)((long)n * (t + 1) / tiles), radius, threads));
            perTile.Add(sw.Elapsed.TotalSeconds);
        }

        bool samePairs = single.SequenceEqual(tiled);
        var g1 = DuplicateClusters.FromPairs(n, single).Groups;
        var g2 = DuplicateClusters.FromPairs(n, tiled).Groups;
        bool sameGroups = g1.Count == g2.Count && g1.Zip(g2).All(p => p.First.SequenceEqual(p.Second));
        output.WriteLine($"{n:N0} hashes, radius {radius}, threads {threads}: one search {one:F2} s, {single.Count:N0} pairs, {g1.Count:N0} groups");
        output.WriteLine($"{tiles} tiles: {string.Join(" + ", perTile.Select(s => s.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))} s = {perTile.Sum():F2} s, {tiled.Count:N0} pairs; same pairs: {samePairs}, same groups: {sameGroups}");
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"peak working set {process.PeakWorkingSet64 / 1e6:F0} MB");
    }
}
