namespace DataGate.Core.Duplicates;

/// <summary>Every duplicate group of a run and each image's combined group id.</summary>
/// <param name="Groups">Exact groups, then near groups, each in order of first path.</param>
/// <param name="GroupOfImage">Path → id of the connected component of exact and near links (<c>dup-N</c>) for images in one.</param>
/// <param name="NearHash">Hash used for near duplicates, or null when near search was off.</param>
/// <param name="NearRadius">Hamming radius used.</param>
public sealed record DuplicateReport(
    IReadOnlyList<DuplicateGroup> Groups,
    IReadOnlyDictionary<string, string> GroupOfImage,
    string? NearHash,
    int NearRadius)
{
    /// <summary>An empty report.</summary>
    public static DuplicateReport Empty { get; } = new([], new Dictionary<string, string>(StringComparer.Ordinal), null, 0);
}
