using DataGate.Cli.Rendering;
using DataGate.Core.Sharding;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary><c>datagate plan</c>: lists the dataset's inputs once and splits them into N shards.</summary>
public sealed class PlanCommand : Command<PlanSettings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command.</summary>
    public PlanCommand(IAnsiConsole console) => _console = console;

    /// <inheritdoc/>
    public override int Execute(CommandContext context, PlanSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var outcome = ShardedAnalysis.Plan(settings.Config, settings.Shards, settings.Out!, cancellationToken);
        ShardRenderer.Render(_console, outcome, $"planned {outcome.Rows} inputs in {settings.Shards} shards: {settings.Out}");
        return outcome.ExitCode;
    }
}
