namespace DataGate.Core.Reports;

/// <summary>
/// What report.html shows and how large it may grow. The defaults keep a 20,000-image report under 5 MB
/// (about 0.8 MB of embedded chart runtime, the rest thumbnails and pre-binned chart data).
/// </summary>
public sealed class HtmlReportOptions
{
    /// <summary>The defaults.</summary>
    public static HtmlReportOptions Default { get; } = new();

    /// <summary>Worst offenders shown as thumbnails per rule gallery, 0–500 (default 12).</summary>
    public int ThumbnailsPerRule { get; init; } = 12;

    /// <summary>Duplicate groups shown as thumbnails, 0–500 (default 24; conflicting groups first).</summary>
    public int DuplicateGroups { get; init; } = 24;

    /// <summary>Longest side of a thumbnail in pixels, 16–512 (default 96). Thumbnails are JPEG, quality 70.</summary>
    public int ThumbnailSize { get; init; } = 96;

    /// <summary>Images per class sampled for the R/G/B intensity distributions, 0–5,000 (default 150; 0 leaves the section out).</summary>
    public int ColourSamplePerClass { get; init; } = 150;

    /// <summary>The first out-of-range option as a message, or null when every option is valid.</summary>
    public string? Validate() =>
        ThumbnailsPerRule is < 0 or > 500 ? $"thumbnails per rule must be 0-500, not {ThumbnailsPerRule}" :
        DuplicateGroups is < 0 or > 500 ? $"duplicate groups shown must be 0-500, not {DuplicateGroups}" :
        ThumbnailSize is < 16 or > 512 ? $"thumbnail size must be 16-512 pixels, not {ThumbnailSize}" :
        ColourSamplePerClass is < 0 or > 5000 ? $"colour sample per class must be 0-5000, not {ColourSamplePerClass}" : null;
}
