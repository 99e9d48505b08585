using DataGate.Core.Diagnostics;

namespace DataGate.Core.Config;

/// <summary>One named split and its share of the kept images (<c>splits: ratios</c>).</summary>
/// <param name="Name">Split name (snake_case), also the manifest's file name: <c>{Name}.csv</c>.</param>
/// <param name="Ratio">Share of the kept images, in (0, 1); the ratios of a configuration sum to 1.</param>
public sealed record SplitRatio(string Name, double Ratio);

/// <summary>
/// The <c>splits:</c> section: stratified, group-preserving, stable train/val/test (and k-fold) assignment of the kept
/// images. See docs/splits.md for the algorithm and its guarantees.
/// </summary>
public sealed class SplitSettings
{
    /// <summary>Default of <see cref="MaxCellDeviation"/>.</summary>
    public const double DefaultMaxCellDeviation = 0.02;

    /// <summary>Default of <see cref="MinCellImages"/>.</summary>
    public const int DefaultMinCellImages = 50;

    /// <summary>The splits in file order (2-10), ratios summing to 1.</summary>
    public required IReadOnlyList<SplitRatio> Ratios { get; init; }

    /// <summary>Category fields (declared, <c>_bin</c>, <c>skin_tone</c>, <c>luminance_bin</c>) whose value combinations are the stratification cells; empty for one cell.</summary>
    public IReadOnlyList<string> StratifyBy { get; init; } = [];

    /// <summary>Label fields whose equal values must stay in one split, besides the duplicate group (which always applies).</summary>
    public IReadOnlyList<string> GroupBy { get; init; } = [];

    /// <summary>Seed of the hash that places each group.</summary>
    public long Seed { get; init; }

    /// <summary>0 for no folds; k (2-100) to assign folds 0..k-1 inside <see cref="FoldSplit"/>.</summary>
    public int Folds { get; init; }

    /// <summary>Full path of the lock file that remembers the assignment, or null for none.</summary>
    public string? LockPath { get; init; }

    /// <summary>The lock path as written in the rule file (relative to it), or null.</summary>
    public string? LockPathText { get; init; }

    /// <summary>Gate: every cell with at least <see cref="MinCellImages"/> images has each split's share within this many share points (0.02 = 2 points) of the split's ratio.</summary>
    public double MaxCellDeviation { get; init; } = DefaultMaxCellDeviation;

    /// <summary>Cells smaller than this are not gated (they are still split).</summary>
    public int MinCellImages { get; init; } = DefaultMinCellImages;

    /// <summary>What an exceeded deviation gate (or too few images) does: <see cref="RuleAction.Fail"/> or <see cref="RuleAction.Warn"/>.</summary>
    public RuleAction Action { get; init; } = RuleAction.Fail;

    /// <summary>Position of the section in the rule file, when configured there.</summary>
    public SourceSpan? Location { get; init; }

    /// <summary>The split that receives folds: the one named <c>train</c>, else the first.</summary>
    public string FoldSplit => Ratios.Any(r => r.Name == "train") ? "train" : Ratios[0].Name;
}
