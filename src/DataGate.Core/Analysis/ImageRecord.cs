using System.Collections.ObjectModel;
using DataGate.Core.Diagnostics;
using DataGate.Core.Imaging;

namespace DataGate.Core.Analysis;

/// <summary>
/// Everything DataGate knows about one image after measurement: metrics, hashes, header facts, labels, notes. Immutable
/// once published: the stage that creates a record fills it before handing it on, and a later stage that adds
/// something (labels, dataset-relative metrics) returns a new record and leaves its input untouched.
/// </summary>
public sealed class ImageRecord
{
    private readonly double[] _values;
    private readonly Dictionary<string, string> _texts;
    private readonly Dictionary<string, ulong> _hashBits;
    private readonly Dictionary<string, string> _labels;
    private readonly List<Diagnostic> _notes;

    /// <summary>Creates a draft with every metric NaN; only the creating stage writes into it.</summary>
    /// <param name="path">Path relative to the dataset root (with <c>/</c>), or the name the host gave the image.</param>
    internal ImageRecord(string path)
    {
        Path = path;
        _values = new double[MetricCatalog.All.Count];
        Array.Fill(_values, double.NaN);
        _texts = new(StringComparer.Ordinal);
        _hashBits = new(StringComparer.Ordinal);
        _labels = new(StringComparer.Ordinal);
        _notes = [];
        Texts = new ReadOnlyDictionary<string, string>(_texts);
        HashBits = new ReadOnlyDictionary<string, ulong>(_hashBits);
        Labels = new ReadOnlyDictionary<string, string>(_labels);
        Notes = _notes.AsReadOnly();
    }

    private ImageRecord(ImageRecord source)
    {
        Path = source.Path;
        Facts = source.Facts;
        Error = source.Error;
        Thumbnail = source.Thumbnail;
        Embedding = source.Embedding;
        _values = (double[])source._values.Clone();
        _texts = new(source._texts, StringComparer.Ordinal);
        _hashBits = new(source._hashBits, StringComparer.Ordinal);
        _labels = new(source._labels, StringComparer.Ordinal);
        _notes = [.. source._notes];
        Texts = new ReadOnlyDictionary<string, string>(_texts);
        HashBits = new ReadOnlyDictionary<string, ulong>(_hashBits);
        Labels = new ReadOnlyDictionary<string, string>(_labels);
        Notes = _notes.AsReadOnly();
    }

    /// <summary>Path relative to the dataset root with <c>/</c> separators, or the name the host gave the image.</summary>
    public string Path { get; }

    /// <summary>Header facts, when the header could be read (or the pixel layout, for decoded pixels).</summary>
    public ImageFacts? Facts { get; internal set; }

    /// <summary>Metric values indexed by <see cref="MetricDefinition.Index"/>; NaN when not computed or not selected.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Text values: hashes and digests (<c>ahash</c>, <c>phash</c>, <c>file_hash</c>, ...), keyed by column name.</summary>
    public IReadOnlyDictionary<string, string> Texts { get; }

    /// <summary>Perceptual hashes as 64-bit values for near-duplicate search (key: hash name), when computed.</summary>
    public IReadOnlyDictionary<string, ulong> HashBits { get; }

    /// <summary>
    /// The 32×32 LANCZOS gray thumbnail of pHash (row-major), kept for near-duplicate confirmation; null when hashes
    /// were not computed. Shared, never written after the record is published.
    /// </summary>
    internal byte[]? Thumbnail { get; set; }

    /// <summary>
    /// The L2-normalised CNN embedding (512 floats), computed only for <c>near: { method: embedding }</c>; null otherwise
    /// or when the model failed on this image. Internal, like <see cref="Thumbnail"/>: evidence for the duplicate search.
    /// </summary>
    internal float[]? Embedding { get; set; }

    /// <summary>Why the image could not be analysed (DG3xxx), or null when it was.</summary>
    public Diagnostic? Error { get; internal set; }

    /// <summary>Warnings and notes about the image (misnamed, multi-frame, ...).</summary>
    public IReadOnlyList<Diagnostic> Notes { get; }

    /// <summary>Label values by field name (raw text as read); missing fields are absent.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>True when the pixels were decoded and the metrics computed.</summary>
    public bool IsAnalysed => Error is null;

    /// <summary>A metric's value (NaN when not computed).</summary>
    public double this[MetricDefinition metric] => _values[metric.Index];

    /// <summary>The writable metric values of a draft.</summary>
    internal double[] ValueSlots => _values;

    /// <summary>The writable text values of a draft.</summary>
    internal Dictionary<string, string> TextSlots => _texts;

    /// <summary>The writable hash bits of a draft.</summary>
    internal Dictionary<string, ulong> HashSlots => _hashBits;

    /// <summary>The writable labels of a draft.</summary>
    internal Dictionary<string, string> LabelSlots => _labels;

    /// <summary>The writable notes of a draft.</summary>
    internal List<Diagnostic> NoteSlots => _notes;

    /// <summary>A deep copy, a draft for a stage that adds to it (the input record stays as it was).</summary>
    internal ImageRecord Copy() => new(this);
}
