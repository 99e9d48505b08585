using DataGate.Core;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Duplicates;
using DataGate.Core.Reports;
using DataGate.Core.Rules;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary><c>datagate duplicates DIR --out FILE.csv</c>: exact and near-duplicate groups with their evidence, no rules.</summary>
public sealed class DuplicatesCommand : Command<DuplicatesSettings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to the given console.</summary>
    public DuplicatesCommand(IAnsiConsole console) => _console = console;

    /// <inheritdoc />
    public override int Execute(CommandContext context, DuplicatesSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var method = settings.Method switch { "embedding" => NearMethod.Embedding, "both" => NearMethod.Both, _ => NearMethod.Hash };
        string? model = settings.Model is null ? null : Path.GetFullPath(settings.Model);
        var near = settings.ExactOnly ? null : new DuplicatePolicy
        {
            Method = method,
            Model = model,
            Preprocess = model is null ? null : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(model)!, "..", "ResNetPrepOnnx", "ResNetPreprocess.onnx")),
            MinSimilarity = settings.MinSimilarity,
            Hash = settings.Hash,
            MaxDistance = settings.MaxDistance,
            Confirm = settings.Confirm switch
            {
                "off" => NearConfirm.Off,
                "dhash" => NearConfirm.DHash,
                "correlation" => NearConfirm.Correlation,
                _ => NearConfirm.Both,
            },
            Mirror = method != NearMethod.Embedding && !settings.NoMirror && settings.Hash is "phash" or "dhash",
        };

        // The analysis computes embeddings only when the near policy asks for them (the model is loaded for this run).
        var folder = new GateConfig { Dataset = GateConfig.ForFolder(settings.Directory).Dataset, Duplicates = new DuplicateSettings { Near = near } };
        string display = Directory.GetCurrentDirectory();
        var analysis = ProgressRunner.Run(_console, !settings.NoProgress, p => DatasetAnalyzer.Run(folder, new GateRunOptions { Progress = p, DisplayBasePath = display }, cancellationToken));
        foreach (var problem in analysis.Diagnostics.Where(d => d.Code == DiagnosticCodes.EmbeddingModelUnavailable.Code))
        {
            _console.MarkupLineInterpolated($"[red]error {problem.Code}:[/] {problem.Message}");
            return ExitCodes.GateFailed;
        }

        var rules = RuleSet.FromConfig(new GateConfig { Dataset = DatasetSettings.None, Duplicates = new DuplicateSettings { Near = near } });
        var fitted = rules.Fit(analysis.Records, 0, cancellationToken);
        var report = fitted.Duplicates;
        var (_, error) = ReportSet.WriteDuplicates(settings.Out, report);
        if (error is not null)
        {
            _console.MarkupLineInterpolated($"[red]error {error.Code}:[/] {error.Message}");
            return ExitCodes.InternalError;
        }

        Render(report);
        int errored = analysis.Records.Count(r => !r.IsAnalysed);
        int exact = report.Groups.Count(g => g.Kind == DuplicateKind.Exact);
        int nearGroups = report.Groups.Count - exact;
        int copies = report.Groups.Sum(g => g.Members.Count - 1);
        _console.MarkupLineInterpolated($"{analysis.Records.Count} files, {analysis.Records.Count - errored} analysed, {errored} errored; {exact} exact and {nearGroups} near group(s), {copies} cop{(copies == 1 ? "y" : "ies")} → [bold]{settings.Out}[/]");
        if (near is { Method: NearMethod.Embedding })
        {
            _console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"near: embedding cosine similarity ≥ {report.NearMinSimilarity}, {(report.NearApproximate ? "approximate" : "exact")} search; {report.NearCandidatePairs} pair(s)"));
        }
        else if (near is not null)
        {
            _console.WriteLine($"near: {report.NearHash} distance ≤ {report.NearRadius}{(report.NearMirror ? ", mirror-aware" : string.Empty)}, confirm {settings.Confirm}; {report.NearCandidatePairs} candidate pair(s), {report.NearUnconfirmedPairs} not confirmed");
        }

        if (report.NearCappedImages.Count > 0)
        {
            _console.MarkupLineInterpolated($"[yellow]warning {DiagnosticCodes.NearCandidateCap.Code}:[/] {report.NearCappedImages.Count} image(s) reached the candidate limit ({near!.MaxCandidates}); their groups may be incomplete");
        }

        if (report.NearMissingEmbedding.Count > 0)
        {
            _console.MarkupLineInterpolated($"[yellow]warning {DiagnosticCodes.EmbeddingMissing.Code}:[/] {report.NearMissingEmbedding.Count} image(s) have no embedding and were not searched by embedding");
        }

        foreach (var r in analysis.Records.Where(r => r.Error is not null))
        {
            _console.WriteLine($"  {r.Error}");
        }

        return ExitCodes.Passed;
    }

    private void Render(DuplicateReport report)
    {
        if (report.Groups.Count == 0)
        {
            _console.WriteLine("No duplicates found.");
            return;
        }

        var table = new Table().AddColumns("group", "kind", "members (kept first)", "evidence");
        foreach (var g in report.Groups)
        {
            string kind = g.Kind == DuplicateKind.Exact ? (g.ByteIdentical ? "exact (bytes)" : "exact (pixels)") : "near";
            var members = new[] { g.Kept }.Concat(g.Members.Where(m => m != g.Kept)).Select((m, i) => i == 0 ? $"{m} (kept)" : m);
            string evidence = g.Kind == DuplicateKind.Exact
                ? (g.ByteIdentical ? "same bytes" : "same pixels")
                : string.Join("\n", g.Pairs.Select(p => $"{p.First} ~ {p.Second}: {p.Describe(report.NearHash)}"));
            table.AddRow(new Text(g.Id), new Text(kind), new Text(string.Join("\n", members)), new Text(evidence));
        }

        _console.Write(table);
    }
}
