using System.Diagnostics;
using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.Core.Caching;
using DataGate.Core.Hashing;
using DataGate.Core.Imaging;
using DataGate.Core.Metrics;

namespace DataGate.Benchmarks;

/// <summary>
/// Memory a long-lived host (a reused MSBuild node) keeps after measuring images of many distinct sizes: every metric
/// on 2,000 generated images of distinct widths and heights, then the live managed heap compared with before the run.
/// Args: [SIZES=2000] [HEIGHT=8] (heights HEIGHT … HEIGHT+96).
/// </summary>
internal sealed class RetainedMemoryBenchmark : IBenchmark
{
    public string Name => "retained";

    public string Description => "retained managed memory after measuring 2,000 distinct image sizes (bounded size caches)";

    public void Run(string[] args, TextWriter output)
    {
        int sizes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        int baseHeight = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var measurer = new ImageMeasurer(selection: MetricSelection.Of("all"));
        var random = new Random(2);
        byte[] Pixels(int w, int h)
        {
            var p = new byte[w * h * 3];
            random.NextBytes(p);
            return p;
        }

        // Warm up: statics, the BRISQUE model, one size.
        measurer.MeasurePixels(Pixels(64, 48), 64, 48, 64 * 3, PixelLayout.Rgb24, "warm");
        long start = Live();
        var watch = Stopwatch.StartNew();
        long pixels = 0;
        long peak = start;
        for (int i = 0; i < sizes; i++)
        {
            int w = 64 + i;
            int h = baseHeight + (i % 97);
            var record = measurer.MeasurePixels(Pixels(w, h), w, h, w * 3, PixelLayout.Rgb24, $"img{i}");
            if (record.Error is not null)
            {
                throw new InvalidOperationException(record.Error.ToString());
            }

            pixels += (long)w * h;
            if (i % 250 == 249)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            }
        }

        double seconds = watch.Elapsed.TotalSeconds;
        long bounded = Live();
        var held = $"FFT plans {FftPlan.Cache.Bytes / 1048576.0:F1}/{FftPlan.CacheBudgetBytes >> 20} MiB ({FftPlan.Cache.Count}), FFT-blur lines {FftBlur.Cache.Bytes / 1048576.0:F1}/{FftBlur.CacheBudgetBytes >> 20} MiB ({FftBlur.Cache.Count}), bicubic {PillowBicubic.Cache.Bytes / 1048576.0:F1}/{PillowBicubic.CacheBudgetBytes >> 20} MiB ({PillowBicubic.Cache.Count}), Lanczos {PillowResize.Cache.Bytes / 1048576.0:F1}/{PillowResize.CacheBudgetBytes >> 20} MiB ({PillowResize.Cache.Count})";
        SizeCaches.Release(); // what DatasetAnalyzer.Run does when a run ends
        long end = Live();
        output.WriteLine($"{sizes} distinct sizes (widths 64–{63 + sizes}, heights {baseHeight}–{baseHeight + 96}), {pixels / 1e6:F0} MP, every metric, in {seconds:F1} s");
        output.WriteLine($"live managed heap: {start / 1048576.0:F1} MiB before; {bounded / 1048576.0:F1} MiB at the end with the bounded caches full ({held}); {end / 1048576.0:F1} MiB after the end-of-run release (+{(end - start) / 1048576.0:F1} MiB over the start); highest sampled during the run {peak / 1048576.0:F1} MiB");
        output.WriteLine($"process working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MiB (includes the thread's reusable pixel and metric buffers, at most 16 MiB each)");
    }

    private static long Live()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
