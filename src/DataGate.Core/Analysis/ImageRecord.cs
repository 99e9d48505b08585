using DataGate.Core.Diagnostics;
using DataGate.Core.Imaging;

namespace DataGate.Core.Analysis;

/// <summary>Everything DataGate knows about one input file after analysis.</summary>
public sealed class ImageRecord
{
    /// <summary>Creates a record with every metric NaN.</summary>
    /// <param name="path">Path relative to the dataset root, with <c>/</c>.</param>
    public ImageRecord(string path)
    {
        Path = path;
        Values = new double[MetricCatalog.All.Count];
        Array.Fill(Values, double.NaN);
    }

    /// <summary>Path relative to the dataset root, with <c>/</c> separators.</summary>
    public string Path { get; }

    /// <summary>Header facts, when the header could be read.</summary>
    public ImageFacts? Facts { get; set; }

    /// <summary>Metric values indexed by <see cref="MetricDefinition.Index"/>; NaN when not computed.</summary>
    public double[] Values { get; }

    /// <summary>Text values: hashes and digests (<c>ahash</c>, <c>phash</c>, <c>file_hash</c>, ...), keyed by column name.</summary>
    public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);

    /// <summary>Perceptual hashes as 64-bit values for near-duplicate search (key: hash name), when computed.</summary>
    public Dictionary<string, ulong> HashBits { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the file could not be analysed (DG3xxx), or null when it was.</summary>
    public Diagnostic? Error { get; set; }

    /// <summary>Warnings and notes about the file (misnamed, multi-frame, ...).</summary>
    public List<Diagnostic> Notes { get; } = [];

    /// <summary>Label values by field name (raw text as read); missing fields are absent.</summary>
    public Dictionary<string, string> Labels { get; } = new(StringComparer.Ordinal);

    /// <summary>True when the pixels were decoded and the metrics computed.</summary>
    public bool IsAnalysed => Error is null;

    /// <summary>A metric's value (NaN when not computed).</summary>
    public double this[MetricDefinition metric] => Values[metric.Index];
}
