using DataGate.Core.Analysis;
using Parquet.Schema;

namespace DataGate.Core.Sharding;

/// <summary>
/// The columns of a shard file, built from <see cref="MetricCatalog"/> and <see cref="TextColumns"/> so a metric or
/// text column added there flows into shards with no change here: a flag becomes BOOLEAN, a whole-number header
/// metric INT64, any other metric DOUBLE (null = not computed), a 64-bit imagehash UINT64, a 128-bit digest
/// FIXED_LEN_BYTE_ARRAY(16), any other text column a string. The contract is documented in docs/scale-out.md.
/// </summary>
internal static class ShardSchema
{
    /// <summary>
    /// The value of the <c>datagate.format</c> footer key; bump on an incompatible schema change. 2: the optional
    /// <see cref="Embedding"/> column (present only when the rule file asks for embeddings).
    /// </summary>
    public const string FormatName = "datagate-shard/2";

    /// <summary>The key column: the dataset-relative path.</summary>
    public const string Key = "path";

    /// <summary>Header facts kept so the reduce rebuilds the record exactly.</summary>
    public const string Format = "format";

    /// <summary>The stored colour mode.</summary>
    public const string Mode = "mode";

    public const string FactsWidth = "facts_width";

    public const string FactsHeight = "facts_height";

    public const string FactsChannels = "facts_channels";

    public const string FactsFileSize = "facts_file_size";

    public const string FactsExifOrientation = "facts_exif_orientation";

    public const string FactsFrameCount = "facts_frame_count";

    /// <summary>The 32×32 gray thumbnail (1,024 bytes, row-major) near-duplicate confirmation correlates.</summary>
    public const string Thumbnail = "thumbnail";

    /// <summary>Labels as a JSON object (field → raw text), as the analysing worker read them.</summary>
    public const string LabelsJson = "labels_json";

    public const string ErrorCode = "error_code";

    public const string ErrorMessage = "error_message";

    /// <summary>The whole error diagnostic as JSON (code, severity, message, file/line/column, image, rule).</summary>
    public const string ErrorJson = "error_json";

    /// <summary>The image's notes (warnings, infos) as a JSON array; null when none.</summary>
    public const string NotesJson = "notes_json";

    /// <summary>
    /// The image's L2-normalised CNN embedding (<c>near: { method: embedding | both }</c>): 512 float32 values,
    /// little-endian (2,048 bytes), null when the model failed on the image or it was not analysed. Only in shards
    /// analysed under a rule file that asks for embeddings (footer <see cref="ShardMetadata.EmbeddingDimensions"/>).
    /// </summary>
    public const string Embedding = "embedding";

    /// <summary>Text columns whose value is also kept as 64 bits for the near-duplicate search (<see cref="ImageRecord.HashBits"/>).</summary>
    public static IReadOnlyList<string> HashBitColumns { get; } = [TextColumns.AHash, TextColumns.PHash, TextColumns.DHash, TextColumns.WHash];

    /// <summary>Header metrics that are whole numbers.</summary>
    private static readonly HashSet<string> s_integerMetrics = ["width", "height", "channels", "file_size", "exif_orientation", "unique_colors"];

    /// <summary>Every column, in file order.</summary>
    public static IReadOnlyList<ShardColumn> Columns { get; } = Build();

    /// <summary>The Parquet schema of <see cref="Columns"/>.</summary>
    public static ParquetSchema Parquet { get; } = new(Columns.Select(ToField).ToArray());

    /// <summary>The optional last column: the embedding, in shards analysed under a rule file that asks for embeddings.</summary>
    public static ShardColumn EmbeddingColumn { get; } = new(Embedding, ShardColumnKind.Embedding);

    /// <summary><see cref="Columns"/> followed by <see cref="EmbeddingColumn"/>.</summary>
    public static IReadOnlyList<ShardColumn> ColumnsWithEmbedding { get; } = [.. Columns, EmbeddingColumn];

