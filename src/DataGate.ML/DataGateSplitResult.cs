using DataGate.Core.Rules;
using DataGate.Core.Splits;
using Microsoft.ML;

namespace DataGate.ML;

/// <summary>
/// What <c>mlContext.Data.DataGate().StratifiedSplit</c> returns: one lazy <see cref="IDataView"/> per split (ML.NET's
/// <c>TrainTestData</c> has only two), the rows per split and the per-cell table with its largest deviation from the
/// ratios. Every input row is in exactly one split; rows that share a group (duplicate group, group-by value) are in one.
/// </summary>
public sealed class DataGateSplitResult
{
    private readonly Dictionary<string, IDataView> _sets;

    internal DataGateSplitResult(
        IReadOnlyList<string> names,
        IReadOnlyList<double> ratios,
        IReadOnlyList<IDataView> sets,
        IReadOnlyList<int> counts,
        IReadOnlyList<DataGateSplitCell> cells,
        double maxCellDeviation,
        SplitPlan? plan)
    {
        Names = names;
        Ratios = ratios;
        Counts = counts;
        Cells = cells;
        Plan = plan;
        MaxCellDeviation = maxCellDeviation;
        _sets = names.Select((n, i) => (n, sets[i])).ToDictionary(x => x.n, x => x.Item2, StringComparer.Ordinal);
        var gated = cells.Where(c => c.Gated).ToList();
        MaxDeviation = gated.Count == 0 ? 0 : gated.Max(c => c.MaxDeviation);
    }

    /// <summary>Split names in the order of the ratios (e.g. <c>train</c>, <c>val</c>, <c>test</c>).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The ratio of each split, indexed like <see cref="Names"/>.</summary>
    public IReadOnlyList<double> Ratios { get; }

    /// <summary>Rows in each split, indexed like <see cref="Names"/>.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>Every stratification cell, in ordinal order of its name.</summary>
    public IReadOnlyList<DataGateSplitCell> Cells { get; }

    /// <summary>Largest <see cref="DataGateSplitCell.MaxDeviation"/> over the gated cells (0 when none is gated).</summary>
    public double MaxDeviation { get; }

    /// <summary>The bound the gated cells are held to (<c>max_cell_deviation</c>).</summary>
    public double MaxCellDeviation { get; }

    /// <summary>True when every gated cell is within <see cref="MaxCellDeviation"/> of the ratios.</summary>
    public bool WithinTolerance => MaxDeviation <= MaxCellDeviation + 1e-12;

    /// <summary>
    /// Core's plan (units, groups kept together, findings DG2060/DG2061) when the split was planned here (the overload
    /// with explicit arguments); null when the rows carry the fitted gate's split (the findings are then in
    /// <see cref="GateTransformer.Result"/>).
    /// </summary>
    public SplitPlan? Plan { get; }

    /// <summary>The planner's findings (deviation gate DG2060, too few rows DG2061); empty for the fitted gate's split.</summary>
    public IReadOnlyList<Finding> Findings => Plan?.Findings ?? [];

    /// <summary>The rows of each split, by name; lazy views over the input (same columns), in input order.</summary>
    public IReadOnlyDictionary<string, IDataView> Sets => _sets;

    /// <summary>The rows of one split.</summary>
    /// <param name="name">A split name of <see cref="Names"/>.</param>
    /// <exception cref="KeyNotFoundException">No split of that name.</exception>
    public IDataView this[string name] => _sets.TryGetValue(name, out var set) ? set : throw new KeyNotFoundException($"no split '{name}': the splits are {string.Join(", ", Names)}");
}
