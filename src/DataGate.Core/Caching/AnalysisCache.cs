using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Hashing;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Imaging;
using DataGate.Core.Diagnostics;
using DataGate.Core.Scanning;

namespace DataGate.Core.Caching;

/// <summary>
/// Per-image analysis cache for one dataset: a record is reused when the file's relative path, size and
/// modification time match (or, when only the time differs or the stamp is too recent to trust, its XxHash128 content
/// hash does) and it was made by the same <see cref="AnalysisVersion"/> under the same decode limits. Labels are
/// never cached, and thresholds live outside the records, so editing a rule re-evaluates without decoding.
/// </summary>
/// <remarks>
/// One file per dataset, read whole at <see cref="Open"/> and rewritten whole by <see cref="Save"/> through a
/// temporary file and a rename: two processes sharing a cache folder each write a complete file (the last rename
/// wins), and a crash mid-write leaves the previous file intact. A file that is incomplete or fails its checksum is
/// reported as DG3012 (warning) and every image is analysed afresh. Thread-safe for
/// <see cref="GetOrAnalyze"/>; <see cref="Save"/> runs once at the end.
/// </remarks>
internal sealed class AnalysisCache
{
    /// <summary>A file modified less than this before its stamp was taken is verified by content (coarse clocks).</summary>
    private static readonly long s_racyTicks = TimeSpan.FromSeconds(2).Ticks;

    private readonly Dictionary<string, CacheEntry> _previous;
    private readonly ConcurrentDictionary<string, CacheEntry> _current = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Diagnostic> _diagnostics = new();
    private readonly string _scope;
    private int _hits;
    private int _misses;
    private int _rehashed;
    private int _corruptRecordReported;
    private bool _changed;

    private AnalysisCache(string filePath, string scope, List<CacheEntry> previous)
    {
        FilePath = filePath;
        _scope = scope;
        _previous = new Dictionary<string, CacheEntry>(previous.Count, StringComparer.Ordinal);
        foreach (var e in previous)
        {
            _previous[e.Path] = e;
        }
    }

    /// <summary>The cache file (one per dataset root under the cache folder).</summary>
    public string FilePath { get; }

    /// <summary>Files whose record came from the cache (nothing decoded).</summary>
    public int Hits => _hits;

    /// <summary>Files analysed (decoded) in this run.</summary>
    public int Misses => _misses;

    /// <summary>Hits that needed the content hash (stamp changed or too recent to trust).</summary>
    public int Rehashed => _rehashed;

    /// <summary>Opens (loads) the cache of <paramref name="config"/>'s dataset in <paramref name="directory"/>; never throws for a bad file.</summary>
    /// <param name="directory">Cache folder (created on save), e.g. <c>obj/datagate/cache</c>.</param>
    /// <param name="config">The configuration; its dataset root and decode limits scope the cache.</param>
    /// <param name="selection">
    /// What the run measures; the opt-in families it includes scope the cache too (records without them cannot serve a
    /// run that needs them), so adding or dropping an <c>eda_*</c> rule re-analyses once. Null for the default metrics.
    /// </param>
    /// <param name="engine">The JPEG decode engine of the run (null: the configuration's): switching engines re-analyses.</param>
    public static AnalysisCache Open(string directory, GateConfig config, MetricSelection? selection = null, DecodeEngine? engine = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(config);
        var root = Path.GetFullPath(config.Dataset.Root);
        var l = config.Limits;
        var optIn = string.Join(",", MetricCatalog.All.Where(m => m.IsOptIn && (selection?.Includes(m) ?? false)).Select(m => m.Family).Distinct(StringComparer.Ordinal));
        var engineName = DecodeEngineNames.NameOf(engine ?? config.Decode.Engine);
        var scope = string.Create(CultureInfo.InvariantCulture, $"{root}|{l.MaxPixels}|{l.MaxDecodeMemoryMb}|{l.MaxFileMb}|{optIn}|{engineName}");
        if (Embeddings.ImageEmbedder.CacheScope(config) is { } embedding)
        {
            // Like an opt-in family: a cache written without embeddings (or with another model) is not reused.
            scope += "|" + embedding;
        }

        var name = $"analysis-{XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(root)):x16}.dgcache";
        var file = Path.Combine(Path.GetFullPath(directory), name);
        var (status, entries, problem) = CacheFile.Read(file, AnalysisVersion.Current, scope);
        var cache = new AnalysisCache(file, scope, entries);
        if (status == CacheFile.ReadStatus.Corrupt)
        {
            cache.Report($"analysis cache '{file}' is unusable ({problem}); every image is analysed afresh");
        }

        cache._changed = status != CacheFile.ReadStatus.Loaded;
        return cache;
    }

