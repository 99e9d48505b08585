using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Reports;
using DataGate.Core.Rules;

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
        var outputDirectory = options.OutputDirectory;
        if (options.HtmlReport?.Validate() is { } invalid)
        {
            return new GateRunOutcome { Diagnostics = [DiagnosticCodes.BadReportOption.Create(invalid)] };
        }

        try
        {
            var analysis = DatasetAnalyzer.Run(config, options, cancellationToken);
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
        catch (OperationCanceledException)
        {
            return new GateRunOutcome { Diagnostics = [DiagnosticCodes.Cancelled.Create("the run was cancelled")] };
        }
        catch (Exception ex)
        {
            // The one catch-all of a run: a bug must not take the host (an MSBuild node, a service) down. The short
            // message goes to the user, the full exception to datagate-error.log in the output folder and Details.
            var internalError = ErrorLog.Internal("internal error", ex);
            var errorLog = ErrorLog.Write(outputDirectory, [internalError]);
            if (errorLog is not null)
            {
                internalError = internalError with { Message = $"{internalError.Message} (full exception in {errorLog})" };
            }

            return new GateRunOutcome { Diagnostics = [internalError], ErrorLog = errorLog };
        }
    }
}
