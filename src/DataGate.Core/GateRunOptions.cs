using DataGate.Core.Analysis;

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
    /// Folder that paths in diagnostics (label manifests) are shown relative to, e.g. the current directory of a
    /// command line; null shows full paths. Core never reads the process's current directory.
    /// </summary>
    public string? DisplayBasePath { get; init; }

    /// <summary>The JPEG decode engine, overriding datagate.yml's <c>decode.engine</c>; null keeps the rule file's choice.</summary>
    public Imaging.DecodeEngine? DecodeEngine { get; init; }
}
