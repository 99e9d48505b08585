using DataGate.Cli.Rendering;
using DataGate.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>
/// <c>datagate split</c>: writes only the split manifests (NAME.csv) and the split lock, for projects that gate
/// elsewhere; exit 1 only for split findings (leakage pinned by the lock, deviation gate, too few images).
/// </summary>
public sealed class SplitCommand : Command<CheckSettings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to the given console.</summary>
    public SplitCommand(IAnsiConsole console) => _console = console;

    /// <inheritdoc />
    public override int Execute(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var outcome = ProgressRunner.Run(_console, !settings.NoProgress, p => GateRunner.RunSplits(settings.Config, new GateRunOptions { OutputDirectory = settings.Out, CacheDirectory = settings.Cache, Progress = p, DisplayBasePath = Directory.GetCurrentDirectory() }, cancellationToken));
        ResultRenderer.Render(_console, outcome, settings.Verbose, rules: false);
        if (outcome.Result?.Splits is { } plan)
        {
            var counts = plan.Counts;
            _console.MarkupLineInterpolated($"splits: {string.Join(", ", plan.Names.Select((n, s) => $"{n} {counts[s]}"))}; {plan.GroupsKeptTogether} groups kept together; largest gated cell deviation {plan.MaxGatedDeviation * 100:0.00} points");
        }

        return outcome.ExitCode;
    }
}
