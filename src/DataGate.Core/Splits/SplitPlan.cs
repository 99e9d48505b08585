using DataGate.Core.Rules;

namespace DataGate.Core.Splits;

/// <summary>
/// The split (and fold) of every row given to <see cref="SplitPlanner.Plan"/>, row-indexed, with the per-cell
/// table and the findings of the assignment (leakage forced by the lock, deviation gate, too few rows). Immutable.
/// </summary>
public sealed class SplitPlan
{
    /// <summary>Split names in configuration order.</summary>
    public required IReadOnlyList<string> Names { get; init; }

    /// <summary>Configured ratios, indexed like <see cref="Names"/>.</summary>
    public required IReadOnlyList<double> Ratios { get; init; }

    /// <summary>The row keys, in input order.</summary>
    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>The split of each row (an index into <see cref="Names"/>).</summary>
    public required IReadOnlyList<int> SplitOf { get; init; }

    /// <summary>The fold of each row (0..<see cref="Folds"/>−1) for rows of <see cref="FoldSplit"/>; −1 otherwise or without folds.</summary>
    public required IReadOnlyList<int> FoldOf { get; init; }

    /// <summary>The unit (group kept together) of each row: 0..<see cref="UnitCount"/>−1, numbered in order of first row.</summary>
    public required IReadOnlyList<int> UnitOf { get; init; }

    /// <summary>Number of units.</summary>
    public required int UnitCount { get; init; }

    /// <summary>Units with more than one row (groups kept together).</summary>
    public required int GroupsKeptTogether { get; init; }

    /// <summary>Rows in units of more than one row.</summary>
    public required int RowsInGroups { get; init; }

    /// <summary>Number of folds (0 for none).</summary>
    public required int Folds { get; init; }

    /// <summary>Index of the split that has folds, or −1.</summary>
    public required int FoldSplit { get; init; }

    /// <summary>Rows whose split came from the lock file.</summary>
    public required int LockedRows { get; init; }

    /// <summary>Every cell, in ordinal order of the stratum.</summary>
    public required IReadOnlyList<SplitCell> Cells { get; init; }

    /// <summary>Largest deviation over the gated cells (0 when none is gated).</summary>
    public required double MaxGatedDeviation { get; init; }

    /// <summary>Findings: DG2033 (a lock pins one group to several splits), DG2060 (deviation gate), DG2061 (too few rows), DG2062 (stale lock entries).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Images in each split, indexed like <see cref="Names"/>.</summary>
    public IReadOnlyList<int> Counts
    {
        get
        {
            var counts = new int[Names.Count];
            foreach (var s in SplitOf)
            {
                counts[s]++;
            }

            return counts;
        }
    }
}
