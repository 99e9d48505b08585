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
/// memory of <c>check --from</c> over N generated rows (run 1M and 2M in separate processes to see the growth);
/// <c>shard-reduce N shards folder embedding</c> gives every row a 512-float embedding and reduces under
/// <c>near: { method: both }</c> (the memory an embedding adds per reduced row).
/// </summary>
internal sealed class ShardBenchmark : IBenchmark
{
    public string Name => "shard";

    public string Description => "sharded analysis: 'write [folder] [threads]' Parquet cost vs measuring; 'reduce N [shards] [folder] [embedding]' check --from time and peak memory (rows kept in the folder for the CLI; 'embedding': rows carry 512-float embeddings, near: { method: both })";

    public void Run(string[] args, TextWriter output)
    {
        if (args.Length > 0 && args[0] == "reduce")
        {
            Reduce(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16, args.Length > 3 && args[3] != "-" ? args[3] : null, args.Length > 4 && args[4] == "embedding", output);
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

        // Wall time is at the mercy of the other processes on a shared machine; the process CPU time (threads 1: one
        // measuring thread, plus the GC) is what the work costs, so both are reported and the ratio uses CPU time.
        var sw = Stopwatch.StartNew();
        var cpu = Cpu();
        var rows = DatasetAnalyzer.Measure(measurer, scan.Files, null, null, threads, default);
        double measure = sw.Elapsed.TotalSeconds;
        double measureCpu = Cpu() - cpu;
        var (write, writeCpu, bytes) = WriteShard(shardFile, rows, 7);
        output.WriteLine($"{rows.Length} images in {folder}, threads {threads}: measure {measure:F3} s wall, {measureCpu:F3} s CPU ({rows.Length / measureCpu:F0} images per CPU-second); " +
            $"Parquet shard write (median of 7) {write * 1000:F1} ms wall, {writeCpu * 1000:F1} ms CPU, {bytes / 1024.0:F0} KiB = {100 * writeCpu / measureCpu:F2} % of the measuring CPU time");

        // A real shard holds thousands of rows: the same rows repeated 20× show the per-row cost without the fixed one.
        var many = Enumerable.Repeat(rows, 20).SelectMany(r => r).ToList();
        var (big, bigCpu, _) = WriteShard(shardFile, many, 7);
        double perRow = (bigCpu - writeCpu) / (many.Count - rows.Length);
        output.WriteLine($"{many.Count} rows: write {big * 1000:F1} ms wall, {bigCpu * 1000:F1} ms CPU; per row {perRow * 1e6:F1} µs CPU, fixed per shard {(writeCpu - (perRow * rows.Length)) * 1000:F1} ms CPU; " +
            $"per-row write = {100 * perRow / (measureCpu / rows.Length):F2} % of measuring one image; a {many.Count}-row shard costs {100 * bigCpu / (measureCpu * 20):F2} % of measuring its images");
        File.Delete(shardFile);
    }

    private static double Cpu()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime.TotalSeconds;
    }

    private static (double Wall, double Cpu, long Bytes) WriteShard(string path, IReadOnlyList<ImageRecord> rows, int repeats)
    {
        var walls = new List<double>();
        var cpus = new List<double>();
        for (int rep = 0; rep < repeats; rep++)
        {
            var sw = Stopwatch.StartNew();
            double cpu = Cpu();
            using (var stream = File.Create(path))
            {
                ShardFile.Write(stream, rows, new Dictionary<string, string> { ["datagate.format"] = ShardSchema.FormatName });
                stream.Flush(flushToDisk: true);
            }

            cpus.Add(Cpu() - cpu);
            walls.Add(sw.Elapsed.TotalSeconds);
        }

        walls.Sort();
        cpus.Sort();
        return (walls[repeats / 2], cpus[repeats / 2], new FileInfo(path).Length);
    }

    private const string ReduceConfig = """
        version: 1
        dataset:
          root: images
          labels:
            filename: '^\d+_(?<age>\d+)_(?<gender>[01])_'
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
        """;

