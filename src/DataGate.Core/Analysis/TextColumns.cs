namespace DataGate.Core.Analysis;

/// <summary>Text columns of <c>metrics.csv</c> after the numeric metrics; names are a public contract.</summary>
public static class TextColumns
{
    /// <summary>Skin-tone category from <c>skin_tone_ita</c> (very_light, light, intermediate, tan, brown, dark).</summary>
    public const string SkinTone = "skin_tone";

    /// <summary>imagehash average_hash, hex.</summary>
    public const string AHash = "ahash";

    /// <summary>imagehash phash, hex.</summary>
    public const string PHash = "phash";

    /// <summary>imagehash dhash, hex.</summary>
    public const string DHash = "dhash";

    /// <summary>imagehash whash, hex.</summary>
    public const string WHash = "whash";

    /// <summary>imagehash colorhash (binbits 3), hex.</summary>
    public const string ColorHash = "colorhash";

    /// <summary>XxHash128 of the file bytes, hex.</summary>
    public const string FileHash = "file_hash";

    /// <summary>XxHash128 of the decoded RGB pixels and size, hex.</summary>
    public const string PixelHash = "pixel_hash";

    /// <summary>Id of the duplicate group the image belongs to; empty when it has no duplicate.</summary>
    public const string DuplicateGroup = "duplicate_group";

    /// <summary>The family a text column is computed with (see <see cref="MetricFamilies"/>); null for an unknown column.</summary>
    public static string? FamilyOf(string column) => column switch
    {
        SkinTone => MetricFamilies.Quality,
        AHash or PHash or DHash or WHash or ColorHash or FileHash or PixelHash => MetricFamilies.Hashes,
        DuplicateGroup => MetricFamilies.Dataset,
        _ => null,
    };

    /// <summary>All text columns in CSV order.</summary>
    public static IReadOnlyList<string> All { get; } = [SkinTone, AHash, PHash, DHash, WHash, ColorHash, FileHash, PixelHash, DuplicateGroup];
}