    /// <summary>The Parquet schema of <see cref="ColumnsWithEmbedding"/>.</summary>
    public static ParquetSchema ParquetWithEmbedding { get; } = new(ColumnsWithEmbedding.Select(ToField).ToArray());

    /// <summary>The columns of a shard with or without the embedding column.</summary>
    public static IReadOnlyList<ShardColumn> ColumnsFor(bool embeddings) => embeddings ? ColumnsWithEmbedding : Columns;

    /// <summary>The Parquet schema of a shard with or without the embedding column.</summary>
    public static ParquetSchema ParquetFor(bool embeddings) => embeddings ? ParquetWithEmbedding : Parquet;

    private static List<ShardColumn> Build()
    {
        var columns = new List<ShardColumn>
        {
            new(Key, ShardColumnKind.Text),
            new(Format, ShardColumnKind.Text),
            new(Mode, ShardColumnKind.Text),
            new(FactsWidth, ShardColumnKind.Int32),
            new(FactsHeight, ShardColumnKind.Int32),
            new(FactsChannels, ShardColumnKind.Int32),
            new(FactsFileSize, ShardColumnKind.Int64),
            new(FactsExifOrientation, ShardColumnKind.Int32),
            new(FactsFrameCount, ShardColumnKind.Int32),
        };
        foreach (var m in MetricCatalog.All)
        {
            columns.Add(new(m.Name, m.IsFlag ? ShardColumnKind.Flag : s_integerMetrics.Contains(m.Name) ? ShardColumnKind.Integer : ShardColumnKind.Real));
        }

        foreach (var t in TextColumns.All)
        {
            if (t == TextColumns.DuplicateGroup)
            {
                continue; // dataset-wide: assigned at the reduce
            }

            columns.Add(t switch
            {
                TextColumns.AHash or TextColumns.PHash or TextColumns.DHash or TextColumns.WHash => new(t, ShardColumnKind.Hash64, 16),
                TextColumns.ColorHash => new(t, ShardColumnKind.Hash64, 11),
                TextColumns.FileHash or TextColumns.PixelHash => new(t, ShardColumnKind.Digest128),
                _ => new(t, ShardColumnKind.Text),
            });
        }

        // What near-duplicate confirmation and mirror matching read at the reduce (not metrics.csv columns).
        columns.Add(new(Hashing.HashKeys.PHashMirror, ShardColumnKind.MirrorHash64, 16));
        columns.Add(new(Hashing.HashKeys.DHashMirror, ShardColumnKind.MirrorHash64, 16));
        columns.Add(new(Thumbnail, ShardColumnKind.Bytes));
        columns.Add(new(LabelsJson, ShardColumnKind.Text));
        columns.Add(new(ErrorCode, ShardColumnKind.Text));
        columns.Add(new(ErrorMessage, ShardColumnKind.Text));
        columns.Add(new(ErrorJson, ShardColumnKind.Text));
        columns.Add(new(NotesJson, ShardColumnKind.Text));
        return columns;
    }

    private static DataField ToField(ShardColumn c) => c.Kind switch
    {
        ShardColumnKind.Text => new DataField<string>(c.Name),
        ShardColumnKind.Flag => new DataField<bool?>(c.Name),
        ShardColumnKind.Integer or ShardColumnKind.Int64 => new DataField<long?>(c.Name),
        ShardColumnKind.Real => new DataField<double?>(c.Name),
        ShardColumnKind.Hash64 or ShardColumnKind.MirrorHash64 => new DataField<ulong?>(c.Name),
        ShardColumnKind.Bytes or ShardColumnKind.Embedding => new DataField<byte[]>(c.Name),
        ShardColumnKind.Digest128 => new DataField<Guid?>(c.Name),
        ShardColumnKind.Int32 => new DataField<int?>(c.Name),
        _ => throw new InvalidOperationException(c.Kind.ToString()),
    };
}
