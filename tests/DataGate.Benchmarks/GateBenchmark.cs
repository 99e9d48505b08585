using System.Diagnostics;
using DataGate.Core;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Imaging;
using DataGate.Core.Rules;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Benchmarks;

/// <summary>
/// Full per-image analysis (read + decode + every metric and hash) over N generated 200×200 JPEGs, in parallel
/// across images. Usage: <c>gate [N=20000] [threads=2] [folder] [metrics=default] [engine=default]</c>; <c>metrics</c> is a
/// comma-separated selection (e.g. <c>default,eda</c> to add the opt-in eda family), <c>engine</c> a decode engine name
/// (either order; run each engine in its own process so the peak working set is the engine's).
/// </summary>
internal sealed class GateBenchmark : IBenchmark
{
    public string Name => "gate";

    public string Description => "images/s of the full analysis on N generated 200x200 JPEGs (default 20000, 2 threads)";

    public void Run(string[] args, TextWriter output)
    {
        int n = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        int threads = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2;
        string folder = args.Length > 2 && args[2].Length > 0 && args[2] != "-" ? args[2] : Path.Combine(Path.GetTempPath(), $"datagate-bench-{n}");
        var metrics = MetricSelection.Default;
        var engine = DecodeEngineNames.Default;
        foreach (var arg in args.Skip(3))
        {
            if (!DecodeEngineNames.TryParse(arg, out engine))
            {
                engine = DecodeEngineNames.Default;
                metrics = MetricSelection.Of(arg.Split(','));
            }
        }

        Generate(folder, n, output);

        var config = GateConfig.ForFolder(folder);
        // Warm-up on a few images so JIT time is not counted: the analysis and the fit + apply (whose code otherwise
        // runs first at tier 0 inside the timed fit; a cold fit of this set takes about 0.5 s longer).
        var options = new GateRunOptions { MaxDegreeOfParallelism = threads, Metrics = metrics, DecodeEngine = engine };
        var warm = DatasetAnalyzer.Run(GateConfig.ForFolder(Path.Combine(folder, "000")), options);
        _ = RuleSet.FromConfig(new GateConfig { Dataset = DatasetSettings.None }).Check(warm.Records, warm.Diagnostics, threads);
        GC.Collect();
        long allocated0 = GC.GetTotalAllocatedBytes(precise: false);
        int[] collections0 = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var pause0 = GC.GetTotalPauseDuration();
        long peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var analysis = DatasetAnalyzer.Run(config, options);
        sw.Stop();

        // Fit + apply with the default duplicate settings (exact; near: pHash ≤ 4, confirmed, mirror-aware), timed apart.
        // Every generated image is the same template, so thousands of images are pHash candidates of one another (a
        // look-alike set): the bounded candidate search (max_candidates per image) keeps this O(n · cap).
        var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
        var defaults = RuleSet.FromConfig(new GateConfig { Dataset = DatasetSettings.None });
        var fitWatch = Stopwatch.StartNew();
        var result = defaults.Check(analysis.Records, analysis.Diagnostics, threads);
        fitWatch.Stop();
        var dup = result.Duplicates;
        var cpuFit = Process.GetCurrentProcess().TotalProcessorTime;

        // The duplicate search alone (the same search Check ran), timed after the fit for the breakdown.
        var findWatch = Stopwatch.StartNew();
        _ = Core.Duplicates.DuplicateFinder.Find(analysis.Records, defaults.Config.Duplicates, null, threads);
        findWatch.Stop();
        var process = Process.GetCurrentProcess();
        int ok = analysis.Records.Count(r => r.IsAnalysed);
        output.WriteLine($"engine: {DecodeEngineNames.NameOf(engine)}, images: {analysis.Records.Count} ({ok} analysed), threads: {threads}, metrics: {metrics}, load average at the end (1, 5, 15 min): {File.ReadAllText("/proc/loadavg").Trim()}");
        output.WriteLine($"time: {sw.Elapsed.TotalSeconds:F2} s, throughput: {analysis.Records.Count / sw.Elapsed.TotalSeconds:F0} images/s");
        output.WriteLine($"fit + apply (default settings: exact + near duplicates, odd size): {fitWatch.Elapsed.TotalSeconds:F2} s, kept {result.Counts.Kept}, groups {dup.Groups.Count} ({dup.Groups.Count(g => g.Kind == Core.Duplicates.DuplicateKind.Near)} near), near candidates {dup.NearCandidatePairs}, unconfirmed {dup.NearUnconfirmedPairs}, capped images {dup.NearCappedImages.Count}");
        output.WriteLine($"  of which the duplicate search (run again alone): {findWatch.Elapsed.TotalSeconds:F2} s");
        output.WriteLine($"full gate (analysis + fit + apply): {analysis.Records.Count / (sw.Elapsed.TotalSeconds + fitWatch.Elapsed.TotalSeconds):F0} images/s");
        // CPU time is what a shared machine's load does not inflate much: the cost per image on one core.
        output.WriteLine($"CPU time: analysis {(cpu1 - cpu0).TotalSeconds:F1} s ({(cpu1 - cpu0).TotalMilliseconds * 1000 / analysis.Records.Count:F0} µs/image), fit + apply {(cpuFit - cpu1).TotalSeconds:F1} s ({(cpuFit - cpu1).TotalMilliseconds * 1000 / analysis.Records.Count:F0} µs/image); {threads} threads fully used would give {threads * analysis.Records.Count / (cpuFit - cpu0).TotalSeconds:F0} images/s");
        output.WriteLine($"managed allocation: {(GC.GetTotalAllocatedBytes(precise: false) - allocated0) / analysis.Records.Count / 1024.0:F1} KiB/image, GCs gen0/1/2: {GC.CollectionCount(0) - collections0[0]}/{GC.CollectionCount(1) - collections0[1]}/{GC.CollectionCount(2) - collections0[2]}, GC pauses {(GC.GetTotalPauseDuration() - pause0).TotalSeconds:F2} s");
        output.WriteLine($"peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MiB (before run {peakBefore / (1024 * 1024)} MiB), managed heap now {GC.GetTotalMemory(false) / (1024 * 1024)} MiB");
    }

