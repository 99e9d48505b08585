using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DataGate.Core.Analysis;
using DataGate.Core.Imaging;
using Parquet;
using Parquet.Schema;

namespace DataGate.Core.Sharding;

/// <summary>
/// Writes and reads one shard: a Parquet file with one row group, one row per input in key order (schema:
/// <see cref="ShardSchema"/>), and the <c>datagate.*</c> footer metadata. The bytes depend only on the rows and the
/// metadata, so a retried task writes the same file.
/// </summary>
internal static class ShardFile
{
    /// <summary>Writes the rows (already in key order) and the footer metadata to <paramref name="stream"/>.</summary>
    /// <param name="stream">The file.</param>
    /// <param name="rows">The rows, in key order.</param>
    /// <param name="metadata">The footer; with <paramref name="embeddings"/>, <see cref="ShardMetadata.EmbeddingDimensions"/> is added.</param>
    /// <param name="embeddings">True writes the <see cref="ShardSchema.Embedding"/> column (the rule file asks for embeddings).</param>
    public static void Write(Stream stream, IReadOnlyList<ImageRecord> rows, IReadOnlyDictionary<string, string> metadata, bool embeddings = false)
        => WriteAsync(stream, rows, metadata, embeddings).GetAwaiter().GetResult();

    /// <summary>Reads the footer metadata and the rows; throws (Parquet or <see cref="InvalidDataException"/>) on a damaged or foreign file.</summary>
    /// <param name="stream">The file.</param>
    /// <param name="includeLabels">False leaves the records without labels (the reduce reads them afresh from the rule file).</param>
    /// <param name="includeEmbeddings">
    /// False leaves the records without embeddings even when the shard has them (a hash-only reduce keeps 2 KB per row
    /// less); true reads them, and throws <see cref="ShardEmbeddingException"/> when the shard has none or one is not
    /// <see cref="Embeddings.ImageEmbedder.Dimensions"/> floats.
    /// </param>
    public static (IReadOnlyDictionary<string, string> Metadata, List<ImageRecord> Rows) Read(Stream stream, bool includeLabels = true, bool includeEmbeddings = false)
        => ReadAsync(stream, includeLabels, includeEmbeddings).GetAwaiter().GetResult();

    /// <summary>Whether a footer says its shard carries embeddings; throws <see cref="ShardEmbeddingException"/> for another length than 512.</summary>
    public static bool HasEmbeddings(IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue(ShardMetadata.EmbeddingDimensions, out var dims))
        {
            return false;
        }

