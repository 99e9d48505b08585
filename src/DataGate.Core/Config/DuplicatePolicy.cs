using DataGate.Core.Diagnostics;

namespace DataGate.Core.Config;

/// <summary>What to do with one kind of duplicate (<c>duplicates.exact</c> or <c>duplicates.near</c>).</summary>
public sealed class DuplicatePolicy
{
    /// <summary>
    /// <see cref="RuleAction.Warn"/> reports the groups; <see cref="RuleAction.Exclude"/> keeps one member per group and
    /// excludes the others; <see cref="RuleAction.Fail"/> fails the gate when there is any group.
    /// </summary>
    public RuleAction Action { get; init; } = RuleAction.Warn;

    /// <summary>Which member stays (for exclude, and to name the original in reports).</summary>
    public KeepPolicy Keep { get; init; } = KeepPolicy.BestQuality;

    /// <summary>For near duplicates: the hash compared (<c>ahash</c>, <c>phash</c>, <c>dhash</c>, <c>whash</c>).</summary>
    public string Hash { get; init; } = "phash";

    /// <summary>For near duplicates: largest Hamming distance (0–32) that makes two images duplicates.</summary>
    public int MaxDistance { get; init; } = 4;

    /// <summary>Position in the rule file, when configured there.</summary>
    public SourceSpan? Location { get; init; }
}
