using DataGate.Core;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Reports;
using DataGate.Core.Rules;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary><c>datagate metrics DIR --out FILE.csv [--metrics default,eda]</c>: the selected per-image metrics, no rules.</summary>
public sealed class MetricsCommand : Command<MetricsSettings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to the given console.</summary>
    public MetricsCommand(IAnsiConsole console) => _console = console;

    /// <inheritdoc />
    public override int Execute(CommandContext context, MetricsSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = GateConfig.ForFolder(settings.Directory);
        var options = new GateRunOptions { DisplayBasePath = Directory.GetCurrentDirectory() };
        var engine = DecodeEngineOption.Parse(settings.DecodeEngine) ?? config.Decode.Engine;
        if (DatasetAnalyzer.CheckDecodeEngine(engine) is { } unavailable)
        {
            _console.MarkupLineInterpolated($"[red]error {unavailable.Code}:[/] {unavailable.Message}");
            return ExitCodes.ConfigError;
        }

        var analysis = ProgressRunner.Run(_console, !settings.NoProgress, p => DatasetAnalyzer.Run(config, new GateRunOptions { Progress = p, DisplayBasePath = options.DisplayBasePath, DecodeEngine = engine, Metrics = settings.Selection }, cancellationToken));

        // The default rule set has no rules: fitting it groups exact and near duplicates with the default policy.
        var fitted = RuleSet.Default.Fit(analysis.Records, 0, cancellationToken);
        var (_, error) = ReportSet.WriteMetrics(settings.Out, fitted.Rows, fitted.Duplicates);
        if (error is not null)
        {
            _console.MarkupLineInterpolated($"[red]error {error.Code}:[/] {error.Message}");
            return ExitCodes.InternalError;
        }

        int errored = analysis.Records.Count(r => !r.IsAnalysed);
        _console.MarkupLineInterpolated($"{analysis.Records.Count} files, {analysis.Records.Count - errored} analysed, {errored} errored → [bold]{settings.Out}[/]");
        foreach (var r in analysis.Records.Where(r => r.Error is not null))
        {
            _console.WriteLine($"  {r.Error}");
        }

        return ExitCodes.Passed;
    }
}
