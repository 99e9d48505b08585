using DataGate.Core.Caching;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Imaging;
using DataGate.Core.Labels;
using DataGate.Core.Scanning;

namespace DataGate.Core.Analysis;

/// <summary>
/// The folder analysis: scans the dataset, measures every file in parallel with <see cref="ImageMeasurer"/> (memory
/// stays flat: only metrics are kept), fills the dataset-relative metrics and attaches labels. Each step returns new
/// records; none writes into the records of the step before.
/// </summary>
public static class DatasetAnalyzer
{
    /// <summary>Runs the analysis of the configuration's dataset folder.</summary>
    /// <param name="config">A validated configuration with a dataset (<see cref="DatasetSettings.IsSpecified"/>).</param>
    /// <param name="options">Cache folder, progress, parallelism and display base; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static DatasetAnalysis Run(GateConfig config, GateRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new GateRunOptions();
        var selection = SelectionFor(config, options.Metrics);
        var engine = options.DecodeEngine ?? config.Decode.Engine;
        var cache = options.CacheDirectory is null ? null : AnalysisCache.Open(options.CacheDirectory, config, selection, engine);

        // Photo-sized work arrays are reused from image to image within the run and dropped when it ends.
        using var largeBuffers = LargeBufferPool.OpenRun();
        try
        {
            return Run(config, cache, options.Progress, options.MaxDegreeOfParallelism, options.DisplayBasePath, selection, engine, cancellationToken);
        }
        finally
        {
            // Per run: the size-keyed tables are released so a reused MSBuild node keeps nothing between builds.
            SizeCaches.Release();
        }
    }

    /// <summary>
    /// What a folder analysis measures: the host's selection (null: <see cref="MetricSelection.Default"/>), the header
    /// facts, what the rules read, and every opt-in family (whole: it costs the same) one of whose metrics the rules
    /// read. Without opt-in rules or selection this is <see cref="MetricSelection.Default"/> and the run costs what it
    /// did before opt-in families existed.
    /// </summary>
    internal static MetricSelection SelectionFor(GateConfig config, MetricSelection? requested)
    {
        var selection = (requested ?? MetricSelection.Default).Union(MetricSelection.Of(MetricFamilies.Header));
        var required = Rules.RuleSet.FromConfig(config).RequiredMetrics;
        selection = selection.Union(required);
        var families = MetricCatalog.All.Where(m => m.IsOptIn && required.Includes(m)).Select(m => m.Family).Distinct(StringComparer.Ordinal).ToList();
        return families.Count == 0 ? selection : selection.Union(MetricSelection.Of(families));
    }

    /// <summary>Runs the analysis, reusing and updating a per-image analysis cache.</summary>
    /// <param name="config">A validated configuration.</param>
    /// <param name="cache">The cache (see <see cref="AnalysisCache.Open"/>), or null to decode every file; saved before returning.</param>
    /// <param name="progress">Receives progress now and then; may be null.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; 0 means one per core.</param>
    /// <param name="displayBasePath">Folder paths of label manifests are shown relative to; null shows them in full.</param>
    /// <param name="selection">What to measure; null for <see cref="SelectionFor"/> of the configuration.</param>
    /// <param name="engine">The JPEG decode engine; null for the configuration's <c>decode.engine</c>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    internal static DatasetAnalysis Run(GateConfig config, AnalysisCache? cache, IProgress<AnalysisProgress>? progress = null, int maxDegreeOfParallelism = 0, string? displayBasePath = null, MetricSelection? selection = null, DecodeEngine? engine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.Dataset.IsSpecified)
        {
            throw new ArgumentException("the configuration has no dataset folder; measure rows and use RuleSet.Fit instead", nameof(config));
        }

        var scan = DatasetScanner.Scan(config.Dataset, cancellationToken);
        var diagnostics = new List<Diagnostic>(scan.Diagnostics);
        // Opt-in (near: { method: embedding }): the model is loaded for this run only and disposed after it.
        using var embedder = Embeddings.ImageEmbedder.ForConfig(config, diagnostics);
        if (embedder is null && config.Duplicates.Near is { UsesEmbedding: true })
        {
            cache = null; // records without their embedding must not be cached under the embedding scope
        }

        var measurer = CreateMeasurer(config, selection, engine, embedder);
        if (CheckDecodeEngine(engine ?? config.Decode.Engine) is { } unavailable)
        {
            // Said once for the run; each JPEG then carries DG3018, so no image is silently skipped.
            diagnostics.Add(unavailable);
        }

        var records = Measure(measurer, scan.Files, cache, progress, maxDegreeOfParallelism, cancellationToken);
        if (cache is not null)
        {
            diagnostics.AddRange(cache.Save());
        }

        var all = new List<ImageRecord>(records);
        foreach (var (path, reason) in scan.Refused)
        {
            all.Add(Refused(path, reason));
        }

        return Finish(config, all, diagnostics, displayBasePath);
    }

    /// <summary>The measurer every analysis of a configuration uses (one place, so a shard measures what a plain check measures).</summary>
    internal static ImageMeasurer CreateMeasurer(GateConfig config, MetricSelection? selection = null, DecodeEngine? engine = null, Embeddings.ImageEmbedder? embedder = null)
    {
        var limits = config.Limits;
        // Every default metric (metrics.csv has a column for each, and the cache keeps whole records), plus the opt-in
        // families the rules read or the host asked for.
        var decode = new DecodeOptions(limits.MaxPixels, limits.MaxDecodeMemoryMb << 20, limits.MaxFileMb << 20) { Engine = engine ?? config.Decode.Engine };
        return new ImageMeasurer(decode, config.BrisqueModel, selection ?? SelectionFor(config, null)) { Embedder = embedder };
    }

    /// <summary>The record of a file the scan refused to read (a link out of the root): its path and the reason.</summary>
    internal static ImageRecord Refused(string path, Diagnostic reason) => new(path) { Error = reason };

    /// <summary>Measures the files in parallel; the i-th record is the i-th file's.</summary>
    internal static ImageRecord[] Measure(ImageMeasurer measurer, IReadOnlyList<ScannedFile> files, AnalysisCache? cache, IProgress<AnalysisProgress>? progress, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var records = new ImageRecord[files.Count];
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
                records[i] = cache is null ? measurer.Measure(files[i]) : cache.GetOrAnalyze(files[i], measurer.Measure);
                int now = Interlocked.Increment(ref done);
                if (now % step == 0 || now == files.Count)
                {
                    progress?.Report(new AnalysisProgress(now, files.Count));
                }
            });
        return records;
    }

    /// <summary>
    /// The dataset-wide end of every analysis, whether the rows were measured here or loaded from shards: orders the
    /// rows by key (ordinal path), fits and applies the dataset-relative metrics, attaches labels and derived fields.
    /// </summary>
    /// <param name="config">The configuration (labels, fields).</param>
    /// <param name="measured">Measured rows in any order; the list is sorted in place.</param>
    /// <param name="diagnostics">Diagnostics so far (scan, cache); label findings are appended.</param>
    /// <param name="displayBasePath">Folder paths of label manifests are shown relative to; null shows them in full.</param>
    internal static DatasetAnalysis Finish(GateConfig config, List<ImageRecord> measured, List<Diagnostic> diagnostics, string? displayBasePath)
    {
        measured.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var all = measured;
        var measuredWithDataset = DatasetMetrics.Apply(all, DatasetMetrics.Fit(all), config.CleanVision);
        var (labelled, labelDiagnostics) = LabelResolver.Resolve(config, measuredWithDataset, displayBasePath);
        diagnostics.AddRange(labelDiagnostics);
        var (derived, _) = DerivedFields.Derive(config, labelled);
        return new DatasetAnalysis(derived, diagnostics);
    }

    /// <summary>
    /// DG1027 when <paramref name="engine"/> needs a native library this process cannot load, else null: hosts call it
    /// before a run so an unusable engine is one configuration error, not a DG3018 on every JPEG.
    /// </summary>
    /// <param name="engine">The engine the run will use.</param>
    public static Diagnostic? CheckDecodeEngine(DecodeEngine engine) =>
        engine == DecodeEngine.LibJpegTurbo && SkiaJpegDecoder.LoadError is { } error
            ? DiagnosticCodes.DecodeEngineUnavailable.Create($"decode engine '{DecodeEngineNames.LibJpegTurbo}' is unavailable: {error}. Set decode.engine: {DecodeEngineNames.ImageSharp} (or --decode-engine {DecodeEngineNames.ImageSharp}, DataGateDecodeEngine={DecodeEngineNames.ImageSharp})")
            : null;
}
