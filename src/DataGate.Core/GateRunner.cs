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

        return Guarded(options.OutputDirectory, () => CheckAndWrite(config, DatasetAnalyzer.Run(config, options, cancellationToken), options, cancellationToken));
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
        // The reduce reads the embeddings the workers stored and never runs the model: its file need not be on this node.
        var load = ConfigLoader.Load(configPath, requireDataset: true, embeddingFilesMustExist: false);
        if (!load.Succeeded)
        {
            return new GateRunOutcome { Diagnostics = load.Diagnostics };
        }

        return Guarded(options.OutputDirectory, () =>
        {
            var analysis = LoadShards(load.Config!, configPath, shardDirectory, options, out var problems, cancellationToken);
            return analysis is null ? new GateRunOutcome { Diagnostics = problems } : CheckAndWrite(load.Config!, analysis, options, cancellationToken);
        });
    }

    /// <summary>
    /// The reduce's first half: shards loaded and validated, then <see cref="DatasetAnalyzer.Finish"/>; null (with the
    /// refusals) when the shards are refused. A method of its own so the loaded rows are unreachable once it returns
    /// (the labelled records share their metrics and hashes anyway; see <see cref="ImageRecord"/>'s copy-on-write).
    /// </summary>
    private static DatasetAnalysis? LoadShards(GateConfig config, string configPath, string shardDirectory, GateRunOptions options, out List<Diagnostic> problems, CancellationToken cancellationToken)
    {
        // near: { method: embedding | both } reads the embeddings the workers stored (DG3039 when a shard has none).
        var shards = ShardSet.Load(shardDirectory, ShardPlan.DigestOfFile(configPath), options.MaxDegreeOfParallelism, config.Duplicates.Near is { UsesEmbedding: true }, cancellationToken);
        problems = shards.Problems;
        if (!shards.Succeeded)
        {
            return null;
        }

        var diagnostics = new List<Diagnostic>(shards.PlanDiagnostics);
        diagnostics.AddRange(shards.Problems);
        return DatasetAnalyzer.Finish(config, shards.Rows, diagnostics, options.DisplayBasePath);
    }

    /// <summary>
    /// <c>datagate split</c>: analyses the dataset (with the cache when given), fits the rules and writes only the
    /// split manifests (NAME.csv) and the lock, for projects that gate elsewhere. A rule file without <c>splits:</c> is
    /// a DG1005 configuration error. <see cref="GateRunOutcome.ExitCode"/> is decided by the split findings alone
    /// (DG2033, DG2060, DG2061, DG3015): the other rules' verdicts do not fail this command.
    /// </summary>
    /// <param name="configPath">Path of datagate.yml as the user gave it.</param>
    /// <param name="options">Output folder (required for anything to be written), cache, parallelism.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static GateRunOutcome RunSplits(string configPath, GateRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var load = ConfigLoader.Load(configPath);
        if (!load.Succeeded)
        {
            return new GateRunOutcome { Diagnostics = load.Diagnostics };
        }

        var config = load.Config!;
        if (config.Splits is null)
        {
            return new GateRunOutcome { Diagnostics = [DiagnosticCodes.MissingKey.Create("the rule file has no splits: section; add one (e.g. splits: { ratios: { train: 0.8, val: 0.1, test: 0.1 } }) to use 'datagate split'", new SourceSpan(configPath, 1, 1))] };
        }

        return Guarded(options.OutputDirectory, () =>
        {
            var analysis = DatasetAnalyzer.Run(config, options, cancellationToken);
            var gate = RuleSet.FromConfig(config).Check(analysis.Records, analysis.Diagnostics, options.MaxDegreeOfParallelism, cancellationToken);
            var splitCodes = new HashSet<string>(StringComparer.Ordinal)
            {
                DiagnosticCodes.SplitLeakage.Code, DiagnosticCodes.SplitDeviation.Code, DiagnosticCodes.TooFewForSplits.Code,
                DiagnosticCodes.StaleSplitLock.Code, DiagnosticCodes.SplitLockUnreadable.Code,
            };

            // The verdict of this command: only the split findings count.
            var result = new GateResult
            {
                Config = gate.Config,
                Records = gate.Records,
                Verdicts = gate.Verdicts,
                Findings = gate.Findings.Where(f => splitCodes.Contains(f.Diagnostic.Code)).ToList(),
                Exclusions = gate.Exclusions,
                ResolvedBounds = gate.ResolvedBounds,
                Duplicates = gate.Duplicates,
                BalanceResults = gate.BalanceResults,
                ParityResults = gate.ParityResults,
                Splits = gate.Splits,
                Counts = gate.Counts,
            };
            var diagnostics = new List<Diagnostic>();
            IReadOnlyList<ReportFile> written = [];
            if (options.OutputDirectory is not null && result.Splits is not null)
            {
                var (files, error) = ReportSet.WriteSplits(options.OutputDirectory, result);
                written = files;
                if (error is not null)
                {
                    diagnostics.Add(error);
                }
                else if (WriteSplitLock(result) is { } lockError)
                {
                    diagnostics.Add(lockError);
                }
            }

            return new GateRunOutcome { Result = result, Diagnostics = diagnostics, Written = written };
        });
    }

    /// <summary>Fit, apply and reports over analysed rows: the common end of a plain check and of a reduce over shards.</summary>
    private static GateRunOutcome CheckAndWrite(GateConfig config, DatasetAnalysis analysis, GateRunOptions options, CancellationToken cancellationToken)
    {
        var outputDirectory = options.OutputDirectory;
        var result = RuleSet.FromConfig(config).Check(analysis.Records, analysis.Diagnostics, options.MaxDegreeOfParallelism, cancellationToken);
        var diagnostics = new List<Diagnostic>();
        IReadOnlyList<ReportFile> written = [];
        if (outputDirectory is not null || options.JUnitPath is not null || options.SarifPath is not null)
        {
            var (files, error, warnings) = ReportSet.WriteAll(outputDirectory, result, Sections(result), options);
            written = files;
            diagnostics.AddRange(warnings);
            if (error is not null)
            {
                diagnostics.Add(error);
            }
            else if (outputDirectory is not null && WriteSplitLock(result) is { } lockError)
            {
                diagnostics.Add(lockError);
            }
        }

        var errorLog = ErrorLog.Write(outputDirectory, result.Records.Select(r => r.Error).OfType<Diagnostic>());
        return new GateRunOutcome { Result = result, Diagnostics = diagnostics, Written = written, ErrorLog = errorLog };
    }

    /// <summary>
    /// Runs one flow of a run: a cancellation becomes DG9002 (<c>Cancelled</c>), any other exception the one
    /// catch-all (<see cref="InternalFailure"/>), so no flow can take its host down.
    /// </summary>
    private static GateRunOutcome Guarded(string? outputDirectory, Func<GateRunOutcome> run)
    {
        try
        {
            return run();
        }
        catch (OperationCanceledException)
        {
            return new GateRunOutcome { Diagnostics = [DiagnosticCodes.Cancelled.Create("the run was cancelled")] };
        }
        catch (Exception ex)
        {
            return InternalFailure(outputDirectory, ex);
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

    /// <summary>The report sections of a result: duplicates, balance, and splits when configured.</summary>
    internal static IReadOnlyList<ReportSection> Sections(GateResult result)
    {
        var sections = new List<ReportSection> { new DuplicatesSection(result.Duplicates), BalanceSection.Create(result) };
        if (SplitSection.Create(result) is { } splits)
        {
            sections.Add(splits);
        }

        return sections;
    }

    /// <summary>
    /// Updates the split lock (<c>splits: lock</c>) with the run's assignment, when outputs were written: written
    /// atomically, only when its content changes. Returns a DG3011 diagnostic when it cannot be written.
    /// </summary>
    internal static Diagnostic? WriteSplitLock(GateResult result)
    {
        if (result.Splits is not { } plan || result.Config.Splits?.LockPath is not { } path)
        {
            return null;
        }

        var (current, error) = Splits.SplitLock.Read(path);
        if (error is not null)
        {
            return null; // already reported as DG3015 by the fit, which made no plan
        }

        return current!.Update(plan).Write(path).Error;
    }
}
