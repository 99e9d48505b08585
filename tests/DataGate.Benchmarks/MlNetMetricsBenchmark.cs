using System.Diagnostics;
using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.ML;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataGate.Benchmarks;

/// <summary>
/// Metrics through the ML.NET transformer (ComputeImageMetrics, read with parallel cursors) against Core alone
/// (ImageMeasurer in Parallel.For) on the same N generated 200×200 JPEGs and the same threads; best of R rounds,
/// alternating. Usage: <c>mlnet-metrics [N=20000] [threads=2] [rounds=2] [folder]</c>.
/// </summary>
internal sealed class MlNetMetricsBenchmark : IBenchmark
{
    public string Name => "mlnet-metrics";

    public string Description => "images/s of ComputeImageMetrics (parallel cursors) vs Core's ImageMeasurer on N generated JPEGs";

    public void Run(string[] args, TextWriter output)
    {
        int n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        string folder = args.Length > 3 ? args[3] : Path.Combine(Path.GetTempPath(), $"datagate-bench-{n}");
        GateBenchmark.Generate(folder, n, output);
        var files = Directory.EnumerateFiles(folder, "*.jpg", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

        var measurer = new ImageMeasurer(selection: MetricSelection.Default);
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(files.Select(f => new PathRow { ImagePath = f }).ToList());
        var transformer = ml.Transforms.DataGate().ComputeImageMetrics(imageFolder: folder).Fit(data);

        double Core()
        {
            var records = new ImageRecord[files.Count];
            var sw = Stopwatch.StartNew();
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => records[i] = measurer.MeasureFile(Path.Combine(folder, files[i]), files[i]));
            sw.Stop();
            Checksum("core", records.Select(r => r[MetricCatalog.LaplacianVariance]), output);
            return sw.Elapsed.TotalSeconds;
        }

        double Transformer()
        {
            var view = transformer.Transform(data);
            var recordColumn = view.Schema[DataGateColumns.Record];
            var sums = new System.Collections.Concurrent.ConcurrentBag<double>();
            var sw = Stopwatch.StartNew();
            var cursors = view.GetRowCursorSet([recordColumn], threads);
            Parallel.ForEach(cursors, new ParallelOptions { MaxDegreeOfParallelism = threads }, cursor =>
            {
                using (cursor)
                {
                    var get = cursor.GetGetter<ImageRecord>(recordColumn);
                    ImageRecord r = null!;
                    while (cursor.MoveNext())
                    {
                        get(ref r);
                        sums.Add(r[MetricCatalog.LaplacianVariance]);
                    }
                }
            });
            sw.Stop();
            Checksum("ml.net", sums, output);
            return sw.Elapsed.TotalSeconds;
        }

        // Warm-up (JIT, file cache) on both paths with a few hundred images is part of round 0's first call; report best of rounds.
        double bestCore = double.MaxValue, bestMl = double.MaxValue;
        for (int round = 0; round < rounds; round++)
        {
            double c = Core();
            double m = Transformer();
            output.WriteLine($"round {round + 1}: core {c:F2} s ({files.Count / c:F0} images/s), transformer {m:F2} s ({files.Count / m:F0} images/s)");
            bestCore = Math.Min(bestCore, c);
            bestMl = Math.Min(bestMl, m);
        }

        output.WriteLine($"images: {files.Count}, threads: {threads}, best of {rounds}");
        output.WriteLine($"core alone:  {bestCore:F2} s, {files.Count / bestCore:F0} images/s");
        output.WriteLine($"transformer: {bestMl:F2} s, {files.Count / bestMl:F0} images/s ({(bestMl / bestCore - 1) * 100:+0.0;-0.0} % time vs core)");
    }

    private static void Checksum(string what, IEnumerable<double> values, TextWriter output)
    {
        double sum = values.Where(double.IsFinite).Sum();
        output.WriteLine($"  {what} checksum (sum of laplacian_variance): {sum.ToString("R", CultureInfo.InvariantCulture)}");
    }

    private sealed class PathRow
    {
        public string ImagePath { get; set; } = string.Empty;
    }
}
