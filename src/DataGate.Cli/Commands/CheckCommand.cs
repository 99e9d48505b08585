using DataGate.Cli.Rendering;
using DataGate.Core;
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
        var outcome = ProgressRunner.Run(_console, !settings.NoProgress, p => GateRunner.Run(settings.Config, new GateRunOptions { OutputDirectory = settings.Out, CacheDirectory = settings.Cache, Progress = p, DisplayBasePath = Directory.GetCurrentDirectory(), DecodeEngine = DecodeEngineOption.Parse(settings.DecodeEngine) }, cancellationToken));
        ResultRenderer.Render(_console, outcome, settings.Verbose);
        return outcome.ExitCode;
    }
}