        return dims == EmbeddingDimensionsText
            ? true
            : throw new ShardEmbeddingException($"its embeddings have {dims} dimensions ({ShardMetadata.EmbeddingDimensions}), this build's model gives {EmbeddingDimensionsText}");
    }

    private static readonly string EmbeddingDimensionsText = Embeddings.ImageEmbedder.Dimensions.ToString(CultureInfo.InvariantCulture);

    private const int EmbeddingBytes = Embeddings.ImageEmbedder.Dimensions * sizeof(float);

    /// <summary>Reads only the footer metadata and the row count.</summary>
    public static (IReadOnlyDictionary<string, string> Metadata, long RowCount) ReadFooter(Stream stream)
        => ReadFooterAsync(stream).GetAwaiter().GetResult();

    private static async Task WriteAsync(Stream stream, IReadOnlyList<ImageRecord> rows, IReadOnlyDictionary<string, string> metadata, bool embeddings)
    {
        var schema = ShardSchema.ParquetFor(embeddings);
        var columns = ShardSchema.ColumnsFor(embeddings);
        var fields = schema.GetDataFields();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, options, false).ConfigureAwait(false);
        var footer = new Dictionary<string, string>(metadata, StringComparer.Ordinal);
        if (embeddings)
        {
            footer[ShardMetadata.EmbeddingDimensions] = EmbeddingDimensionsText;
        }
        else
        {
            footer.Remove(ShardMetadata.EmbeddingDimensions);
        }

        writer.CustomMetadata = footer;
        using var group = writer.CreateRowGroup();
        int n = rows.Count;
        for (int c = 0; c < fields.Length; c++)
        {
            var column = columns[c];
            var field = fields[c];
            switch (column.Kind)
            {
                case ShardColumnKind.Text:
                    var texts = new string?[n];
                    for (int i = 0; i < n; i++)
                    {
                        texts[i] = TextOf(rows[i], column.Name);
                    }

                    await group.WriteAsync(field, texts!).ConfigureAwait(false);
                    break;
                case ShardColumnKind.Flag:
                    var flags = new bool?[n];
                    int index = MetricIndex(column.Name);
                    for (int i = 0; i < n; i++)
                    {
                        double v = rows[i].Values[index];
                        flags[i] = double.IsNaN(v) ? null : v switch
                        {
                            0 => false,
                            1 => true,
                            _ => throw new InvalidDataException($"{rows[i].Path}: flag {column.Name} is {v}, not 0 or 1"),
                        };
                    }

                    await group.WriteAsync<bool>(field, flags).ConfigureAwait(false);
                    break;
                case ShardColumnKind.Integer:
                    var longs = new long?[n];
                    index = MetricIndex(column.Name);
                    for (int i = 0; i < n; i++)
                    {
                        double v = rows[i].Values[index];
                        longs[i] = double.IsNaN(v) ? null : v == Math.Floor(v) && Math.Abs(v) < 9e15 ? (long)v : throw new InvalidDataException($"{rows[i].Path}: {column.Name} is {v}, not a whole number");
                    }

                    await group.WriteAsync<long>(field, longs).ConfigureAwait(false);
                    break;
                case ShardColumnKind.Real:
                    var doubles = new double?[n];
                    index = MetricIndex(column.Name);
                    for (int i = 0; i < n; i++)
                    {
                        double v = rows[i].Values[index];
                        doubles[i] = double.IsNaN(v) ? null : v;
                    }

                    await group.WriteAsync<double>(field, doubles).ConfigureAwait(false);
                    break;
                case ShardColumnKind.Hash64:
                    var hashes = new ulong?[n];
                    for (int i = 0; i < n; i++)
                    {
                        hashes[i] = rows[i].Texts.TryGetValue(column.Name, out var hex) ? ParseHash(rows[i], column, hex) : null;
                    }

                    await group.WriteAsync<ulong>(field, hashes).ConfigureAwait(false);
                    break;
                case ShardColumnKind.MirrorHash64:
                    var mirrors = new ulong?[n];
                    for (int i = 0; i < n; i++)
                    {
                        mirrors[i] = rows[i].HashBits.TryGetValue(column.Name, out var m) ? m : null;
                    }

                    await group.WriteAsync<ulong>(field, mirrors).ConfigureAwait(false);
                    break;
                case ShardColumnKind.Bytes:
                    var thumbnails = new byte[]?[n];
                    for (int i = 0; i < n; i++)
                    {
                        thumbnails[i] = rows[i].Thumbnail;
                    }

                    await group.WriteAsync(field, thumbnails!).ConfigureAwait(false);
                    break;
                case ShardColumnKind.Embedding:
                    var vectors = new byte[]?[n];
                    for (int i = 0; i < n; i++)
                    {
                        vectors[i] = rows[i].Embedding is { } e ? EmbeddingToBytes(rows[i], e) : null;
                    }

                    await group.WriteAsync(field, vectors!).ConfigureAwait(false);
                    break;
                case ShardColumnKind.Digest128:
                    var digests = new Guid?[n];
                    for (int i = 0; i < n; i++)
                    {
                        digests[i] = rows[i].Texts.TryGetValue(column.Name, out var hex) ? ParseDigest(rows[i], column.Name, hex) : null;
                    }

                    await group.WriteAsync<Guid>(field, digests).ConfigureAwait(false);
                    break;
                case ShardColumnKind.Int32:
                    var ints = new int?[n];
                    for (int i = 0; i < n; i++)
                    {
                        ints[i] = rows[i].Facts is { } f ? column.Name switch
                        {
                            ShardSchema.FactsWidth => f.Width,
                            ShardSchema.FactsHeight => f.Height,
                            ShardSchema.FactsChannels => f.Channels,
                            ShardSchema.FactsExifOrientation => f.ExifOrientation,
                            ShardSchema.FactsFrameCount => f.FrameCount,
                            _ => throw new InvalidOperationException(column.Name),
                        } : null;
                    }

                    await group.WriteAsync<int>(field, ints).ConfigureAwait(false);
                    break;
                case ShardColumnKind.Int64:
                    var sizes = new long?[n];
                    for (int i = 0; i < n; i++)
                    {
                        sizes[i] = rows[i].Facts?.FileSize;
                    }

                    await group.WriteAsync<long>(field, sizes).ConfigureAwait(false);
                    break;
                default:
                    throw new InvalidOperationException(column.Kind.ToString());
            }
        }

        foreach (var r in rows)
        {
            foreach (var key in r.Texts.Keys)
            {
                if (!s_textColumns.Contains(key))
                {
                    throw new InvalidDataException($"{r.Path}: text value '{key}' has no shard column");
                }
            }
        }
    }

    private static readonly HashSet<string> s_textColumns = [.. ShardSchema.Columns.Where(c => c.Kind is ShardColumnKind.Text or ShardColumnKind.Hash64 or ShardColumnKind.Digest128).Select(c => c.Name)];

    private static int MetricIndex(string name) => (MetricCatalog.Find(name) ?? throw new InvalidOperationException(name)).Index;

    private static string? TextOf(ImageRecord r, string column) => column switch
    {
        ShardSchema.Key => r.Path,
        ShardSchema.Format => r.Facts?.Format,
        ShardSchema.Mode => r.Facts?.Mode,
        ShardSchema.LabelsJson => LabelsToJson(r.Labels),
        ShardSchema.ErrorCode => r.Error?.Code,
        ShardSchema.ErrorMessage => r.Error?.Message,
        ShardSchema.ErrorJson => r.Error is null ? null : DiagnosticJson.ToText(r.Error),
        ShardSchema.NotesJson => DiagnosticJson.ToArrayText(r.Notes),
        _ => r.Texts.GetValueOrDefault(column),
    };

    private static string? LabelsToJson(IReadOnlyDictionary<string, string> labels)
    {
        if (labels.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (k, v) in labels.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static ulong ParseHash(ImageRecord r, ShardColumn column, string hex)
    {
        if (hex.Length != column.HexDigits || !ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) || FormatHash(value, column.HexDigits) != hex)
        {
            throw new InvalidDataException($"{r.Path}: {column.Name} '{hex}' is not {column.HexDigits} lowercase hex digits");
        }

        if (r.HashBits.TryGetValue(column.Name, out var bits) && bits != value)
        {
            throw new InvalidDataException($"{r.Path}: {column.Name} text and bits disagree");
        }

        return value;
    }

    private static string FormatHash(ulong value, int digits) => value.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static Guid ParseDigest(ImageRecord r, string column, string hex)
    {
        if (hex.Length != 32 || !UInt128.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) || FormatDigest(value) != hex)
        {
            throw new InvalidDataException($"{r.Path}: {column} '{hex}' is not 32 lowercase hex digits");
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new Guid(bytes, bigEndian: true);
    }

    private static string FormatDigest(UInt128 value) => value.ToString("x32", CultureInfo.InvariantCulture);

    // Float32 bits, little-endian whatever the machine: the reduce gets the very floats the worker computed.
    private static byte[] EmbeddingToBytes(ImageRecord r, float[] embedding)
    {
        if (embedding.Length != Embeddings.ImageEmbedder.Dimensions)
        {
            throw new InvalidDataException($"{r.Path}: embedding has {embedding.Length} values, not {Embeddings.ImageEmbedder.Dimensions}");
        }

        var bytes = new byte[EmbeddingBytes];
        for (int k = 0; k < embedding.Length; k++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(k * sizeof(float)), embedding[k]);
        }

        return bytes;
    }

    private static float[] EmbeddingFromBytes(string path, byte[] bytes)
    {
        if (bytes.Length != EmbeddingBytes)
        {
            throw new ShardEmbeddingException($"the embedding of {path} is {bytes.Length} bytes, not {Embeddings.ImageEmbedder.Dimensions} float32 values ({EmbeddingBytes} bytes)");
        }

        var embedding = new float[Embeddings.ImageEmbedder.Dimensions];
        for (int k = 0; k < embedding.Length; k++)
        {
            embedding[k] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(k * sizeof(float)));
        }

        return embedding;
    }

    private static async Task<(IReadOnlyDictionary<string, string>, long)> ReadFooterAsync(Stream stream)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, null, true).ConfigureAwait(false);
        long rows = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            rows += group.RowCount;
        }

        return (new Dictionary<string, string>(reader.CustomMetadata, StringComparer.Ordinal), rows);
    }

    private static async Task<(IReadOnlyDictionary<string, string>, List<ImageRecord>)> ReadAsync(Stream stream, bool includeLabels, bool includeEmbeddings)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, null, true).ConfigureAwait(false);
        var metadata = new Dictionary<string, string>(reader.CustomMetadata, StringComparer.Ordinal);
        var fields = reader.Schema.GetDataFields();
        bool stored = HasEmbeddings(metadata);
        if (includeEmbeddings && !stored)
        {
            throw new ShardEmbeddingException($"it has no {ShardSchema.Embedding} column (footer {ShardMetadata.EmbeddingDimensions} absent)");
        }

        var expected = ShardSchema.ParquetFor(stored).GetDataFields();
        if (fields.Length != expected.Length)
        {
            throw new InvalidDataException($"the file has {fields.Length} columns, a DataGate shard of this version has {expected.Length}");
        }

        for (int c = 0; c < fields.Length; c++)
        {
            if (fields[c].Name != expected[c].Name)
            {
                throw new InvalidDataException($"column {c + 1} is '{fields[c].Name}', expected '{expected[c].Name}'");
            }
        }

        var rows = new List<ImageRecord>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            rows.AddRange(await ReadGroupAsync(group, expected, ShardSchema.ColumnsFor(stored), includeLabels, includeEmbeddings).ConfigureAwait(false));
        }

        return (metadata, rows);
    }

    private static async Task<ImageRecord[]> ReadGroupAsync(ParquetRowGroupReader group, DataField[] fields, IReadOnlyList<ShardColumn> columns, bool includeLabels, bool includeEmbeddings)
    {
        int n = checked((int)group.RowCount);
        var keys = new string?[n];
        await group.ReadAsync(fields[0], keys.AsMemory()!).ConfigureAwait(false);
        var records = new ImageRecord[n];
        for (int i = 0; i < n; i++)
        {
            records[i] = new ImageRecord(keys[i] ?? throw new InvalidDataException($"row {i + 1} has no path"));
        }

        var facts = new Dictionary<string, Array>(StringComparer.Ordinal);
        string?[]? format = null, mode = null, errorJson = null, notesJson = null, labelsJson = null;
        for (int c = 1; c < columns.Count; c++)
        {
            var column = columns[c];
            var field = fields[c];
            switch (column.Kind)
            {
                case ShardColumnKind.Text:
                    var texts = new string?[n];
                    await group.ReadAsync(field, texts.AsMemory()!).ConfigureAwait(false);
                    switch (column.Name)
                    {
                        case ShardSchema.Format: format = texts; break;
                        case ShardSchema.Mode: mode = texts; break;
                        case ShardSchema.LabelsJson: labelsJson = texts; break;
                        case ShardSchema.ErrorJson: errorJson = texts; break;
                        case ShardSchema.NotesJson: notesJson = texts; break;
                        case ShardSchema.ErrorCode or ShardSchema.ErrorMessage: break; // for other readers; error_json is complete
                        default:
                            var pool = new Pool();
                            for (int i = 0; i < n; i++)
                            {
                                if (texts[i] is { } t)
                                {
                                    records[i].TextSlots[column.Name] = pool.Share(t);
                                }
                            }

                            break;
                    }

                    break;
                case ShardColumnKind.Flag:
                    var flags = new bool?[n];
                    await group.ReadAsync<bool>(field, flags).ConfigureAwait(false);
                    int index = MetricIndex(column.Name);
                    for (int i = 0; i < n; i++)
                    {
                        records[i].ValueSlots[index] = flags[i] is { } b ? (b ? 1 : 0) : double.NaN;
                    }

                    break;
                case ShardColumnKind.Integer:
                    var longs = new long?[n];
                    await group.ReadAsync<long>(field, longs).ConfigureAwait(false);
                    index = MetricIndex(column.Name);
                    for (int i = 0; i < n; i++)
                    {
                        records[i].ValueSlots[index] = longs[i] is { } v ? v : double.NaN;
                    }

                    break;
                case ShardColumnKind.Real:
                    var doubles = new double?[n];
                    await group.ReadAsync<double>(field, doubles).ConfigureAwait(false);
                    index = MetricIndex(column.Name);
                    for (int i = 0; i < n; i++)
                    {
                        records[i].ValueSlots[index] = doubles[i] ?? double.NaN;
                    }

                    break;
                case ShardColumnKind.Hash64:
                    var hashes = new ulong?[n];
                    await group.ReadAsync<ulong>(field, hashes).ConfigureAwait(false);
                    bool keepBits = ShardSchema.HashBitColumns.Contains(column.Name);
                    for (int i = 0; i < n; i++)
                    {
                        if (hashes[i] is { } h)
                        {
                            records[i].TextSlots[column.Name] = FormatHash(h, column.HexDigits);
                            if (keepBits)
                            {
                                records[i].HashSlots[column.Name] = h;
                            }
                        }
                    }

                    break;
                case ShardColumnKind.MirrorHash64:
                    var mirrors = new ulong?[n];
                    await group.ReadAsync<ulong>(field, mirrors).ConfigureAwait(false);
                    for (int i = 0; i < n; i++)
                    {
                        if (mirrors[i] is { } m)
                        {
                            records[i].HashSlots[column.Name] = m;
                        }
                    }

                    break;
                case ShardColumnKind.Bytes:
                    var thumbnails = new byte[]?[n];
                    await group.ReadAsync(field, thumbnails.AsMemory()!).ConfigureAwait(false);
                    for (int i = 0; i < n; i++)
                    {
                        records[i].Thumbnail = thumbnails[i];
                    }

                    break;
                case ShardColumnKind.Embedding:
                    if (!includeEmbeddings)
                    {
                        break; // a hash-only reduce: not read, not kept
                    }

                    var vectors = new byte[]?[n];
                    await group.ReadAsync(field, vectors.AsMemory()!).ConfigureAwait(false);
                    for (int i = 0; i < n; i++)
                    {
                        if (vectors[i] is { } v)
                        {
                            records[i].Embedding = EmbeddingFromBytes(records[i].Path, v);
                        }
                    }

                    break;
                case ShardColumnKind.Digest128:
                    var digests = new Guid?[n];
                    await group.ReadAsync<Guid>(field, digests).ConfigureAwait(false);
                    var bytes = new byte[16];
                    for (int i = 0; i < n; i++)
                    {
                        if (digests[i] is { } d)
                        {
                            d.TryWriteBytes(bytes, bigEndian: true, out _);
                            records[i].TextSlots[column.Name] = FormatDigest(BinaryPrimitives.ReadUInt128BigEndian(bytes));
                        }
                    }

                    break;
                case ShardColumnKind.Int32:
                    var ints = new int?[n];
                    await group.ReadAsync<int>(field, ints).ConfigureAwait(false);
                    facts[column.Name] = ints;
                    break;
                case ShardColumnKind.Int64:
                    var sizes = new long?[n];
                    await group.ReadAsync<long>(field, sizes).ConfigureAwait(false);
                    facts[column.Name] = sizes;
                    break;
                default:
                    throw new InvalidOperationException(column.Kind.ToString());
            }
        }

        var width = (int?[])facts[ShardSchema.FactsWidth];
        var height = (int?[])facts[ShardSchema.FactsHeight];
        var channels = (int?[])facts[ShardSchema.FactsChannels];
        var exif = (int?[])facts[ShardSchema.FactsExifOrientation];
        var frames = (int?[])facts[ShardSchema.FactsFrameCount];
        var fileSize = (long?[])facts[ShardSchema.FactsFileSize];
        var formats = new Pool();
        var modes = new Pool();
        for (int i = 0; i < n; i++)
        {
            var r = records[i];
            if (width[i] is { } w)
            {
                r.Facts = new ImageFacts
                {
                    Format = formats.Share(format![i] ?? throw new InvalidDataException($"{r.Path}: facts without a format")),
                    Width = w,
                    Height = height[i] ?? 0,
                    Channels = channels[i] ?? 0,
                    Mode = modes.Share(mode![i] ?? string.Empty),
                    FileSize = fileSize[i] ?? 0,
                    ExifOrientation = exif[i] ?? 0,
                    FrameCount = frames[i] ?? 1,
                };
            }

            if (errorJson![i] is { } e)
            {
                r.Error = DiagnosticJson.ReadText(e);
            }

            if (notesJson![i] is { } notes && DiagnosticJson.ReadArrayText(notes) is { Count: > 0 } list)
            {
                r.NoteSlots.AddRange(list);
            }

            if (includeLabels && labelsJson![i] is { } l)
            {
                using var doc = JsonDocument.Parse(l);
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    r.LabelSlots[p.Name] = p.Value.GetString() ?? string.Empty;
                }
            }
        }

        return records;
    }

    /// <summary>
    /// One instance per distinct value of a low-cardinality text column (format, mode, skin tone) within a shard, so
    /// a million rows hold a handful of strings, not a million; a column that turns out to be high-cardinality stops
    /// being pooled. Local to one read (unlike <see cref="string.Intern(string)"/>, nothing outlives the reduce).
    /// </summary>
    private sealed class Pool
    {
        private const int MaxDistinct = 256;
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public string Share(string value)
        {
            if (_values.TryGetValue(value, out var shared))
            {
                return shared;
            }

            if (_values.Count < MaxDistinct)
            {
                _values[value] = value;
            }

            return value;
        }
    }
}
