namespace DataGate.Core.Duplicates;

/// <summary>A set of images that are copies of one another.</summary>
public sealed class DuplicateGroup
{
    /// <summary>Stable id within a run (<c>exact-1</c>, <c>near-3</c>), numbered by the group's first path.</summary>
    public required string Id { get; init; }

    /// <summary>Exact or near.</summary>
    public required DuplicateKind Kind { get; init; }

    /// <summary>Member paths in ordinal order.</summary>
    public required IReadOnlyList<string> Members { get; init; }

    /// <summary>The member the keep policy selects.</summary>
    public required string Kept { get; init; }

    /// <summary>For exact groups: true when every member has the same file bytes.</summary>
    public bool ByteIdentical { get; init; }

    /// <summary>For near groups: the largest hash distance of a confirmed pair inside the group.</summary>
    public int MaxDistance { get; init; }

    /// <summary>Near groups found by embedding: the smallest cosine similarity of the links that joined the group; null otherwise.</summary>
    public double? MinSimilarity { get; init; }

    /// <summary>
    /// For near groups: the links that joined the members (n − 1 for n members whose pixels all differ; fewer when exact
    /// copies joined some), closest first, each with its evidence.
    /// </summary>
    public IReadOnlyList<DuplicatePair> Pairs { get; init; } = [];

    /// <summary>Label fields on which members disagree, with each member's value (absent members have no value).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ConflictingLabels { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
}
