using System.Diagnostics;
using DataGate.Core;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Reports;
using DataGate.Core.Reports.Html;
using DataGate.Core.Rules;

namespace DataGate.Benchmarks;

/// <summary>
/// report.html for N generated UTKFace-style JPEGs (the gate benchmark's set, plus 300 copies under other labels:
/// duplicate groups with label conflicts): its size and the time to write it after the analysis, with the default
/// options. Usage: <c>html-report [N=20000] [threads=2] [folder]</c>.
/// </summary>
internal sealed class HtmlReportBenchmark : IBenchmark
{
    private const int Copies = 300;

    public string Name => "html-report";

    public string Description => "size of report.html and time to write it (beyond the analysis) for N images (default 20000)";

    public void Run(string[] args, TextWriter output)
    {
        int n = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        int threads = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2;
        string folder = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"datagate-bench-{n}");
        GateBenchmark.Generate(folder, n, output);
        AddConflictingCopies(folder);

        string config = Path.Combine(Path.GetTempPath(), $"datagate-html-bench-{n}.yml");
        File.WriteAllText(config, $"""
            version: 1
            dataset:
              root: {folder}
              labels:
                filename: '^(?<age>\d+)_(?<gender>[01])_(?<race>[0-4])_'
            fields:
              age:    {"{"} type: integer, bins: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90] {"}"}
              gender: {"{"} type: category, names: {"{"} 0: male, 1: female {"}"} {"}"}
              race:   {"{"} type: category, names: {"{"} 0: white, 1: black, 2: asian, 3: indian, 4: others {"}"} {"}"}
            quality:
              - {"{"} id: sharp-enough, metric: laplacian_variance, min: {"{"} percentile: 5 {"}"}, action: exclude {"}"}
              - {"{"} id: not-too-dark, metric: luminance_mean, min: {"{"} percentile: 2 {"}"}, action: exclude {"}"}
              - {"{"} id: not-washed-out, metric: luminance_mean, max: {"{"} percentile: 98 {"}"}, action: warn {"}"}
              - {"{"} id: colour-variance, metric: color_variance, min: {"{"} percentile: 3 {"}"}, action: warn {"}"}
            duplicates:
              exact: {"{"} action: exclude, keep: first_path {"}"}
              near: off
              label_conflicts: warn
            gate: {"{"} max_excluded_fraction: 1 {"}"}
            balance:
              - {"{"} id: gender-share, field: gender, min_share: 0.4, action: warn {"}"}
              - {"{"} id: age-gender-cells, cross: [age_bin, gender], min_count: 5, action: warn {"}"}
            parity:
              - {"{"} id: colour-cue, metric: color_variance, across: gender, max_effect: {"{"} cohens_d: 0.15 {"}"}, action: warn {"}"}
            """);
        var load = ConfigLoader.Load(config);
        if (!load.Succeeded)
        {
            output.WriteLine(string.Join("\n", load.Diagnostics));
            return;
        }

        var analysisWatch = Stopwatch.StartNew();
        var analysis = DatasetAnalyzer.Run(load.Config!, new GateRunOptions { MaxDegreeOfParallelism = threads });
        var result = RuleSet.FromConfig(load.Config!).Check(analysis.Records, analysis.Diagnostics, threads);
        analysisWatch.Stop();

        string html = Path.Combine(Path.GetTempPath(), $"datagate-html-bench-{n}.html");
        // First write includes JIT of the writer and the first read of the embedded runtimes; the second is steady state.
        for (int run = 1; run <= 2; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            using (var w = new StreamWriter(html))
            {
                HtmlReportWriter.Write(w, result, HtmlReportOptions.Default);
            }

            sw.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            output.WriteLine($"run {run}: report.html written in {sw.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU, {new FileInfo(html).Length / 1e6:F2} MB ({html})");
        }

        output.WriteLine($"images: {result.Records.Count} ({result.Counts.Kept} kept, {result.Counts.Excluded} excluded), duplicate groups {result.Duplicates.Groups.Count} ({result.Duplicates.Groups.Count(g => g.ConflictingLabels.Count > 0)} conflicting), analysis + fit/apply {analysisWatch.Elapsed.TotalSeconds:F1} s, threads {threads}");
    }

    /// <summary>Copies of the first images under another gender: exact duplicates whose labels disagree.</summary>
    private static void AddConflictingCopies(string folder)
    {
        var dir = Path.Combine(folder, "copies");
        if (Directory.Exists(dir))
        {
            return;
        }

        Directory.CreateDirectory(dir);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "000")).Order(StringComparer.Ordinal).Take(Copies))
        {
            var name = Path.GetFileName(file);
            var parts = name.Split('_');
            parts[1] = parts[1] == "0" ? "1" : "0";
            File.Copy(file, Path.Combine(dir, string.Join('_', parts)));
        }
    }
}
