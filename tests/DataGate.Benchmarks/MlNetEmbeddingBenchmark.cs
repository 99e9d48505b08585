using System.Diagnostics;
using System.Globalization;
using DataGate.Core;
using DataGate.ML;
using Microsoft.ML;

namespace DataGate.Benchmarks;

/// <summary>
/// What <c>near: { method: both }</c> costs in ML.NET: <c>ComputeImageMetrics(rules)</c> + <c>Gate(rules)</c> fitted on N
/// generated 200×200 JPEGs with hash-only rules and with <c>method: both</c> (the fit embeds every row), then
/// <c>Transform</c> of the fitted rows through each model (no embedding there), and <c>datagate check</c>'s engine
/// (GateRunner, no cache) on the same folder with <c>method: both</c>; the same groups are checked.
/// Usage: <c>mlnet-embedding [N=500] [folder]</c>.
/// </summary>
internal sealed class MlNetEmbeddingBenchmark : IBenchmark
{
    public string Name => "mlnet-embedding";

    public string Description => "Gate.Fit with near: { method: both } vs hash-only, Transform after it, and datagate check, on N generated JPEGs";

    public void Run(string[] args, TextWriter output)
    {
        int n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        string folder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"datagate-bench-{n}");
        GateBenchmark.Generate(folder, n, output);
        string model = BundledModels.ResNet18;
        string rulesFolder = Directory.CreateTempSubdirectory("dg-mlnet-embedding-").FullName;
        try
        {
            string Rules(string name, string near)
            {
                string path = Path.Combine(rulesFolder, name);
                File.WriteAllText(path, $"version: 1\ndataset:\n  root: '{folder}'\n  include: [\"**/*.jpg\"]\nduplicates:\n  exact: {{ action: exclude }}\n  near: {near}\n");
                return path;
            }

            string hash = Rules("hash.yml", "{ action: exclude }");
            string both = Rules("both.yml", $"{{ action: exclude, method: both, model: '{model}' }}");
            var files = Directory.EnumerateFiles(folder, "*.jpg", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

            (double Fit, double Transform, string Groups) Ml(string rulesPath)
            {
                var ml = new MLContext(seed: 1);
                var rules = DataGateRules.Load(rulesPath);
                var data = ml.Data.LoadFromEnumerable(files.Select(f => new PathRow { ImagePath = f }).ToList());
                var sw = Stopwatch.StartNew();
                var fitted = ml.Transforms.DataGate().ComputeImageMetrics(rules, imageFolder: folder).Append(ml.Transforms.DataGate().Gate(rules)).Fit(data);
                double fit = sw.Elapsed.TotalSeconds;
                sw.Restart();
                var groups = ml.Data.CreateEnumerable<GroupRow>(fitted.Transform(data), reuseRowObject: false).Count(r => r.DataGateDuplicateGroup.Length > 0);
                double transform = sw.Elapsed.TotalSeconds;
                return (fit, transform, $"{groups} rows in groups");
            }

            // Warm-up: JIT and the file cache, on the hash path.
            Ml(hash);
            var h = Ml(hash);
            var b = Ml(both);
            var sw = Stopwatch.StartNew();
            var cli = GateRunner.Run(both, new GateRunOptions()).Result!;
            double check = sw.Elapsed.TotalSeconds;
            int cliGrouped = cli.Records.Count(r => cli.Duplicates.GroupOfImage.ContainsKey(r.Path));

            output.WriteLine($"images: {files.Count}, {Environment.ProcessorCount} cores");
            output.WriteLine($"ML.NET hash-only:   Fit {h.Fit:F2} s ({files.Count / h.Fit:F0} images/s), Transform {h.Transform:F2} s; {h.Groups}");
            output.WriteLine($"ML.NET method both: Fit {b.Fit:F2} s ({files.Count / b.Fit:F0} images/s), Transform {b.Transform:F2} s; {b.Groups}");
            output.WriteLine($"embedding in Fit:   +{(b.Fit - h.Fit) * 1000 / files.Count:F1} ms wall per image");
            output.WriteLine($"datagate check both: {check:F2} s ({files.Count / check:F0} images/s); {cliGrouped} rows in groups");
        }
        finally
        {
            Directory.Delete(rulesFolder, recursive: true);
        }
    }

    private sealed class PathRow
    {
        public string ImagePath { get; set; } = string.Empty;
    }

    private sealed class GroupRow
    {
        public string DataGateDuplicateGroup { get; set; } = string.Empty;
    }
}
