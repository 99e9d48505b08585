using System.Diagnostics;
using System.Globalization;
using DataGate.Core;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Hashing;
using DataGate.Core.Imaging;
using DataGate.Core.Metrics;
using DataGate.Core.Quality.Brisque;
using DataGate.Core.Rules;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Benchmarks;

/// <summary>
/// Photo-sized images (issue 15 §3): generated photo-like JPEGs (q90, 4:2:0) of about 0.2, 1 and 5 MP, each at a
/// smooth size (factors 2 and 3) and a prime size. Part 1, one thread: milliseconds per megapixel of every stage of the
/// analysis (decode with each engine, each metric family, the hashes, the resizes inside them) and of the whole
/// per-image measurement. Part 2: the full gate (analysis + fit + apply, default metrics and duplicate settings) on a
/// folder holding <c>sets</c> copies of the six sizes, on <c>threads</c> threads, in MP/s.
/// CPU time (process, while one thread works) is printed beside wall time: on a shared machine it is the figure that
/// load does not inflate. Usage: <c>photo [reps=3] [sets=6] [threads=2] [part=all|stages|gate]</c>.
/// </summary>
internal sealed class PhotoBenchmark : IBenchmark
{
    private static readonly (int Width, int Height)[] s_sizes =
    [
        (512, 384), (509, 383),       // ~0.2 MP: smooth 2^9 × 3·2^7, prime × prime
        (1024, 768), (1031, 769),     // ~0.8 MP
        (2592, 1944), (2593, 1949),   // ~5 MP (a 5-MP camera's frame)
    ];

    public string Name => "photo";

    public string Description => "per-stage ms/MP on 0.2/1/5-MP photo-like JPEGs (smooth and prime sizes), and the full gate's MP/s on photos";

    public void Run(string[] args, TextWriter output)
    {
        int reps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        int sets = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6;
        int threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        string part = args.Length > 3 ? args[3] : "all";
        string? only = args.Length > 4 ? args[4] : null; // one size of the stage table, e.g. 1031x769
        output.WriteLine($"photo benchmark: reps {reps}, sets {sets}, threads {threads}; {Environment.ProcessorCount} cores; load average at start {LoadAverage()}");
        output.WriteLine("usage: photo [reps=3] [sets=6] [threads=2] [part=all|stages|gate] [WxH: one size of the stage table]");
        if (part == "values")
        {
            // Every value of every metric and hash, round-trip formatted, for a before/after diff of an optimisation.
            using var values = Core.Caching.LargeBufferPool.OpenRun(); // as in a dataset run: photo-sized arrays reused
            var measurer = new ImageMeasurer();
            foreach (var (w, h) in s_sizes.Concat([(127, 131), (211, 199), (640, 479), (1009, 1013), (1500, 1001)]))
            {
                var record = measurer.MeasureEncoded(PhotoJpeg(w, h, w * 7 + h), $"{w}x{h}.jpg");
                output.WriteLine($"{w}x{h} {string.Join(' ', MetricCatalog.All.Select(m => record[m].ToString("R", CultureInfo.InvariantCulture)))} {string.Join(' ', record.Texts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value))}");
            }

            return;
        }

        if (part is "all" or "stages")
        {
            Stages(reps, only, output);
        }

        if (part is "all" or "gate")
        {
            Gate(sets, threads, output);
        }
    }