    internal static void Generate(string folder, int n, TextWriter output)
    {
        var marker = Path.Combine(folder, ".complete");
        if (File.Exists(marker))
        {
            return;
        }

        output.WriteLine($"generating {n} JPEGs in {folder} ...");
        var encoder = new JpegEncoder { Quality = 90 };
        Parallel.For(0, n, i =>
        {
            var dir = Path.Combine(folder, (i / 1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            var rng = new Random(i);
            using var image = new Image<Rgb24>(200, 200);
            int cx = 90 + rng.Next(20);
            int cy = 90 + rng.Next(20);
            var skin = new Rgb24((byte)(120 + rng.Next(120)), (byte)(80 + rng.Next(100)), (byte)(60 + rng.Next(80)));
            for (int y = 0; y < 200; y++)
            {
                for (int x = 0; x < 200; x++)
                {
                    double dx = (x - cx) / 60.0;
                    double dy = (y - cy) / 80.0;
                    int noise = rng.Next(-12, 13);
                    image[x, y] = dx * dx + dy * dy < 1
                        ? new Rgb24(Clamp(skin.R + noise), Clamp(skin.G + noise), Clamp(skin.B + noise))
                        : new Rgb24(Clamp(x + noise), Clamp(y + noise), Clamp(128 + noise));
                }
            }

            image.SaveAsJpeg(Path.Combine(dir, $"{rng.Next(1, 90)}_{rng.Next(2)}_{rng.Next(5)}_{i:D8}.jpg.chip.jpg"), encoder);
        });
        File.WriteAllText(marker, n.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);
}
