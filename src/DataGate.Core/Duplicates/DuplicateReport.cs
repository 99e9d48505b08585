using DataGate.Core.Config;

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
    /// <summary>The confirmation check near candidates passed (<see cref="NearConfirm.Off"/> when near search was off).</summary>
    public NearConfirm NearConfirm { get; init; }

    /// <summary>The dHash bound of the confirmation.</summary>
    public int NearConfirmMaxDistance { get; init; }

    /// <summary>The thumbnail-correlation bound of the confirmation.</summary>
    public double NearConfirmMinCorrelation { get; init; }

    /// <summary>True when images were also matched against the mirror of the others.</summary>
    public bool NearMirror { get; init; }

    /// <summary>How near duplicates were searched: hashes (default) or embeddings.</summary>
    public NearMethod NearMethod { get; init; }

    /// <summary><c>method: embedding</c>: the cosine similarity a near pair reaches at least; 0 otherwise.</summary>
    public double NearMinSimilarity { get; init; }

    /// <summary><c>method: embedding</c>: true when the approximate (inverted-file) search was used.</summary>
    public bool NearApproximate { get; init; }

    /// <summary>Analysed images without an embedding (<c>method: embedding</c> or <c>both</c>): not searched by embedding (DG2073).</summary>
    public IReadOnlyList<string> NearMissingEmbedding { get; init; } = [];

    /// <summary>Candidate pairs within the hash radius (direct and mirrored).</summary>
    public int NearCandidatePairs { get; init; }

    /// <summary>Candidate pairs the confirmation rejected.</summary>
    public int NearUnconfirmedPairs { get; init; }

    /// <summary>Images whose candidate search stopped at <see cref="DuplicatePolicy.MaxCandidates"/>.</summary>
    public IReadOnlyList<string> NearCappedImages { get; init; } = [];

    /// <summary>Images without the hashes or thumbnail that confirmation or mirror matching needs.</summary>
    public IReadOnlyList<string> NearMissingEvidence { get; init; } = [];

    /// <summary>An empty report.</summary>
    public static DuplicateReport Empty { get; } = new([], new Dictionary<string, string>(StringComparer.Ordinal), null, 0);
}
