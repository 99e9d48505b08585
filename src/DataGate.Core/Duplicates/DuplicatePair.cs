namespace DataGate.Core.Duplicates;

/// <summary>
/// One link that joined a near-duplicate group, with the evidence that confirmed it. A group of n members lists the
/// n − 1 links that first connected them (closest hash distance first).
/// </summary>
/// <param name="First">Path of one image (ordinal order: <paramref name="First"/> &lt; <paramref name="Second"/>).</param>
/// <param name="Second">Path of the other image.</param>
/// <param name="Distance">Hamming distance of the search hash (the group's hash, e.g. pHash).</param>
/// <param name="DHashDistance">Hamming distance of the dHashes (mirrored dHash for a mirrored pair); null when not known.</param>
/// <param name="Correlation">Pearson correlation of the 32×32 gray thumbnails (one mirrored for a mirrored pair); null when not known.</param>
/// <param name="Mirrored">True when one image matches the horizontal mirror of the other.</param>
public sealed record DuplicatePair(string First, string Second, int Distance, int? DHashDistance, double? Correlation, bool Mirrored)
{
    /// <summary>Cosine similarity of the two images' embeddings (<c>method: embedding</c>); null for hash pairs.</summary>
    public double? Similarity { get; init; }

    /// <summary>The evidence in words, e.g. "phash 2, dhash 3, r 0.998, mirrored" (summary.md, <c>datagate duplicates</c>).</summary>
    /// <param name="hash">Name of the search hash (<see cref="DuplicateReport.NearHash"/>).</param>
    public string Describe(string? hash)
    {
        if (Similarity is { } cosine)
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cosine {cosine:0.000}");
        }

        var parts = new List<string> { $"{hash} {Distance}" };
        if (DHashDistance is { } d)
        {
            parts.Add($"dhash {d}");
        }

        if (Correlation is { } r && double.IsFinite(r)) // as report.json, which writes a non-finite correlation as null
        {
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"r {r:0.000}"));
        }

        if (Mirrored)
        {
            parts.Add("mirrored");
        }

        return string.Join(", ", parts);
    }
}
