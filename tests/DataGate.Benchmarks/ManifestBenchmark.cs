using System.Diagnostics;
using System.Globalization;
using System.Text;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Labels;

namespace DataGate.Benchmarks;

/// <summary>
/// A large CSV label manifest: the strict reader alone (MB/s) and the whole label step (reader + path matching +
/// labels on every record), with allocation and peak working set. Args: [MEGABYTES=100].
/// </summary>
internal sealed class ManifestBenchmark : IBenchmark
{
    public string Name => "manifest";

    public string Description => "CSV label manifest of 100 MB: strict reader throughput, label step time and memory";

    public void Run(string[] args, TextWriter output)
    {
        int megabytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var dir = Directory.CreateTempSubdirectory("dg-manifestbench-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "images"));
            var csv = Path.Combine(dir, "labels.csv");
            var paths = Generate(csv, megabytes * 1_000_000L);
            long bytes = new FileInfo(csv).Length;
            output.WriteLine($"manifest: {bytes / 1e6:F1} MB, {paths.Count:N0} rows (a quoted note with a comma and a doubled quote on every 10th row)");

            // 1. The reader alone, three times; the best is reported (the machine is shared).
            double best = double.MaxValue;
            int rows = 0;
            for (int i = 0; i < 3; i++)
            {
                var diagnostics = new List<Diagnostic>();
                var watch = Stopwatch.StartNew();
                rows = 0;
                using (var text = new StreamReader(csv, Encoding.UTF8))
                using (var reader = CsvManifestReader.Open(text, null, "labels.csv", diagnostics))
                {
                    reader.ReadRows((_, _) => rows++);
                }

                best = Math.Min(best, watch.Elapsed.TotalSeconds);
                if (diagnostics.Count > 0)
                {
                    throw new InvalidOperationException("unexpected diagnostic: " + diagnostics[0]);
                }
            }

            output.WriteLine($"reader only: {rows:N0} rows in {best:F2} s = {bytes / 1e6 / best:F0} MB/s (best of 3)");

            // 2. The label step over one record per row.
            var config = ConfigLoader.Parse(
                "version: 1\ndataset:\n  root: images\n  labels:\n    csv: { path: labels.csv }\nfields:\n  age: { type: integer, bins: [0, 20, 40, 60] }\n  gender: { type: category }\n  race: { type: category }\n",
                "datagate.yml",
                dir).Config!;
            var records = paths.Select(p => new ImageRecord(p)).ToList();
            paths = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long before = GC.GetTotalMemory(forceFullCollection: true);
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var stepWatch = Stopwatch.StartNew();
            var (labelled, found) = LabelResolver.Resolve(config, records);
            double seconds = stepWatch.Elapsed.TotalSeconds;
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            long after = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(labelled);
            output.WriteLine($"label step (copies every record, then reads labels into it): {records.Count:N0} records in {seconds:F2} s = {bytes / 1e6 / seconds:F0} MB/s; {found.Count} diagnostics");
            output.WriteLine($"memory: allocated {allocated / 1e6:F0} MB during the step; live heap {before / 1e6:F0} MB before → {after / 1e6:F0} MB after (the labelled copies and their label dictionaries); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<string> Generate(string path, long targetBytes)
    {
        var paths = new List<string>();
        var random = new Random(15);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("file,age,gender,race,note\n");
        long written = 26;
        var line = new StringBuilder();
        for (int i = 0; written < targetBytes; i++)
        {
            var file = $"part{i % 97:D2}/subject_{i:D8}/{random.Next(1, 90)}_{random.Next(2)}_{random.Next(5)}_{i:D12}.jpg.chip.jpg";
            paths.Add(file);
            line.Clear();
            line.Append(file).Append(',').Append(random.Next(1, 90)).Append(',').Append(random.Next(2)).Append(',').Append(random.Next(5)).Append(',');
            line.Append(i % 10 == 0 ? "\"studio, \"\"flash\"\"\"" : "outdoor daylight");
            line.Append('\n');
            writer.Write(line);
            written += line.Length;
        }

        return paths;
    }
}
