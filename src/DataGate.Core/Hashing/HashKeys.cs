namespace DataGate.Core.Hashing;

/// <summary>
/// Keys of <see cref="Analysis.ImageRecord.HashBits"/> beyond the hash column names: the hashes of the horizontally
/// mirrored image, used by mirror-aware near-duplicate matching and its confirmation.
/// </summary>
internal static class HashKeys
{
    /// <summary>pHash of the mirrored image.</summary>
    public const string PHashMirror = "phash_mirror";

    /// <summary>dHash of the mirrored image.</summary>
    public const string DHashMirror = "dhash_mirror";

    /// <summary>The mirrored hash key of a hash column, or null when none is kept.</summary>
    public static string? MirrorOf(string hash) => hash switch
    {
        Analysis.TextColumns.PHash => PHashMirror,
        Analysis.TextColumns.DHash => DHashMirror,
        _ => null,
    };

}
