using DataGate.Core.Analysis;

namespace DataGate.Core;

/// <summary>How <see cref="GateRunner"/> runs: where outputs and the analysis cache go, progress, parallelism.</summary>
public sealed class GateRunOptions
{
    /// <summary>Folder for report.json, summary.md, metrics.csv, kept.csv; null writes nothing.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Folder of the per-image analysis cache (see <see cref="Caching.AnalysisCache"/>); null decodes every image.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Progress sink, or null.</summary>
    public IProgress<AnalysisProgress>? Progress { get; init; }

    /// <summary>Analysis threads; 0 (default) means one per core.</summary>
    public int MaxDegreeOfParallelism { get; init; }
}
