namespace DataGate.Core.Config;

/// <summary>
/// The second, independent check a near-duplicate candidate (a pair within the hash radius) must pass
/// (<c>duplicates.near.confirm</c>).
/// </summary>
public enum NearConfirm
{
    /// <summary>No check: every candidate pair is a near duplicate (the behaviour before confirmation existed).</summary>
    Off,

    /// <summary>The pair's dHash distance is at most <see cref="DuplicatePolicy.ConfirmMaxDistance"/>.</summary>
    DHash,

    /// <summary>The Pearson correlation of the 32×32 gray thumbnails is at least <see cref="DuplicatePolicy.ConfirmMinCorrelation"/>.</summary>
    Correlation,

    /// <summary>Both the dHash and the correlation checks pass.</summary>
    Both,
}
