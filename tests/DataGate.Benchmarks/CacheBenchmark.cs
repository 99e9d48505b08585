using System.Diagnostics;
using DataGate.Core;
using DataGate.Core.Analysis;
using DataGate.Core.Caching;
using DataGate.Core.Config;
using DataGate.Core.Rules;
using DataGate.Core.Scanning;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Benchmarks;

/// <summary>
/// The analysis cache on a generated dataset: a cold run, a no-change run, and a run after a threshold edit
/// (which must decode nothing). Args: [IMAGES=20000] [DIR] (DIR keeps the dataset for a dotnet build measurement).
/// </summary>
internal sealed class CacheBenchmark : IBenchmark
{
    public string Name => "cache";

    public string Description => "analysis cache: cold run, no-change run and threshold edit on 20,000 generated 32×32 JPEGs";

    public void Run(string[] args, TextWriter output)
    {
        int count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        bool keep = args.Length > 1;
        var root = keep ? Directory.CreateDirectory(args[1]).FullName : Directory.CreateTempSubdirectory("dg-cachebench-").FullName;
        try
        {
            var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
            var watch = Stopwatch.StartNew();
            Generate(data, count);
            output.WriteLine($"generated {count} images in {watch.Elapsed.TotalSeconds:F1} s");
            var config = Path.Combine(root, "datagate.yml");
            var cacheDir = Path.Combine(root, "cache");
            WriteConfig(config, 0);

            Measure(output, "cold (empty cache)", config, cacheDir);
            Measure(output, "no change", config, cacheDir);
            WriteConfig(config, -1);
            Measure(output, "threshold edited", config, cacheDir);

            var load = ConfigLoader.Load(config).Config!;
            watch.Restart();
            var scan = DatasetScanner.Scan(load.Dataset);
            output.WriteLine($"scan only (what DataGateListInputs does on an up-to-date build): {scan.Files.Count} files in {watch.Elapsed.TotalMilliseconds:F0} ms");
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static void Measure(TextWriter output, string label, string configPath, string cacheDir)
    {
        var watch = Stopwatch.StartNew();
        var config = ConfigLoader.Load(configPath).Config!;
        var cache = AnalysisCache.Open(cacheDir, config);
        var analysis = DatasetAnalyzer.Run(config, cache);
        var result = GateEvaluator.Evaluate(config, analysis);
        watch.Stop();
        output.WriteLine($"{label,-20} {watch.Elapsed.TotalSeconds,7:F2} s  decoded {cache.Misses,6}  from cache {cache.Hits,6} (re-hashed {cache.Rehashed})  verdict {(result.Passed ? "passed" : "failed")}");
    }

    private static void WriteConfig(string path, int max) => File.WriteAllText(path,
        $"version: 1\ndataset:\n  root: data\nquality:\n  - id: colour\n    metric: is_grayscale\n    max: {max}\n    action: fail\n");

    private static void Generate(string dir, int count)
    {
        Parallel.For(0, count, i =>
        {
            var rng = new Random(i);
            using var image = new Image<Rgb24>(32, 32);
            for (int y = 0; y < 32; y++)
            {
                for (int x = 0; x < 32; x++)
                {
                    image[x, y] = new Rgb24((byte)rng.Next(256), (byte)rng.Next(256), (byte)rng.Next(256));
                }
            }

            image.SaveAsJpeg(Path.Combine(dir, $"img{i:D6}.jpg"));
        });
    }
}
