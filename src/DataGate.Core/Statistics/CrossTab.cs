namespace DataGate.Core.Statistics;

/// <summary>
/// Contingency table of two categorical variables (pandas <c>crosstab</c>), e.g. age bin × gender or race × gender.
/// Pairs with a null key, or a key outside the requested order, are left out and counted in <see cref="Missing"/>.
/// </summary>
public sealed class CrossTab
{
    /// <summary>Name of the margin column in <see cref="CountRows"/> and <see cref="ShareRows"/>.</summary>
    public const string TotalColumn = "Total";

    private readonly long[,] _counts;
    private readonly long[] _rowTotals;
    private readonly long[] _columnTotals;

    private CrossTab(IReadOnlyList<string> rows, IReadOnlyList<string> columns, long[,] counts, long missing)
    {
        RowLabels = rows;
        ColumnLabels = columns;
        _counts = counts;
        Missing = missing;
        _rowTotals = new long[rows.Count];
        _columnTotals = new long[columns.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < columns.Count; c++)
            {
                _rowTotals[r] += counts[r, c];
                _columnTotals[c] += counts[r, c];
                Total += counts[r, c];
            }
        }
    }

    /// <summary>Row categories in table order.</summary>
    public IReadOnlyList<string> RowLabels { get; }

    /// <summary>Column categories in table order.</summary>
    public IReadOnlyList<string> ColumnLabels { get; }

    /// <summary>Number of pairs counted in the table (≥ 0).</summary>
    public long Total { get; }

    /// <summary>Pairs left out: a null key on either side, or a key not in the requested order.</summary>
    public long Missing { get; }

    /// <summary>Count of pairs in row <paramref name="row"/> and column <paramref name="column"/>.</summary>
    public long Count(int row, int column) => _counts[row, column];

    /// <summary>Count over all columns of a row.</summary>
    public long RowTotal(int row) => _rowTotals[row];

    /// <summary>Count over all rows of a column.</summary>
    public long ColumnTotal(int column) => _columnTotals[column];

    /// <summary>Cell count / <see cref="Total"/>, in [0, 1]; NaN when the table is empty.</summary>
    public double Share(int row, int column) => Ratio(_counts[row, column], Total);

    /// <summary>Cell count / its column total (pandas <c>normalize="columns"</c>); NaN for an empty column.</summary>
    public double ColumnShare(int row, int column) => Ratio(_counts[row, column], _columnTotals[column]);

    /// <summary>Cell count / its row total (pandas <c>normalize="index"</c>); NaN for an empty row.</summary>
    public double RowShare(int row, int column) => Ratio(_counts[row, column], _rowTotals[row]);

    /// <summary>Rows of counts, one per row category: the columns in order, then <see cref="TotalColumn"/> (the row total).</summary>
    public IReadOnlyList<StatisticRow> CountRows() => BuildRows((r, c) => c < ColumnLabels.Count ? _counts[r, c] : _rowTotals[r]);

    /// <summary>Rows of shares of each column: cell / column total, then the row total / <see cref="Total"/> in <see cref="TotalColumn"/>.</summary>
    public IReadOnlyList<StatisticRow> ShareRows() =>
        BuildRows((r, c) => c < ColumnLabels.Count ? ColumnShare(r, c) : Ratio(_rowTotals[r], Total));

    /// <summary>
    /// Counts the pairs (<paramref name="rowKeys"/>[i], <paramref name="columnKeys"/>[i]).
    /// </summary>
    /// <param name="rowKeys">Row category per item; null = missing.</param>
    /// <param name="columnKeys">Column category per item, same length; null = missing.</param>
    /// <param name="rowOrder">Row categories to report, in order (all kept, even when empty); null = the distinct non-null keys sorted ordinally, as pandas sorts.</param>
    /// <param name="columnOrder">Column categories to report, in order; null = sorted distinct keys.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException">On length mismatch or a repeated category in an order.</exception>
    public static CrossTab Compute(
        IReadOnlyList<string?> rowKeys,
        IReadOnlyList<string?> columnKeys,
        IReadOnlyList<string>? rowOrder = null,
        IReadOnlyList<string>? columnOrder = null)
    {
        ArgumentNullException.ThrowIfNull(rowKeys);
        ArgumentNullException.ThrowIfNull(columnKeys);
        if (rowKeys.Count != columnKeys.Count)
        {
            throw new ArgumentException($"rowKeys has {rowKeys.Count} entries, columnKeys {columnKeys.Count}.", nameof(columnKeys));
        }

        var rows = rowOrder ?? SortedDistinct(rowKeys);
        var columns = columnOrder ?? SortedDistinct(columnKeys);
        var rowIndex = IndexOf(rows, nameof(rowOrder));
        var columnIndex = IndexOf(columns, nameof(columnOrder));
        var counts = new long[rows.Count, columns.Count];
        long missing = 0;
        for (int i = 0; i < rowKeys.Count; i++)
        {
            string? rk = rowKeys[i];
            string? ck = columnKeys[i];
            if (rk is not null && ck is not null && rowIndex.TryGetValue(rk, out int r) && columnIndex.TryGetValue(ck, out int c))
            {
                counts[r, c]++;
            }
            else
            {
                missing++;
            }
        }

        return new CrossTab([.. rows], [.. columns], counts, missing);
    }

    private List<StatisticRow> BuildRows(Func<int, int, double> cell)
    {
        var result = new List<StatisticRow>(RowLabels.Count);
        for (int r = 0; r < RowLabels.Count; r++)
        {
            var values = new double[ColumnLabels.Count + 1];
            for (int c = 0; c < values.Length; c++)
            {
                values[c] = cell(r, c);
            }

            result.Add(new StatisticRow(RowLabels[r], values));
        }

        return result;
    }

    private static double Ratio(long part, long whole) => whole == 0 ? double.NaN : (double)part / whole;

    private static string[] SortedDistinct(IReadOnlyList<string?> keys)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < keys.Count; i++)
        {
            if (keys[i] is { } k)
            {
                set.Add(k);
            }
        }

        var result = set.ToArray();
        Array.Sort(result, StringComparer.Ordinal);
        return result;
    }

    private static Dictionary<string, int> IndexOf(IReadOnlyList<string> order, string parameter)
    {
        var index = new Dictionary<string, int>(order.Count, StringComparer.Ordinal);
        for (int i = 0; i < order.Count; i++)
        {
            if (!index.TryAdd(order[i], i))
            {
                throw new ArgumentException($"Category '{order[i]}' is repeated.", parameter);
            }
        }

        return index;
    }
}
