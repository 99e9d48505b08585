using DataGate.Cli.Rendering;
using DataGate.Core;
using DataGate.Core.Diagnostics;
using DataGate.Core.Sharding;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary><c>datagate analyze</c>: measures one shard of a plan and writes it as Parquet (skipped when already complete).</summary>
public sealed class AnalyzeCommand : Command<AnalyzeSettings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command.</summary>
    public AnalyzeCommand(IAnsiConsole console) => _console = console;

    /// <inheritdoc/>
    public override int Execute(CommandContext context, AnalyzeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (index, count, error) = ShardSpec.Parse(settings.Shard, Environment.GetEnvironmentVariable);
        if (error is not null)
        {
            var usage = new ShardRunOutcome { Diagnostics = [DiagnosticCodes.BadShardSpec.Create(error)] };
            ShardRenderer.Render(_console, usage, string.Empty);
            return ExitCodes.ConfigError;
        }

        var outcome = ProgressRunner.Run(_console, !settings.NoProgress, p => ShardedAnalysis.Analyze(settings.Plan!, index, count, settings.Out!, settings.Config, new GateRunOptions { Progress = p, DisplayBasePath = Directory.GetCurrentDirectory() }, cancellationToken));
        ShardRenderer.Render(_console, outcome, outcome.Written.Count > 0 ? $"shard {index}/{count}: {outcome.Rows} rows → {outcome.Written[0]}" : $"shard {index}/{count}: already complete");
        return outcome.ExitCode;
    }
}
