using DataGate.Core.Analysis;
using DataGate.Core.Reports;

namespace DataGate.Core;

/// <summary>How <see cref="GateRunner"/> and the folder analysis run: where outputs and the analysis cache go, progress, parallelism, display base.</summary>
public sealed class GateRunOptions
{
    /// <summary>Folder for report.json, summary.md, metrics.csv, kept.csv; null writes nothing.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Folder of the per-image analysis cache (see <see cref="Caching.AnalysisCache"/>); null decodes every image.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Progress sink, or null.</summary>
    public IProgress<AnalysisProgress>? Progress { get; init; }

    /// <summary>Threads of every stage (measurement, duplicate search); 0 (default) means one per core.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// Metrics to compute besides the header facts and what the rules read, e.g. <c>MetricSelection.Of("default", "eda")</c>
    /// to add the opt-in <c>eda_*</c> family; null means <see cref="MetricSelection.Default"/>.
    /// </summary>
    public MetricSelection? Metrics { get; init; }

    /// <summary>
    /// Folder that paths in diagnostics (label manifests) are shown relative to, e.g. the current directory of a
    /// command line; null shows full paths. Core never reads the process's current directory.
    /// </summary>
    public string? DisplayBasePath { get; init; }

    /// <summary>What report.html (written into <see cref="OutputDirectory"/>) shows; null writes no report.html.</summary>
    public HtmlReportOptions? HtmlReport { get; init; } = HtmlReportOptions.Default;

    /// <summary>Path of a JUnit XML report (one test case per rule, one for the gate counts); null writes none.</summary>
    public string? JUnitPath { get; init; }

    /// <summary>Path of a SARIF 2.1.0 log (findings at their rule's position in datagate.yml); null writes none.</summary>
    public string? SarifPath { get; init; }

    /// <summary>The JPEG decode engine, overriding datagate.yml's <c>decode.engine</c>; null keeps the rule file's choice.</summary>
    public Imaging.DecodeEngine? DecodeEngine { get; init; }
}
