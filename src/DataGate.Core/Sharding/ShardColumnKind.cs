namespace DataGate.Core.Sharding;

/// <summary>The physical form of a shard column (docs/scale-out.md, "Shard schema").</summary>
internal enum ShardColumnKind
{
    /// <summary>UTF-8 string (BYTE_ARRAY, STRING).</summary>
    Text,

    /// <summary>Nullable BOOLEAN: a flag metric; null when not computed.</summary>
    Flag,

    /// <summary>Nullable INT64: a whole-number metric; null when not computed.</summary>
    Integer,

    /// <summary>Nullable DOUBLE: any other metric; null when not computed.</summary>
    Real,

    /// <summary>Nullable UINT64 (INT64 annotated unsigned): an imagehash hash, first bit most significant.</summary>
    Hash64,

    /// <summary>Nullable FIXED_LEN_BYTE_ARRAY(16): a 128-bit digest, big-endian (the 32 hex digits of metrics.csv).</summary>
    Digest128,

    /// <summary>Nullable INT32: a header fact.</summary>
    Int32,

    /// <summary>Nullable INT64: a header fact.</summary>
    Int64,

    /// <summary>
    /// Nullable UINT64: a hash of the horizontally mirrored image (<c>phash_mirror</c>, <c>dhash_mirror</c>), kept for
    /// mirror-aware near-duplicate matching; not a metrics.csv column.
    /// </summary>
    MirrorHash64,

    /// <summary>Nullable BYTE_ARRAY: the 32×32 gray thumbnail near-duplicate confirmation correlates.</summary>
    Bytes,

    /// <summary>
    /// Nullable BYTE_ARRAY: the image embedding, 512 float32 values little-endian (2,048 bytes), stored bit for bit so
    /// the reduce's cosines equal a single run's.
    /// </summary>
    Embedding,
}
