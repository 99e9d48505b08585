using DataGate.Core.Caching;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Imaging;
using DataGate.Core.Labels;
using DataGate.Core.Scanning;

namespace DataGate.Core.Analysis;

/// <summary>
/// Scans the dataset, analyses every file in parallel across images (memory stays flat: only metrics are kept),
/// computes the dataset-relative metrics and attaches labels.
/// </summary>
public static class DatasetAnalyzer
{
    /// <summary>Runs the analysis.</summary>
    /// <param name="config">A validated configuration.</param>
    /// <param name="progress">Receives progress now and then; may be null.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; 0 means one per core.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static DatasetAnalysis Run(GateConfig config, IProgress<AnalysisProgress>? progress = null, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
        => Run(config, null, progress, maxDegreeOfParallelism, cancellationToken);

    /// <summary>Runs the analysis, reusing and updating a per-image analysis cache.</summary>
    /// <param name="config">A validated configuration.</param>
    /// <param name="cache">The cache (see <see cref="AnalysisCache.Open"/>), or null to decode every file; saved before returning.</param>
    /// <param name="progress">Receives progress now and then; may be null.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; 0 means one per core.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static DatasetAnalysis Run(GateConfig config, AnalysisCache? cache, IProgress<AnalysisProgress>? progress = null, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var scan = DatasetScanner.Scan(config.Dataset, cancellationToken);
        var diagnostics = new List<Diagnostic>(scan.Diagnostics);
        var files = scan.Files;
        var records = new ImageRecord[files.Count];
        var limits = config.Limits;
        var analyzer = new ImageAnalyzer(new DecodeOptions(limits.MaxPixels, limits.MaxDecodeMemoryMb << 20, limits.MaxFileMb << 20), config.BrisqueModel);
        int done = 0;
        int step = Math.Max(1, files.Count / 200);
        progress?.Report(new AnalysisProgress(0, files.Count));
        Parallel.For(
            0,
            files.Count,
            new ParallelOptions
            {
                MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount,
                CancellationToken = cancellationToken,
            },
            i =>
            {
                records[i] = cache is null ? analyzer.Analyze(files[i]) : cache.GetOrAnalyze(files[i], analyzer.Analyze);
                int now = Interlocked.Increment(ref done);
                if (now % step == 0 || now == files.Count)
                {
                    progress?.Report(new AnalysisProgress(now, files.Count));
                }
            });

        if (cache is not null)
        {
            diagnostics.AddRange(cache.Save());
        }

        var all = new List<ImageRecord>(records);
        foreach (var (path, reason) in scan.Refused)
        {
            all.Add(new ImageRecord(path) { Error = reason });
        }

        all.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        DatasetMetrics.Compute(all);
        diagnostics.AddRange(LabelResolver.Apply(config, all));
        DerivedFields.Apply(config, all);
        return new DatasetAnalysis(all, diagnostics);
    }
}
