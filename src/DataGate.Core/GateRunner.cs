using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Reports;
using DataGate.Core.Rules;
using DataGate.Core.Sharding;

namespace DataGate.Core;

/// <summary>
/// The <c>check</c> flow behind the command line and the MSBuild task: load the rule file, analyse the dataset folder
/// (<see cref="DatasetAnalyzer"/>, built on <see cref="ImageMeasurer"/>), fit and apply the rules on the same rows
/// (<see cref="RuleSet.Check"/>), write the outputs. Never throws for bad input; every problem is a diagnostic.
/// </summary>
public static class GateRunner
{
    /// <summary>Runs the gate for a rule file.</summary>
    /// <param name="configPath">Path of datagate.yml as the user gave it.</param>
    /// <param name="outputDirectory">Folder for report.json, summary.md, metrics.csv, kept.csv; null writes nothing.</param>
    /// <param name="progress">Progress sink, or null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static GateRunOutcome Run(string configPath, string? outputDirectory, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
        => Run(configPath, new GateRunOptions { OutputDirectory = outputDirectory, Progress = progress }, cancellationToken);

    /// <summary>Runs the gate for a rule file with options (output folder, analysis cache, ...).</summary>
    /// <param name="configPath">Path of datagate.yml as the user gave it.</param>
    /// <param name="options">Where outputs and the cache go.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static GateRunOutcome Run(string configPath, GateRunOptions options, CancellationToken cancellationToken = default)
    {
        var load = ConfigLoader.Load(configPath);
        if (!load.Succeeded)
        {
            return new GateRunOutcome { Diagnostics = load.Diagnostics };
        }

        return Run(load.Config!, options, cancellationToken);
    }

    /// <summary>Runs the gate for a loaded configuration.</summary>
    public static GateRunOutcome Run(GateConfig config, string? outputDirectory, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
        => Run(config, new GateRunOptions { OutputDirectory = outputDirectory, Progress = progress }, cancellationToken);

    /// <summary>Runs the gate for a loaded configuration with options (output folder, analysis cache, ...).</summary>
    public static GateRunOutcome Run(GateConfig config, GateRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        if (options.HtmlReport?.Validate() is { } invalid)
        {
            return new GateRunOutcome { Diagnostics = [DiagnosticCodes.BadReportOption.Create(invalid)] };
        }

        if (DatasetAnalyzer.CheckDecodeEngine(options.DecodeEngine ?? config.Decode.Engine) is { } unavailable)
        {
            // Stop before reading an image: every JPEG would fail otherwise.
            return new GateRunOutcome { Diagnostics = [unavailable] };
        }

        try
        {
            return CheckAndWrite(config, DatasetAnalyzer.Run(config, options, cancellationToken), options, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return new GateRunOutcome { Diagnostics = [DiagnosticCodes.Cancelled.Create("the run was cancelled")] };
        }
        catch (Exception ex)
        {
            return InternalFailure(options.OutputDirectory, ex);
        }
    }

    /// <summary>
    /// The reduce of a sharded analysis (<c>datagate check --from</c>): loads the shards of
    /// <paramref name="shardDirectory"/> (each validated: complete, one run, no duplicate key, not truncated), then
    /// runs the same path as a plain check from the measured rows on — rows in key order, dataset-relative metrics,
    /// labels, fit, apply, reports — so the outputs equal a single check's.
    /// </summary>
    /// <param name="configPath">Path of datagate.yml (its rules, labels and reports apply).</param>
    /// <param name="shardDirectory">Folder of <c>shard-NNNNN-of-NNNNN.parquet</c> files written by <c>analyze</c>.</param>
    /// <param name="options">Output folder, parallelism, display base (the cache is not used).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static GateRunOutcome RunFromShards(string configPath, string shardDirectory, GateRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        ArgumentNullException.ThrowIfNull(shardDirectory);
        ArgumentNullException.ThrowIfNull(options);
        var load = ConfigLoader.Load(configPath);
        if (!load.Succeeded)
        {
            return new GateRunOutcome { Diagnostics = load.Diagnostics };
        }

        try
        {
            var shards = ShardSet.Load(shardDirectory, ShardPlan.DigestOfFile(configPath), options.MaxDegreeOfParallelism, cancellationToken);
            if (!shards.Succeeded)
            {
                return new GateRunOutcome { Diagnostics = shards.Problems };
            }

            var diagnostics = new List<Diagnostic>(shards.PlanDiagnostics);
            diagnostics.AddRange(shards.Problems);
            var analysis = DatasetAnalyzer.Finish(load.Config!, shards.Rows, diagnostics, options.DisplayBasePath);
            return CheckAndWrite(load.Config!, analysis, options, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return new GateRunOutcome { Diagnostics = [DiagnosticCodes.Cancelled.Create("the run was cancelled")] };
        }
        catch (Exception ex)
        {
            return InternalFailure(options.OutputDirectory, ex);
        }
    }

    /// <summary>Fit, apply and reports over analysed rows: the common end of a plain check and of a reduce over shards.</summary>
    private static GateRunOutcome CheckAndWrite(GateConfig config, DatasetAnalysis analysis, GateRunOptions options, CancellationToken cancellationToken)
    {
        var outputDirectory = options.OutputDirectory;
        {
            var result = RuleSet.FromConfig(config).Check(analysis.Records, analysis.Diagnostics, options.MaxDegreeOfParallelism, cancellationToken);
            var diagnostics = new List<Diagnostic>();
            IReadOnlyList<ReportFile> written = [];
            if (outputDirectory is not null || options.JUnitPath is not null || options.SarifPath is not null)
            {
                var (files, error, warnings) = ReportSet.WriteAll(outputDirectory, result, [new DuplicatesSection(result.Duplicates), BalanceSection.Create(result)], options);
                written = files;
                diagnostics.AddRange(warnings);
                if (error is not null)
                {
                    diagnostics.Add(error);
                }
            }

            var errorLog = ErrorLog.Write(outputDirectory, result.Records.Select(r => r.Error).OfType<Diagnostic>());
            return new GateRunOutcome { Result = result, Diagnostics = diagnostics, Written = written, ErrorLog = errorLog };
        }
    }

    /// <summary>
    /// The one catch-all of a run: a bug must not take the host (an MSBuild node, a service) down. The short message goes
    /// to the user, the full exception to datagate-error.log in the output folder and to <see cref="Diagnostic.Details"/>.
    /// </summary>
    private static GateRunOutcome InternalFailure(string? outputDirectory, Exception ex)
    {
        var internalError = ErrorLog.Internal("internal error", ex);
        var errorLog = ErrorLog.Write(outputDirectory, [internalError]);
        if (errorLog is not null)
        {
            internalError = internalError with { Message = $"{internalError.Message} (full exception in {errorLog})" };
        }

        return new GateRunOutcome { Diagnostics = [internalError], ErrorLog = errorLog };
    }
}
