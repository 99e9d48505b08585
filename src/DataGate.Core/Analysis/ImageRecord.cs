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
    private static readonly Dictionary<string, string> s_noTexts = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, ulong> s_noHashes = new(StringComparer.Ordinal);
    private static readonly List<Diagnostic> s_noNotes = [];
    private static readonly ReadOnlyDictionary<string, string> s_noTextsView = new(s_noTexts);
    private static readonly ReadOnlyDictionary<string, ulong> s_noHashesView = new(s_noHashes);
    private static readonly ReadOnlyCollection<Diagnostic> s_noNotesView = s_noNotes.AsReadOnly();

    // Copy-on-write: a copy shares its source's parts (the source is published, so they never change) and clones a
    // part only when its stage asks for that part's slots. A stage that adds labels therefore costs a label
    // dictionary per record, not a second copy of every metric, hash and note (memory of a 10^6-row reduce). An
    // empty part is the shared static instance until a slot is asked for. Single writer: only the creating stage
    // touches the slots, before the record is published.
    private double[] _values;
    private Dictionary<string, string> _texts;
    private Dictionary<string, ulong> _hashBits;
    private Dictionary<string, string> _labels;
    private List<Diagnostic> _notes;
    private Parts _owned;
    private ReadOnlyDictionary<string, string>? _textsView;
    private ReadOnlyDictionary<string, ulong>? _hashBitsView;
    private ReadOnlyDictionary<string, string>? _labelsView;
    private ReadOnlyCollection<Diagnostic>? _notesView;

    // First capacity of a record's text values (7 hashes and digests, skin tone, luminance bin) and hash bits
    // (4 hashes, 2 mirrored): one allocation instead of growing 3 → 7 → 17.
    private const int TypicalTexts = 10;
    private const int TypicalHashes = 6;

    [Flags]
    private enum Parts
    {
        None = 0,
        Values = 1,
        Texts = 2,
        HashBits = 4,
        Labels = 8,
        Notes = 16,
    }

    /// <summary>Creates a draft with every metric NaN; only the creating stage writes into it.</summary>
    /// <param name="path">Path relative to the dataset root (with <c>/</c>), or the name the host gave the image.</param>
    internal ImageRecord(string path)
    {
        Path = path;
        _values = new double[MetricCatalog.All.Count];
        Array.Fill(_values, double.NaN);
        _texts = s_noTexts;
        _hashBits = s_noHashes;
        _labels = s_noTexts;
        _notes = s_noNotes;
        _owned = Parts.Values;
    }

    private ImageRecord(ImageRecord source)
    {
        Path = source.Path;
        Facts = source.Facts;
        Error = source.Error;
        Thumbnail = source.Thumbnail;
        Embedding = source.Embedding;
        _values = source._values;
        _texts = source._texts;
        _hashBits = source._hashBits;
        _labels = source._labels;
        _notes = source._notes;
        _textsView = source._textsView;
        _hashBitsView = source._hashBitsView;
        _labelsView = source._labelsView;
        _notesView = source._notesView;
        _owned = Parts.None;
    }

    /// <summary>Path relative to the dataset root with <c>/</c> separators, or the name the host gave the image.</summary>
    public string Path { get; }

    /// <summary>Header facts, when the header could be read (or the pixel layout, for decoded pixels).</summary>
    public ImageFacts? Facts { get; internal set; }

    /// <summary>Metric values indexed by <see cref="MetricDefinition.Index"/>; NaN when not computed or not selected.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Text values: hashes and digests (<c>ahash</c>, <c>phash</c>, <c>file_hash</c>, ...), keyed by column name.</summary>
    public IReadOnlyDictionary<string, string> Texts => _textsView ??= _texts.Count == 0 && _texts == s_noTexts ? s_noTextsView : new ReadOnlyDictionary<string, string>(_texts);

    /// <summary>Perceptual hashes as 64-bit values for near-duplicate search (key: hash name), when computed.</summary>
    public IReadOnlyDictionary<string, ulong> HashBits => _hashBitsView ??= _hashBits == s_noHashes ? s_noHashesView : new ReadOnlyDictionary<string, ulong>(_hashBits);

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
    public IReadOnlyList<Diagnostic> Notes => _notesView ??= _notes == s_noNotes ? s_noNotesView : _notes.AsReadOnly();

    /// <summary>Label values by field name (raw text as read); missing fields are absent.</summary>
    public IReadOnlyDictionary<string, string> Labels => _labelsView ??= _labels == s_noTexts ? s_noTextsView : new ReadOnlyDictionary<string, string>(_labels);

    /// <summary>True when the pixels were decoded and the metrics computed.</summary>
    public bool IsAnalysed => Error is null;

    /// <summary>A metric's value (NaN when not computed).</summary>
    public double this[MetricDefinition metric] => _values[metric.Index];

    /// <summary>The writable metric values of a draft.</summary>
    internal double[] ValueSlots
    {
        get
        {
            if ((_owned & Parts.Values) == 0)
            {
                _values = (double[])_values.Clone();
                _owned |= Parts.Values;
            }

            return _values;
        }
    }

    /// <summary>The writable text values of a draft.</summary>
    internal Dictionary<string, string> TextSlots
    {
        get
        {
            if ((_owned & Parts.Texts) == 0)
            {
                _texts = _texts.Count == 0 ? new(TypicalTexts, StringComparer.Ordinal) : new(_texts, StringComparer.Ordinal);
                _textsView = null;
                _owned |= Parts.Texts;
            }

            return _texts;
        }
    }

    /// <summary>The writable hash bits of a draft.</summary>
    internal Dictionary<string, ulong> HashSlots
    {
        get
        {
            if ((_owned & Parts.HashBits) == 0)
            {
                _hashBits = _hashBits.Count == 0 ? new(TypicalHashes, StringComparer.Ordinal) : new(_hashBits, StringComparer.Ordinal);
                _hashBitsView = null;
                _owned |= Parts.HashBits;
            }

            return _hashBits;
        }
    }

    /// <summary>The writable labels of a draft.</summary>
    internal Dictionary<string, string> LabelSlots
    {
        get
        {
            if ((_owned & Parts.Labels) == 0)
            {
                _labels = new(_labels, StringComparer.Ordinal);
                _labelsView = null;
                _owned |= Parts.Labels;
            }

            return _labels;
        }
    }

    /// <summary>The writable notes of a draft.</summary>
    internal List<Diagnostic> NoteSlots
    {
        get
        {
            if ((_owned & Parts.Notes) == 0)
            {
                _notes = [.. _notes];
                _notesView = null;
                _owned |= Parts.Notes;
            }

            return _notes;
        }
    }

    /// <summary>A copy, a draft for a stage that adds to it (the input record stays as it was; see the copy-on-write note above).</summary>
    internal ImageRecord Copy() => new(this);
}
