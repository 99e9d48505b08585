using DataGate.Cli.Commands;
using DataGate.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli;

/// <summary>Builds and runs the <c>datagate</c> command line.</summary>
public static class DataGateApp
{
    /// <summary>
    /// The release version (<c>MAJOR.MINOR.PATCH</c>, as the packages and report.json state it): MinVer writes it into
    /// the file version; the assembly version is only <c>MAJOR.0.0.0</c>.
    /// </summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>Writes the full exception to datagate-error.log in <paramref name="folder"/>; null when it cannot.</summary>
    internal static string? WriteErrorLog(string folder, Exception exception)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "datagate-error.log");
            File.WriteAllText(path, $"datagate {Version}, {DateTimeOffset.UtcNow:u}, args: {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}\n{exception}\n");
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string ReadVersion()
    {
        var assembly = typeof(DataGateApp).Assembly;
        var file = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyFileVersionAttribute>(assembly)?.Version;
        return System.Version.TryParse(file, out var v) ? v.ToString(3) : assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }

    /// <summary>Runs the CLI; returns the process exit code (0 pass, 1 gate failed, 2 usage/config error, 3 internal error).</summary>
    public static int Run(string[] args, IAnsiConsole? console = null)
    {
        var strict = new StrictUsage();
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("datagate");
            config.SetApplicationVersion(Version);
            config.SetInterceptor(strict);
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
            config.AddCommand<DuplicatesCommand>("duplicates")
                .WithDescription("Find exact and near-duplicate groups in a folder; print them with their evidence and write them as CSV (no rule file needed).")
                .WithExample("duplicates", "some/images", "--out", "duplicates.csv");

            config.AddCommand<PlanCommand>("plan")
                .WithDescription("Sharded analysis, step 1: list the dataset's inputs once and split them into N shards (docs/scale-out.md).")
                .WithExample("plan", "--config", "datagate.yml", "--shards", "256", "--out", "plan");
            config.AddCommand<AnalyzeCommand>("analyze")
                .WithDescription("Sharded analysis, step 2: measure one shard of a plan into a Parquet file; then check --from merges the shards.")
                .WithExample("analyze", "--plan", "plan", "--shard", "17/256", "--out", "shards")
                .WithExample("analyze", "--plan", "plan", "--shard", "auto/256", "--out", "shards");
            config.AddCommand<StatsCommand>("stats").WithDescription("Print distribution tables over the kept images: balance/parity results, summaries by group, cross-tabs, metric cues.");
            config.AddCommand<InitCommand>("init")
                .WithDescription("Write a starting datagate.yml for a dataset: label source, fields, quality thresholds from its own percentiles. Never overwrites without --force.")
                .WithExample("init", "data/faces")
                .WithExample("init", "data/faces", "--config", "datagate.yml", "--force");
            config.PropagateExceptions();
        });

        if (StrictUsage.PreCheck(args) is { } usage)
        {
            (console ?? AnsiConsole.Console).MarkupLineInterpolated($"[red]error:[/] {usage}");
            return ExitCodes.ConfigError;
        }

        try
        {
            return app.Run(args);
        }
        catch (UsageException ex)
        {
            (console ?? AnsiConsole.Console).MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.ConfigError;
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
            // The CLI's catch-all: a short message on the console, the full exception in datagate-error.log in the
            // verb's output folder (or the current folder) so the DG9001 can be investigated.
            var log = WriteErrorLog(strict.OutputFolder ?? Directory.GetCurrentDirectory(), ex);
            (console ?? AnsiConsole.Console).MarkupLineInterpolated($"[red]error DG9001:[/] internal error: {ex.GetType().Name}: {ex.Message}");
            if (log is not null)
            {
                (console ?? AnsiConsole.Console).MarkupLineInterpolated($"the full exception (for a bug report) is in {log}");
            }

            return ExitCodes.InternalError;
        }
    }
}
