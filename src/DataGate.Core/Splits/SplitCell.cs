namespace DataGate.Core.Splits;

/// <summary>One stratification cell of a <see cref="SplitPlan"/>: how its images spread over the splits.</summary>
public sealed class SplitCell
{
    /// <summary>The cell (the stratum of its rows).</summary>
    public required string Stratum { get; init; }

    /// <summary>Images of the cell.</summary>
    public required int Images { get; init; }

    /// <summary>Units (groups kept together) of the cell; a unit counts in the cell of its members' majority.</summary>
    public required int Units { get; init; }

    /// <summary>Images of the cell in each split, indexed like <see cref="SplitPlan.Names"/>.</summary>
    public required IReadOnlyList<int> Counts { get; init; }

    /// <summary>True when the cell had too few units to spread and was balanced in the pooled remainder stratum.</summary>
    public required bool Pooled { get; init; }

    /// <summary>Largest |share of the cell in a split − the split's ratio| (0.01 = 1 point).</summary>
    public required double MaxDeviation { get; init; }

    /// <summary>True when the cell is large enough (<c>min_cell_images</c>) to be gated.</summary>
    public required bool Gated { get; init; }
}
