using DataGate.Cli.Rendering;
using DataGate.Core;
using DataGate.Core.Analysis;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary><c>datagate check</c>: the gate.</summary>
public sealed class CheckCommand : Command<CheckSettings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to the given console.</summary>
    public CheckCommand(IAnsiConsole console) => _console = console;

    /// <inheritdoc />
    public override int Execute(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        GateRunOptions Options(IProgress<AnalysisProgress>? progress) => new()
        {
            OutputDirectory = settings.Out,
            CacheDirectory = settings.Cache,
            DisplayBasePath = Directory.GetCurrentDirectory(),
            HtmlReport = settings.HtmlOptions(),
            JUnitPath = settings.JUnit,
            SarifPath = settings.Sarif,
            Progress = progress,
            DecodeEngine = DecodeEngineOption.Parse(settings.DecodeEngine),
        };
        var outcome = settings.From is { } from
            ? GateRunner.RunFromShards(settings.Config, from, Options(null), cancellationToken)
            : ProgressRunner.Run(_console, !settings.NoProgress, p => GateRunner.Run(settings.Config, Options(p), cancellationToken));
        ResultRenderer.Render(_console, outcome, settings.Verbose, GitHubActions.Detect(Environment.GetEnvironmentVariable));
        return outcome.ExitCode;
    }
}
