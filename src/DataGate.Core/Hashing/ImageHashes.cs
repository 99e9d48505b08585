namespace DataGate.Core.Hashing;

/// <summary>The five imagehash-compatible hashes of one image (hash size 8, colorhash binbits 3).</summary>
/// <param name="AHash">average_hash, 16 hex digits.</param>
/// <param name="PHash">phash, 16 hex digits.</param>
/// <param name="DHash">dhash, 16 hex digits.</param>
/// <param name="WHash">whash (haar, remove_max_haar_ll), 16 hex digits.</param>
/// <param name="ColorHash">colorhash, 11 hex digits (42 bits).</param>
/// <param name="AHash64">average_hash as a 64-bit integer (first bit = most significant).</param>
/// <param name="PHash64">phash as a 64-bit integer.</param>
/// <param name="DHash64">dhash as a 64-bit integer.</param>
/// <param name="WHash64">whash as a 64-bit integer.</param>
internal sealed record ImageHashes(
    string AHash,
    string PHash,
    string DHash,
    string WHash,
    string ColorHash,
    ulong AHash64,
    ulong PHash64,
    ulong DHash64,
    ulong WHash64)
{
    /// <summary>pHash of the horizontally mirrored image.</summary>
    public ulong PHashMirror64 { get; init; }

    /// <summary>dHash of the horizontally mirrored image.</summary>
    public ulong DHashMirror64 { get; init; }

    /// <summary>phash's 32×32 LANCZOS gray thumbnail, row-major (confirmation's correlation input).</summary>
    public byte[] Thumbnail { get; init; } = [];
}