    /// <summary>Returns the cached record of <paramref name="file"/>, or analyses it with <paramref name="analyze"/> and remembers the result.</summary>
    public ImageRecord GetOrAnalyze(ScannedFile file, Func<ScannedFile, ImageRecord> analyze)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(analyze);
        var before = FileStamp.Of(file.FullPath);
        if (before is { } stamp && _previous.TryGetValue(file.RelativePath, out var old) && old.Stamp.Size == stamp.Size)
        {
            bool trusted = old.Stamp == stamp && stamp.LastWriteUtcTicks < old.StampedAtUtcTicks - s_racyTicks;
            CacheEntry? reuse = trusted ? old : null;
            if (!trusted && HashOf(file.FullPath) == old.ContentHash)
            {
                Interlocked.Increment(ref _rehashed);
                reuse = old with { Stamp = stamp, StampedAtUtcTicks = DateTime.UtcNow.Ticks };
                _changed = true;
            }

            if (reuse is not null && TryDecode(reuse) is { } cached)
            {
                _current[file.RelativePath] = reuse;
                Interlocked.Increment(ref _hits);
                return cached;
            }
        }

        long stampedAt = DateTime.UtcNow.Ticks;
        var hash = before is null ? null : HashOf(file.FullPath);
        var record = analyze(file);
        Interlocked.Increment(ref _misses);
        _changed = true;
        if (hash is { } h && before is { } b && FileStamp.Of(file.FullPath) == b && IsCacheable(record))
        {
            _current[file.RelativePath] = new CacheEntry(file.RelativePath, b, stampedAt, h, RecordCodec.Encode(record));
        }

        return record;
    }

    /// <summary>
    /// Writes the cache when anything changed (entries of files no longer in the dataset are dropped) and returns
    /// the DG3012 warnings of this session (an unusable cache file, a record that did not decode, a failed write).
    /// </summary>
    public IReadOnlyList<Diagnostic> Save()
    {
        if (_changed || _current.Count != _previous.Count)
        {
            try
            {
                CacheFile.Write(FilePath, AnalysisVersion.Current, _scope, _current.Values.OrderBy(e => e.Path, StringComparer.Ordinal));
                DeleteOrphans();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Report($"analysis cache '{FilePath}' could not be written: {ex.Message}");
            }
        }

        return [.. _diagnostics];
    }

    // A read failure or a transient internal error must be retried next time; content-determined errors are cached.
    private static bool IsCacheable(ImageRecord record) =>
        record.Error is null || (record.Error.Code != DiagnosticCodes.ReadFailed.Code && DiagnosticCodes.CategoryOf(record.Error) != DiagnosticCategory.Internal);

    private static UInt128? HashOf(string path)
    {
        try
        {
            return XxHash128.HashToUInt128(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private ImageRecord? TryDecode(CacheEntry entry)
    {
        try
        {
            return RecordCodec.Decode(entry.Path, entry.Payload);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            if (Interlocked.Exchange(ref _corruptRecordReported, 1) == 0)
            {
                Report($"analysis cache '{FilePath}' holds an unreadable record ('{entry.Path}': {ex.Message}); such images are analysed afresh");
            }

            return null;
        }
    }

    private void Report(string message) => _diagnostics.Enqueue(DiagnosticCodes.CacheUnusable.Create(message));

    // Temporary files of writers that crashed mid-write (a live writer's file is younger than an hour).
    private void DeleteOrphans()
    {
        var dir = Path.GetDirectoryName(FilePath)!;
        foreach (var temp in Directory.EnumerateFiles(dir, Path.GetFileName(FilePath) + ".*.tmp"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(temp) < DateTime.UtcNow.AddHours(-1))
                {
                    File.Delete(temp);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another process is handling it.
            }
        }
    }
}
