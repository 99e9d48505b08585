using DataGate.Cli.Commands;
using DataGate.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli;

/// <summary>Builds and runs the <c>datagate</c> command line.</summary>
public static class DataGateApp
{
    /// <summary>Runs the CLI; returns the process exit code (0 pass, 1 gate failed, 2 usage/config error, 3 internal error).</summary>
    public static int Run(string[] args, IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("datagate");
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            config.AddCommand<CheckCommand>("check")
                .WithDescription("Validate a dataset against datagate.yml; write reports; exit 0 pass, 1 fail, 2 config error, 3 internal error.")
                .WithExample("check")
                .WithExample("check", "--config", "path/datagate.yml", "--out", "artifacts/datagate");
            config.AddCommand<SplitCommand>("split")
                .WithDescription("Write only the stratified, group-preserving train/val/test manifests (splits: in datagate.yml) and the split lock.")
                .WithExample("split", "--config", "datagate.yml", "--out", "artifacts/datagate", "--cache", ".datagate-cache");
            config.AddCommand<MetricsCommand>("metrics")
                .WithDescription("Write every per-image metric of a folder to a CSV file (no rule file needed).")
                .WithExample("metrics", "some/images", "--out", "metrics.csv");
            config.AddCommand<StatsCommand>("stats").WithDescription("Print distribution tables over the kept images: balance/parity results, summaries by group, cross-tabs, metric cues.");
            config.PropagateExceptions();
        });

        try
        {
            return app.Run(args);
        }
        catch (CommandParseException ex)
        {
            (console ?? AnsiConsole.Console).MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.ConfigError;
        }
        catch (CommandRuntimeException ex)
        {
            (console ?? AnsiConsole.Console).MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.ConfigError;
        }
        catch (Exception ex)
        {
            (console ?? AnsiConsole.Console).MarkupLineInterpolated($"[red]error DG9001:[/] internal error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.InternalError;
        }
    }
}
