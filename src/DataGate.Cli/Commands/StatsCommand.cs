using DataGate.Cli.Rendering;
using DataGate.Core;
using DataGate.Core.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>
/// <c>datagate stats</c>: the distribution tables over the kept images (balance and parity results, label and metric
/// summaries by group, cross-tabs, cue scan). Writes no files; exit 0 when the tables were printed, whatever the
/// verdict; 2 configuration error; 3 internal error.
/// </summary>
public sealed class StatsCommand : Command<StatsSettings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to the given console.</summary>
    public StatsCommand(IAnsiConsole console) => _console = console;

    /// <inheritdoc />
    public override int Execute(CommandContext context, StatsSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var outcome = ProgressRunner.Run(_console, !settings.NoProgress, p => GateRunner.Run(settings.Config, new GateRunOptions { Progress = p, DisplayBasePath = Directory.GetCurrentDirectory() }, cancellationToken));
        if (outcome.Result is null)
        {
            ResultRenderer.Render(_console, outcome, verbose: false);
            return outcome.ExitCode;
        }

        StatsRenderer.Render(_console, BalanceTables.Compute(outcome.Result), settings.Top, settings.All);
        return ExitCodes.Passed;
    }
}
