using System.Diagnostics;
using System.Globalization;
using DataGate.Core;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Imaging;
using DataGate.Core.Scanning;
using DataGate.Core.Sharding;

namespace DataGate.Benchmarks;

/// <summary>
/// Sharded analysis costs. <c>shard-write [folder] [threads]</c>: time to measure a folder's images (the work of one
/// <c>analyze</c> task) vs the time to write them as a Parquet shard. <c>shard-reduce N [shards]</c>: time and peak
/// memory of <c>check --from</c> over N generated rows (run 1M and 2M in separate processes to see the growth).
/// </summary>
internal sealed class ShardBenchmark : IBenchmark
{
    public string Name => "shard";

    public string Description => "sharded analysis: 'write [folder] [threads]' Parquet cost vs measuring; 'reduce N [shards]' check --from time and peak memory";

    public void Run(string[] args, TextWriter output)
    {
        if (args.Length > 0 && args[0] == "reduce")
        {
            Reduce(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16, output);
        }
        else
        {
            Write(args.Length > 1 ? args[1] : Path.Combine(FindRoot(), "examples", "faces"), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1, output);
        }
    }

    private static void Write(string folder, int threads, TextWriter output)
    {
        var config = GateConfig.ForFolder(folder);
        var scan = DatasetScanner.Scan(config.Dataset);
        var measurer = DatasetAnalyzer.CreateMeasurer(config);
        DatasetAnalyzer.Measure(measurer, scan.Files.Take(10).ToList(), null, null, threads, default); // JIT warm-up
        var shardFile = Path.Combine(Path.GetTempPath(), $"dg-bench-shard-{Environment.ProcessId}.parquet");
        using (var warm = File.Create(shardFile))
        {
            ShardFile.Write(warm, DatasetAnalyzer.Measure(measurer, scan.Files.Take(10).ToList(), null, null, threads, default), new Dictionary<string, string>());
        }

        var sw = Stopwatch.StartNew();
        var rows = DatasetAnalyzer.Measure(measurer, scan.Files, null, null, threads, default);
        double measure = sw.Elapsed.TotalSeconds;
        var writes = new List<double>();
        for (int rep = 0; rep < 5; rep++)
        {
            sw.Restart();
            using var stream = File.Create(shardFile);
            ShardFile.Write(stream, rows, new Dictionary<string, string> { ["datagate.format"] = ShardSchema.FormatName });
            stream.Flush(flushToDisk: true);
            writes.Add(sw.Elapsed.TotalSeconds);
        }

        writes.Sort();
        double write = writes[writes.Count / 2];
        output.WriteLine($"{rows.Length} images in {folder}, threads {threads}: measure {measure:F3} s ({rows.Length / measure:F0} images/s); " +
            $"Parquet shard write (median of 5) {write * 1000:F1} ms, {new FileInfo(shardFile).Length / 1024.0:F0} KiB = {100 * write / measure:F2} % of the measuring time");

        // A real shard holds thousands of rows: the same rows repeated 20× show the per-row cost without the fixed one.
        var many = Enumerable.Repeat(rows, 20).SelectMany(r => r).ToList();
        writes.Clear();
        for (int rep = 0; rep < 5; rep++)
        {
            sw.Restart();
            using var stream = File.Create(shardFile);
            ShardFile.Write(stream, many, new Dictionary<string, string> { ["datagate.format"] = ShardSchema.FormatName });
            stream.Flush(flushToDisk: true);
            writes.Add(sw.Elapsed.TotalSeconds);
        }

        writes.Sort();
        double big = writes[writes.Count / 2];
        double perRow = (big - write) / (many.Count - rows.Length);
        output.WriteLine($"{many.Count} rows: write {big * 1000:F1} ms; per row {perRow * 1e6:F1} µs, fixed per shard {(write - (perRow * rows.Length)) * 1000:F1} ms; " +
            $"per-row write = {100 * perRow / (measure / rows.Length):F2} % of measuring one image");
        File.Delete(shardFile);
    }

