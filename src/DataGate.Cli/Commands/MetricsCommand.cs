using DataGate.Core;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Duplicates;
using DataGate.Core.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary><c>datagate metrics DIR --out FILE.csv</c>: every per-image metric, no rules.</summary>
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
        var analysis = ProgressRunner.Run(_console, !settings.NoProgress, p => DatasetAnalyzer.Run(config, p, 0, cancellationToken));
        DuplicateFinder.Find(analysis.Records, config.Duplicates);
        try
        {
            AtomicFile.WriteText(settings.Out, w => MetricsCsvWriter.Write(w, analysis.Records));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _console.MarkupLineInterpolated($"[red]error DG3011:[/] cannot write '{settings.Out}': {ex.Message}");
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