    /// <summary>
    /// <c>reduce N [shards] [folder]</c>: writes N generated rows as shards under the folder (kept when given, reused
    /// when already there), then runs the reduce in this process and prints its time and peak working set, plus the
    /// managed heap retained after each stage. The same folder serves <c>datagate check --config FOLDER/datagate.yml
    /// --from FOLDER/shards</c> under <c>/usr/bin/time -v</c>.
    /// </summary>
    private static void Reduce(int n, int shards, string? folder, bool embeddings, TextWriter output)
    {
        var root = folder ?? Path.Combine(Path.GetTempPath(), $"dg-bench-reduce-{n}-{Environment.ProcessId}");
        var config = Path.Combine(root, "datagate.yml");
        var shardDir = Path.Combine(root, "shards");
        if (!File.Exists(Path.Combine(shardDir, $"shard-{ShardPlan.ShardName(shards - 1, shards)}.parquet")))
        {
            Generate(n, shards, root, embeddings, output);
        }

        GC.Collect();
        using (var before = Process.GetCurrentProcess())
        {
            output.WriteLine($"working set before the reduce {before.WorkingSet64 / 1e6:F0} MB, managed heap {GC.GetTotalMemory(true) / 1e6:F0} MB");
        }

        Stages(config, shardDir, n, output);
        var sw = Stopwatch.StartNew();
        var outcome = GateRunner.RunFromShards(config, shardDir, new GateRunOptions { OutputDirectory = Path.Combine(root, "report"), MaxDegreeOfParallelism = 2 });
        double seconds = sw.Elapsed.TotalSeconds;
        using (var process = Process.GetCurrentProcess())
        {
            output.WriteLine($"check --from over {n:N0} rows: {seconds:F1} s, exit {outcome.ExitCode}, peak working set {process.PeakWorkingSet64 / 1e6:F0} MB " +
                $"({process.PeakWorkingSet64 / (double)n:F0} B/row), {outcome.Result?.Duplicates.Groups.Count ?? 0:N0} duplicate groups; {string.Join("; ", outcome.Diagnostics.Where(d => d.Severity == Core.Diagnostics.Severity.Error).Take(3))}");
        }

        if (folder is null)
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// The reduce stage by stage (before the whole reduce runs, so the peak so far is the stages'), with the managed
    /// heap each leaves behind (a full GC after each).
    /// </summary>
    private static void Stages(string config, string shardDir, int n, TextWriter output)
    {
        GC.Collect();
        long baseline = GC.GetTotalMemory(true);
        string Heap()
        {
            using var p = Process.GetCurrentProcess();
            return $"peak working set so far {p.PeakWorkingSet64 / (double)n:F0} B/row, retained heap {(GC.GetTotalMemory(true) - baseline) / (double)n:F0} B/row";
        }

        var load = Core.Config.ConfigLoader.Load(config);
        var sw = Stopwatch.StartNew();
        var shards = ShardSet.Load(shardDir, null, 2, load.Config!.Duplicates.Near is { UsesEmbedding: true });
        output.WriteLine($"  load shards {sw.Elapsed.TotalSeconds:F1} s, heap {Heap()}");
        sw.Restart();
        var analysis = DatasetAnalyzer.Finish(load.Config!, shards.Rows, [.. shards.PlanDiagnostics], null);
        output.WriteLine($"  finish (sort, dataset metrics, labels, derived) {sw.Elapsed.TotalSeconds:F1} s, heap with the loaded rows still held {Heap()}");
        shards = null!;
        output.WriteLine($"  heap without the loaded rows {Heap()}");
        sw.Restart();
        var result = Core.Rules.RuleSet.FromConfig(load.Config!).Check(analysis.Records, analysis.Diagnostics, 2, default);
        output.WriteLine($"  fit + apply (thresholds, duplicates, balance) {sw.Elapsed.TotalSeconds:F1} s, heap {Heap()}");
        GC.KeepAlive(result);
        GC.KeepAlive(analysis);
    }

    /// <summary>
    /// N rows like an analysis of 200×200 JPEGs writes them, in key order across the shards: random metrics, labels in
    /// the names, a 32×32 thumbnail; every 97th row an exact copy (same digests and hashes) and every 89th a near copy
    /// (pHash 2 bits away, same thumbnail) of a row far away, so duplicate groups span shards.
    /// </summary>
    private static void Generate(int n, int shards, string root, bool embeddings, TextWriter output)
    {
        Directory.CreateDirectory(Path.Combine(root, "images"));
        var config = Path.Combine(root, "datagate.yml");
        var model = BundledModels.ResNet18;
        File.WriteAllText(config, embeddings ? ReduceConfig.Replace("near:  { hash: phash,", $"near:  {{ method: both, model: '{model}', hash: phash,", StringComparison.Ordinal) : ReduceConfig);
        var digest = ShardPlan.DigestOfFile(config);
        var sw = Stopwatch.StartNew();
        var rng = new Random(7);
        var thumbnails = new byte[1024][];
        for (int t = 0; t < thumbnails.Length; t++)
        {
            thumbnails[t] = new byte[32 * 32];
            rng.NextBytes(thumbnails[t]);
        }

        var shardDir = Path.Combine(root, "shards");
        Directory.CreateDirectory(shardDir);
        for (int s = 0; s < shards; s++)
        {
            int first = (int)((long)n * s / shards);
            int end = (int)((long)n * (s + 1) / shards);
            var rows = new List<ImageRecord>(end - first);
            for (int i = first; i < end; i++)
            {
                var row = Row(i, n, rng, thumbnails);
                if (embeddings)
                {
                    row.Embedding = Embedding(i, n);
                }

                rows.Add(row);
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
            ShardFile.Write(stream, rows, meta, embeddings);
        }

        long bytes = Directory.EnumerateFiles(shardDir).Sum(f => new FileInfo(f).Length);
        output.WriteLine($"generated {n:N0} rows in {shards} shards ({bytes / 1e6:F0} MB) under {root} in {sw.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>
    /// A random unit vector per content (unrelated ones have cosines near 0 in 512 dimensions); an exact copy shares
    /// its original's, a near copy (every 89th row) gets it slightly perturbed (cosine ≈ 0.99).
    /// </summary>
    private static float[] Embedding(int i, int n)
    {
        bool exact = i % 97 == 96, near = i % 89 == 88;
        int content = exact || near ? (i + (n / 2)) % n : i;
        var rng = new Random(content);
        var v = new float[Core.Embeddings.ImageEmbedder.Dimensions];
        for (int k = 0; k < v.Length; k++)
        {
            v[k] = (float)Gaussian(rng);
        }

        if (near)
        {
            var noise = new Random(i);
            for (int k = 0; k < v.Length; k++)
            {
                v[k] += 0.1f * (float)Gaussian(noise);
            }
        }

        Core.Embeddings.ImageEmbedder.Normalize(v);
        return v;
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static ulong Mix(ulong x)
    {
        // SplitMix64: a content id's hashes and digests, the same wherever that content is generated.
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ImageRecord Row(int i, int n, Random rng, byte[][] thumbnails)
    {
        // Keys sort by i (the zero-padded number leads), so shard order is generation order.
        var r = new ImageRecord($"{i:D8}_{rng.Next(1, 90)}_{rng.Next(0, 2)}_.jpg");
        bool exact = i % 97 == 96, near = i % 89 == 88;
        ulong content = exact || near ? (ulong)((i + (n / 2)) % n) : (ulong)i;
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
        int salt = 0;
        foreach (var name in ShardSchema.HashBitColumns)
        {
            ulong bits = Mix((content * 16) + (ulong)salt++);
            if (near && name == TextColumns.PHash)
            {
                bits ^= 0x0000_0100_0000_0001UL;
            }

            r.HashSlots[name] = bits;
            r.TextSlots[name] = bits.ToString("x16", CultureInfo.InvariantCulture);
        }

        r.HashSlots[Core.Hashing.HashKeys.PHashMirror] = Mix((content * 16) + 8);
        r.HashSlots[Core.Hashing.HashKeys.DHashMirror] = Mix((content * 16) + 9);
        r.Thumbnail = thumbnails[(int)(content % (ulong)thumbnails.Length)];
        ulong file = (exact ? content : (ulong)i) | (1UL << 40);
        r.TextSlots[TextColumns.ColorHash] = (Mix((content * 16) + 10) & ((1UL << 42) - 1)).ToString("x11", CultureInfo.InvariantCulture);
        r.TextSlots[TextColumns.FileHash] = new UInt128(Mix((file * 16) + 11), Mix((file * 16) + 12)).ToString("x32", CultureInfo.InvariantCulture);
        r.TextSlots[TextColumns.PixelHash] = new UInt128(Mix((file * 16) + 13), Mix((file * 16) + 14)).ToString("x32", CultureInfo.InvariantCulture);
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