    /// <summary>A photo-like image: a sky-to-ground gradient, a few soft discs, fine texture and sensor noise.</summary>
    internal static byte[] PhotoJpeg(int width, int height, int seed)
    {
        var rng = new Random(seed);
        var px = new byte[width * height * 3];
        var discs = Enumerable.Range(0, 6).Select(_ => (X: rng.NextDouble() * width, Y: rng.NextDouble() * height, R: (0.05 + (0.2 * rng.NextDouble())) * Math.Min(width, height), C: (rng.Next(40, 230), rng.Next(40, 230), rng.Next(40, 230)))).ToArray();
        for (int y = 0; y < height; y++)
        {
            double t = (double)y / height;
            for (int x = 0; x < width; x++)
            {
                double r = 90 + (110 * (1 - t)), g = 120 + (60 * (1 - t)), b = 200 - (120 * t);
                foreach (var d in discs)
                {
                    double dx = x - d.X, dy = y - d.Y;
                    double w = Math.Clamp(1.5 - (Math.Sqrt((dx * dx) + (dy * dy)) / d.R), 0, 1);
                    r += w * (d.C.Item1 - r);
                    g += w * (d.C.Item2 - g);
                    b += w * (d.C.Item3 - b);
                }

                double texture = 12 * Math.Sin((x * 0.37) + (y * 0.11)) * Math.Cos(y * 0.23);
                int o = ((y * width) + x) * 3;
                px[o] = Clamp(r + texture + rng.Next(-6, 7));
                px[o + 1] = Clamp(g + texture + rng.Next(-6, 7));
                px[o + 2] = Clamp(b + texture + rng.Next(-6, 7));
            }
        }

        using var image = Image.LoadPixelData<Rgb24>(px, width, height);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 90, ColorType = JpegColorType.YCbCrRatio420 });
        return stream.ToArray();
    }

    private static byte Clamp(double v) => (byte)Math.Clamp((int)v, 0, 255);

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    private static void Stages(int reps, string? only, TextWriter output)
    {
        using var pooled = Core.Caching.LargeBufferPool.OpenRun(); // as in a dataset run: photo-sized arrays reused
        var brisque = new Brisque(BrisqueModel.LoadDefault());
        var measurer = new ImageMeasurer();
        var turbo = new SafeImageDecoder(new DecodeOptions { Engine = DecodeEngine.LibJpegTurbo });
        var sharp = new SafeImageDecoder(new DecodeOptions { Engine = DecodeEngine.ImageSharp });
        var rows = new List<(string Size, double Mp, Dictionary<string, (double Wall, double Cpu)> Ms)>();
        string[] stageNames = [];
        // A size not in the table (e.g. 200x200, the face crops of the gate benchmark) is measured on its own.
        var sizes = only is { } o && !s_sizes.Any(s => o == $"{s.Width}x{s.Height}") && o.Split('x') is [var ow, var oh] ? [(int.Parse(ow, CultureInfo.InvariantCulture), int.Parse(oh, CultureInfo.InvariantCulture))] : s_sizes.Where(s => only is null || only == $"{s.Width}x{s.Height}").ToArray();
        foreach (var (w, h) in sizes)
        {
            var jpeg = PhotoJpeg(w, h, w ^ h);
            var image = turbo.Decode(jpeg, "p.jpg").Image!;
            double mp = w * h / 1e6;
            var ws = MetricsWorkspace.Current;
            int n = image.PixelCount;
            var gray = new byte[n];
            var keys = new int[n];
            var hr = new int[256];
            var hg = new int[256];
            var hb = new int[256];
            var hgray = new int[256];
            var buckets = new int[QualityMetricsCalculator.BucketCount];
            QualityMetricsCalculator.Scan(image.Pixels, n, gray, keys, hr, hg, hb, hgray, buckets);
            var (tw, th) = CleanVisionBlur.ThumbnailSize(w, h);
            var thumb = new byte[tw * th * 3];
            var resizeScratch = new byte[tw * h * 3];
            var stages = new (string Name, Action Run)[]
            {
                ("decode libjpeg-turbo", () => turbo.Decode(jpeg, "p.jpg")),
                ("decode imagesharp", () => sharp.Decode(jpeg, "p.jpg")),
                ("  detect + identify (imagesharp)", () => { _ = SixLabors.ImageSharp.Image.DetectFormat(jpeg); _ = SixLabors.ImageSharp.Image.Identify(jpeg); }),
                ("  container walk", () => ContainerCheck.Check("JPEG", jpeg)),
                ("  baseline fast path only", () => BaselineJpegDecoder.TryDecode(jpeg, w, h, false, image.Pixels)),
                ("  libjpeg-turbo pixels only (SKCodec)", () => SkiaJpegDecoder.Decode(jpeg, w, h, false, image.Pixels)),
                ("quality: pixel scan (gray, keys, histograms)", () => QualityMetricsCalculator.Scan(image.Pixels, n, gray, keys, hr, hg, hb, hgray, buckets)),
                ("quality: unique colours", () => UniqueColors.Count(image.Pixels, n, hr, ws)),
                ("quality: brightness percentiles", () => BrightnessPercentiles.Compute(keys.AsSpan(0, n), buckets, QualityMetricsCalculator.BucketShift, ws)),
                ("quality: skin tone", () => SkinToneEstimator.Compute(image.Pixels, w, h)),
                ("quality: cleanvision blur (all)", () => CleanVisionBlur.Compute(image.Pixels, w, h, ws)),
                ("  resize: bicubic thumbnail (64 px)", () => PillowBicubic.ResizeRgb(image.Pixels, w, h, thumb, tw, th, resizeScratch, ws)),
                ("quality: laplacian variance", () => Laplacian.Variance(gray, w, h)),
                ("quality: fft blur", () => FftBlur.Compute(gray, w, h, ws)),
                ("quality: all (QualityMetricsCalculator)", () => QualityMetricsCalculator.Compute(image)),
                ("brisque", () => brisque.Score(image)),
                ("hashes: perceptual (a/p/d/w/colour + mirrors)", () => PerceptualHash.Compute(image)),
                ("  resize: gray plane + lanczos 32x32", () => { using var g = GrayPlaneOf(image); PillowResize.Lanczos(g, 32, 32); }),
                ("hashes: file + pixel digests", () => { ContentDigest.FileHash(jpeg); ContentDigest.PixelHash(image); }),
                ("measure: whole image (MeasureEncoded, default metrics)", () => measurer.MeasureEncoded(jpeg, "p.jpg")),
            };
            stageNames = stages.Select(s => s.Name).ToArray();
            var ms = new Dictionary<string, (double, double)>();
            foreach (var (name, run) in stages)
            {
                run(); // warm-up: JIT, size caches
                var best = (Wall: double.MaxValue, Cpu: double.MaxValue);
                for (int r = 0; r < reps; r++)
                {
                    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                    var sw = Stopwatch.StartNew();
                    run();
                    sw.Stop();
                    double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
                    best = (Math.Min(best.Wall, sw.Elapsed.TotalMilliseconds), Math.Min(best.Cpu, cpu));
                }

                ms[name] = best;
            }

            rows.Add(($"{w}x{h}", mp, ms));
        }

        output.WriteLine();
        output.WriteLine($"per stage, one thread, best of {reps}: wall ms per megapixel (process CPU ms per MP in brackets; CPU time has 10-ms-ish granularity on short stages)");
        output.Write($"| {"stage",-56} |");
        foreach (var r in rows)
        {
            output.Write($" {r.Size,15} |");
        }

        output.WriteLine();
        output.Write($"|{new string('-', 58)}|");
        foreach (var _ in rows)
        {
            output.Write($"{new string('-', 16)}:|");
        }

        output.WriteLine();
        foreach (var name in stageNames)
        {
            output.Write($"| {name,-56} |");
            foreach (var r in rows)
            {
                var (wall, cpu) = r.Ms[name];
                output.Write($" {wall / r.Mp,7:F1} ({cpu / r.Mp,5:F0}) |");
            }

            output.WriteLine();
        }

        output.Write($"| {"measure: MP/s on one thread (wall)",-56} |");
        foreach (var r in rows)
        {
            output.Write($" {r.Mp * 1000 / r.Ms[stageNames[^1]].Wall,15:F1} |");
        }

        output.WriteLine();
        // The six sizes in turn, as a photo folder mixes them: what size changes cost (plans, buffers, caches).
        if (only is null)
        {
            var jpegs = s_sizes.Select(s => (Jpeg: PhotoJpeg(s.Width, s.Height, s.Width ^ s.Height), Mp: s.Width * s.Height / 1e6)).ToList();
            var best = (Wall: double.MaxValue, Cpu: double.MaxValue);
            for (int r = 0; r <= reps; r++)
            {
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                foreach (var (jpeg, _) in jpegs)
                {
                    measurer.MeasureEncoded(jpeg, "p.jpg");
                }

                double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
                best = r == 0 ? best : (Math.Min(best.Wall, sw.Elapsed.TotalMilliseconds), Math.Min(best.Cpu, cpu));
            }

            double mp = jpegs.Sum(j => j.Mp);
            output.WriteLine($"measure: the six sizes in turn, best of {reps}: {best.Wall / mp:F1} wall ms/MP ({best.Cpu / mp:F0} CPU ms/MP), {mp * 1000 / best.Wall:F1} MP/s on one thread");
        }

        output.WriteLine($"load average after the stages: {LoadAverage()}");
    }

    private static GrayPlane GrayPlaneOf(RgbImage image) => GrayPlane.FromRgb(image);

    private static void Gate(int sets, int threads, TextWriter output)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"datagate-photos-{sets}");
        var marker = Path.Combine(folder, ".complete");
        double totalMp = sets * s_sizes.Sum(s => s.Width * s.Height / 1e6);
        if (!File.Exists(marker))
        {
            output.WriteLine($"generating {sets * s_sizes.Length} photo JPEGs in {folder} ...");
            Directory.CreateDirectory(folder);
            Parallel.For(0, sets * s_sizes.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                var (w, h) = s_sizes[i % s_sizes.Length];
                File.WriteAllBytes(Path.Combine(folder, $"photo_{i:D4}_{w}x{h}.jpg"), PhotoJpeg(w, h, i));
            });
            File.WriteAllText(marker, string.Empty);
        }

        var config = GateConfig.ForFolder(folder);
        var options = new GateRunOptions { MaxDegreeOfParallelism = threads };
        DatasetAnalyzer.Run(config, options); // warm-up: JIT, size caches (released at the end of the run)
        GC.Collect();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var analysis = DatasetAnalyzer.Run(config, options);
        double analysisCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        var result = RuleSet.FromConfig(new GateConfig { Dataset = DatasetSettings.None }).Check(analysis.Records, analysis.Diagnostics, threads);
        sw.Stop();
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        output.WriteLine();
        output.WriteLine($"full gate (analysis + fit + apply, default metrics and duplicates) on {analysis.Records.Count} photos, {totalMp:F1} MP, {threads} threads: {sw.Elapsed.TotalSeconds:F2} s = {totalMp / sw.Elapsed.TotalSeconds:F1} MP/s wall; CPU {cpu:F1} s = {cpu * 1000 / totalMp:F0} CPU-ms/MP, i.e. {threads * totalMp / cpu:F1} MP/s with {threads} cores to itself; kept {result.Counts.Kept}, errored {result.Counts.Errored}; of the CPU, analysis {analysisCpu:F1} s, fit + apply {cpu - analysisCpu:F1} s");
        output.WriteLine($"load average at the end: {LoadAverage()}");
    }
}