    private static void Reduce(int n, int shards, TextWriter output)
    {
        var root = Path.Combine(Path.GetTempPath(), $"dg-bench-reduce-{n}-{Environment.ProcessId}");
        Directory.CreateDirectory(Path.Combine(root, "images"));
        var config = Path.Combine(root, "datagate.yml");
        File.WriteAllText(config, """
            version: 1
            dataset:
              root: images
              labels:
                filename: '^(?<age>\d+)_(?<gender>[01])_'
            fields:
              age:    { type: integer, bins: [0, 20, 40, 60, 80] }
              gender: { type: category, names: { 0: male, 1: female } }
            quality:
              - id: sharp
                metric: laplacian_variance
                min: { percentile: 2 }
                action: exclude
              - id: dark
                metric: luminance_mean
                min: 30
                action: warn
            duplicates:
              exact: { action: exclude, keep: best_quality }
              near:  { hash: phash, max_distance: 4, action: warn }
            balance:
              - id: gender-share
                field: gender
                min_share: 0.4
                action: warn
            gate:
              max_excluded_fraction: 0.5
            """);
        var digest = ShardPlan.DigestOfFile(config);
        var sw = Stopwatch.StartNew();
        var rng = new Random(7);
        var shardDir = Path.Combine(root, "shards");
        Directory.CreateDirectory(shardDir);
        for (int s = 0; s < shards; s++)
        {
            int first = (int)((long)n * s / shards);
            int end = (int)((long)n * (s + 1) / shards);
            var rows = new List<ImageRecord>(end - first);
            for (int i = first; i < end; i++)
            {
                rows.Add(Row(i, rng));
            }

            var meta = new Dictionary<string, string>
            {
                ["datagate.format"] = ShardSchema.FormatName,
                ["datagate.product_version"] = "bench",
                ["datagate.analysis_version"] = "bench",
                ["datagate.config_digest"] = digest,
                ["datagate.plan_digest"] = "bench",
                ["datagate.shard_index"] = s.ToString(CultureInfo.InvariantCulture),
                ["datagate.shard_count"] = shards.ToString(CultureInfo.InvariantCulture),
                ["datagate.row_count"] = rows.Count.ToString(CultureInfo.InvariantCulture),
                ["datagate.plan_row_count"] = n.ToString(CultureInfo.InvariantCulture),
                ["datagate.instruction_set"] = "bench",
            };
            using var stream = File.Create(Path.Combine(shardDir, $"shard-{ShardPlan.ShardName(s, shards)}.parquet"));
            ShardFile.Write(stream, rows, meta);
        }

        long bytes = Directory.EnumerateFiles(shardDir).Sum(f => new FileInfo(f).Length);
        output.WriteLine($"generated {n:N0} rows in {shards} shards ({bytes / 1e6:F0} MB) in {sw.Elapsed.TotalSeconds:F1} s");
        GC.Collect();
        using (var before = Process.GetCurrentProcess())
        {
            output.WriteLine($"working set before the reduce {before.WorkingSet64 / 1e6:F0} MB");
        }

        sw.Restart();
        var outcome = GateRunner.RunFromShards(config, shardDir, new GateRunOptions { OutputDirectory = Path.Combine(root, "report"), MaxDegreeOfParallelism = 2 });
        double seconds = sw.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"check --from over {n:N0} rows: {seconds:F1} s, exit {outcome.ExitCode}, peak working set {process.PeakWorkingSet64 / 1e6:F0} MB, " +
            $"{outcome.Result?.Duplicates.Groups.Count ?? 0:N0} duplicate groups; {string.Join("; ", outcome.Diagnostics.Take(3))}");
        Directory.Delete(root, recursive: true);
    }

    private static ImageRecord Row(int i, Random rng)
    {
        var r = new ImageRecord($"{rng.Next(1, 90)}_{rng.Next(0, 2)}_{i:D8}.jpg");
        int w = 200, h = 200;
        r.Facts = new ImageFacts { Format = "JPEG", Width = w, Height = h, Channels = 3, Mode = "RGB", FileSize = 10_000 + rng.Next(5000) };
        var v = r.ValueSlots;
        foreach (var m in MetricCatalog.All)
        {
            v[m.Index] = m.IsFlag ? rng.Next(0, 2) : m.Name switch
            {
                "width" => w,
                "height" => h,
                "channels" => 3,
                "file_size" => r.Facts.FileSize,
                "exif_orientation" => 0,
                "unique_colors" => rng.Next(1000, 40000),
                "odd_size_score" => double.NaN,
                _ => Math.Round(rng.NextDouble() * 200, 6),
            };
        }

        v[MetricCatalog.IsOddSize.Index] = double.NaN;
        foreach (var name in ShardSchema.HashBitColumns)
        {
            ulong bits = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40);
            r.HashSlots[name] = bits;
            r.TextSlots[name] = bits.ToString("x16", CultureInfo.InvariantCulture);
        }

        r.TextSlots[TextColumns.ColorHash] = ((ulong)rng.NextInt64() & ((1UL << 42) - 1)).ToString("x11", CultureInfo.InvariantCulture);
        r.TextSlots[TextColumns.FileHash] = new UInt128((ulong)rng.NextInt64(), (ulong)rng.NextInt64()).ToString("x32", CultureInfo.InvariantCulture);
        r.TextSlots[TextColumns.PixelHash] = new UInt128((ulong)rng.NextInt64(), (ulong)rng.NextInt64()).ToString("x32", CultureInfo.InvariantCulture);
        r.TextSlots[TextColumns.SkinTone] = "light";
        return r;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataGate.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("DataGate.sln not found");
    }
}
