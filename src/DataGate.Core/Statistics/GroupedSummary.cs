namespace DataGate.Core.Statistics;

/// <summary>
/// A numeric variable summarised per group and overall, in the layout of the UTKFace EDA table
/// (<c>statistic,Male,Female,All</c>): rows Count, Prop., then the <see cref="DescriptiveSummary"/> statistics.
/// </summary>
public sealed class GroupedSummary
{
    /// <summary>Name of the overall column.</summary>
    public const string AllColumn = "All";

    private GroupedSummary(IReadOnlyList<string> columns, IReadOnlyList<DescriptiveSummary> summaries, IReadOnlyList<double> proportions, int ungrouped)
    {
        Columns = columns;
        Summaries = summaries;
        Proportions = proportions;
        Ungrouped = ungrouped;
    }

    /// <summary>Column names: the requested groups in order, then <see cref="AllColumn"/>.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Summary per column (same order as <see cref="Columns"/>); each reports its own NaN count in Missing.</summary>
    public IReadOnlyList<DescriptiveSummary> Summaries { get; }

    /// <summary>Per column, its non-NaN count divided by the non-NaN count of All, in [0, 1] (NaN when All is empty).</summary>
    public IReadOnlyList<double> Proportions { get; }

    /// <summary>Non-NaN values whose group is null or not among the requested groups: counted in All only.</summary>
    public int Ungrouped { get; }

    /// <summary>Row labels in table order: Count, Prop., then <see cref="DescriptiveSummary.StatisticNames"/> after Count.</summary>
    public static IReadOnlyList<string> RowNames { get; } = ["Count", "Prop.", .. DescriptiveSummary.StatisticNames.Skip(1)];

    /// <summary>The table rows in <see cref="RowNames"/> order, one value per column.</summary>
    public IReadOnlyList<StatisticRow> Rows()
    {
        var perColumn = new double[Columns.Count][];
        for (int c = 0; c < Columns.Count; c++)
        {
            perColumn[c] = Summaries[c].Values();
        }

        var rows = new List<StatisticRow>(RowNames.Count);
        for (int r = 0; r < RowNames.Count; r++)
        {
            var values = new double[Columns.Count];
            for (int c = 0; c < Columns.Count; c++)
            {
                values[c] = r switch
                {
                    0 => perColumn[c][0],
                    1 => Proportions[c],
                    _ => perColumn[c][r - 1],
                };
            }

            rows.Add(new StatisticRow(RowNames[r], values));
        }

        return rows;
    }

    /// <summary>
    /// Summarises <paramref name="values"/> per group. Rows with a NaN value are excluded (counted in each column's
    /// Missing); All covers every row, whatever its group; a null or unlisted group key contributes to All only.
    /// </summary>
    /// <param name="values">Values, one per row; NaN = missing.</param>
    /// <param name="groups">Group key per row (ordinal comparison), same length as <paramref name="values"/>; null = no group.</param>
    /// <param name="groupOrder">Groups to report, in column order; distinct, none named <see cref="AllColumn"/>.</param>
    /// <returns>The grouped table.</returns>
    /// <exception cref="ArgumentException">On length mismatch or duplicate group names.</exception>
    public static GroupedSummary Compute(ReadOnlySpan<double> values, IReadOnlyList<string?> groups, IReadOnlyList<string> groupOrder)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(groupOrder);
        if (groups.Count != values.Length)
        {
            throw new ArgumentException($"groups has {groups.Count} entries for {values.Length} values.", nameof(groups));
        }

        var index = new Dictionary<string, int>(groupOrder.Count, StringComparer.Ordinal);
        for (int g = 0; g < groupOrder.Count; g++)
        {
            if (groupOrder[g] == AllColumn || !index.TryAdd(groupOrder[g], g))
            {
                throw new ArgumentException($"Duplicate or reserved group name '{groupOrder[g]}'.", nameof(groupOrder));
            }
        }

        int k = groupOrder.Count;
        var counts = new int[k + 1];
        var missing = new int[k + 1];
        var rowGroup = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            string? key = groups[i];
            int g = key is not null && index.TryGetValue(key, out int found) ? found : -1;
            rowGroup[i] = g;
            bool nan = double.IsNaN(values[i]);
            if (g >= 0)
            {
                if (nan)
                {
                    missing[g]++;
                }
                else
                {
                    counts[g]++;
                }
            }

            if (nan)
            {
                missing[k]++;
            }
            else
            {
                counts[k]++;
            }
        }

        var data = new double[k + 1][];
        var fill = new int[k + 1];
        for (int g = 0; g <= k; g++)
        {
            data[g] = new double[counts[g]];
        }

        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (double.IsNaN(v))
            {
                continue;
            }

            int g = rowGroup[i];
            if (g >= 0)
            {
                data[g][fill[g]++] = v;
            }

            data[k][fill[k]++] = v;
        }

        var columns = new string[k + 1];
        var summaries = new DescriptiveSummary[k + 1];
        var proportions = new double[k + 1];
        int grouped = 0;
        for (int g = 0; g <= k; g++)
        {
            columns[g] = g < k ? groupOrder[g] : AllColumn;
            summaries[g] = DescriptiveSummary.FromClean(data[g], missing[g]);
            proportions[g] = counts[k] == 0 ? double.NaN : (double)counts[g] / counts[k];
            grouped += g < k ? counts[g] : 0;
        }

        return new GroupedSummary(columns, summaries, proportions, counts[k] - grouped);
    }
}
