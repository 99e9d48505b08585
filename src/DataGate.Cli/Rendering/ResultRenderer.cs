using System.Globalization;
using DataGate.Core;
using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;
using Spectre.Console;

namespace DataGate.Cli.Rendering;

/// <summary>Prints a run's outcome: diagnostics in compiler format, the rule table, worst offenders, counts, verdict.</summary>
internal static class ResultRenderer
{
    public static void Render(IAnsiConsole console, GateRunOutcome outcome, bool verbose, GitHubActions? github = null, bool rules = true)
    {
        foreach (var d in outcome.Diagnostics)
        {
            Emit(console, github, d, null);
        }

        if (outcome.ErrorLog is { } errorLog)
        {
            console.MarkupLineInterpolated($"[red]internal error:[/] the full exception (for a bug report) is in {errorLog}");
        }

        if (outcome.Result is not { } result)
        {
            console.MarkupLine(outcome.ExitCode == ExitCodes.InternalError ? "[red]DataGate: internal error, nothing was checked.[/]" : "[red]DataGate: configuration error, nothing was checked.[/]");
            return;
        }

        int cap = verbose ? FindingImageLimits.ConsoleVerbose : FindingImageLimits.Console;
        var shown = result.Findings.Where(f => verbose || f.Diagnostic.Severity >= Severity.Warning)
            .OrderByDescending(f => f.Diagnostic.Severity).ThenBy(f => f.Diagnostic.Code, StringComparer.Ordinal)
            .Select(f => OpenableImagePath(f.Diagnostic, result.Config.Dataset.Root));

        // Hundreds of findings of one code from one rule become one line; --verbose and the reports keep them all.
        foreach (var line in DiagnosticFolding.Fold(shown, verbose ? int.MaxValue : DiagnosticFolding.DefaultMaxUnfolded))
        {
            var d = line.Diagnostic;
            Emit(console, github, d, d.Location is null && d.ImagePath is not null ? Path.GetFullPath(d.ImagePath) : null);
        }

        if (rules && result.Config.Quality.Count > 0)
        {
            console.Write(RuleTable(result));
            WriteWorstOffenders(console, result, cap);
        }

        var c = result.Counts;
        console.MarkupLineInterpolated($"{c.Total} files: [green]{c.Kept} kept[/], [yellow]{c.Excluded} excluded[/], [red]{c.Errored} errored[/]");
        foreach (var path in outcome.Written.Select(f => f.Path))
        {
            DiagnosticLines.WritePlain(console, $"wrote {path}");
        }

        if (github?.AppendSummary(outcome.Written) is { } summaryProblem)
        {
            Emit(console, github, summaryProblem, null);
        }

        console.MarkupLine(result.Passed ? "[bold green]DataGate: PASSED[/]" : "[bold red]DataGate: FAILED[/]");
    }

    private static void Emit(IAnsiConsole console, GitHubActions? github, Diagnostic d, string? imageFullPath)
    {
        DiagnosticLines.Write(console, d);
        if (github is not null)
        {
            DiagnosticLines.WritePlainAlways(console, github.Command(d, imageFullPath));
        }
    }

    private static void WriteWorstOffenders(IAnsiConsole console, GateResult result, int cap)
    {
        foreach (var rule in result.Config.Quality)
        {
            var f = Outcome(result, rule.Id);
            if (f is null || f.Images.Count == 0)
            {
                continue;
            }

            console.MarkupLineInterpolated($"[bold]{rule.Id}[/] worst offenders:");
            foreach (var i in f.Images.Take(cap))
            {
                DiagnosticLines.WritePlain(console, $"  {i.Path}  {rule.Metric} = {i.Value.ToString("G6", CultureInfo.InvariantCulture)}");
            }

            if (f.Images.Count > cap)
            {
                console.WriteLine($"  … and {f.Images.Count - cap} more (report.json lists all)");
            }
        }
    }

    private static Finding? Outcome(GateResult result, string ruleId) =>
        result.Findings.FirstOrDefault(x => x.Diagnostic.RuleId == ruleId && x.Diagnostic.Code != DiagnosticCodes.MetricUnavailable.Code);

    private static Table RuleTable(GateResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("quality rules");
        table.AddColumn("rule");
        table.AddColumn("metric");
        table.AddColumn("bound");
        table.AddColumn("status");
        table.AddColumn(new TableColumn("offending").RightAligned());
        foreach (var rule in result.Config.Quality)
        {
            var (min, max) = result.ResolvedBounds[rule.Id];
            var f = Outcome(result, rule.Id);
            string status = f is null ? "[green]passed[/]" : f.Diagnostic.Code == DiagnosticCodes.QualityRuleFailed.Code ? "[red]failed[/]" : rule.Action == Core.Config.RuleAction.Exclude ? "[yellow]excluded[/]" : "[yellow]flagged[/]";
            table.AddRow(
                Markup.Escape(rule.Id),
                Markup.Escape(rule.Metric),
                Markup.Escape(BoundText(min, max)),
                status,
                (f?.Images.Count ?? 0).ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static string BoundText(double min, double max) =>
        (double.IsNegativeInfinity(min) ? string.Empty : "≥ " + min.ToString("G4", CultureInfo.InvariantCulture)) +
        (double.IsNegativeInfinity(min) || double.IsPositiveInfinity(max) ? string.Empty : ", ") +
        (double.IsPositiveInfinity(max) ? string.Empty : "≤ " + max.ToString("G4", CultureInfo.InvariantCulture));

    /// <summary>
    /// A finding about one image with no rule position is printed with the image's path relative to the current
    /// folder (e.g. <c>examples/faces/x.jpg: warning DG3005</c>), so terminals and editors can open it.
    /// </summary>
    private static Diagnostic OpenableImagePath(Diagnostic d, string root)
    {
        if (d.Location is not null || d.ImagePath is null)
        {
            return d;
        }

        var full = Path.Combine(root, d.ImagePath);
        return d with { ImagePath = Path.GetRelativePath(Directory.GetCurrentDirectory(), full).Replace('\\', '/') };
    }
}
