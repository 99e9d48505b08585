using DataGate.Core.Analysis;

namespace DataGate.Core.Reports;

/// <summary>
/// Writes <c>metrics.csv</c>: one row per input file in ordinal path order. Columns (a public contract):
/// <c>path, format, mode</c>, every metric of <see cref="MetricCatalog"/> that is not opt-in, then the opt-in metrics
/// (the <c>eda_*</c> family) of a family some row has a value of, every column of <see cref="TextColumns"/>, then
/// <c>error</c> (empty, or the diagnostic code and message). A run that does not compute an opt-in family writes the
/// same columns as before the family existed.
/// </summary>
internal static class MetricsCsvWriter
{
    /// <summary>The header without opt-in columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ColumnsOf(MetricCatalog.All.Where(m => !m.IsOptIn).ToList());

    /// <summary>The metrics written for <paramref name="records"/>: the default ones, and each opt-in family some row has a value of.</summary>
    public static IReadOnlyList<MetricDefinition> MetricsFor(IReadOnlyCollection<ImageRecord> records)
    {
        var families = MetricCatalog.All.Where(m => m.IsOptIn && records.Any(r => !double.IsNaN(r.Values[m.Index]))).Select(m => m.Family).ToHashSet(StringComparer.Ordinal);
        return MetricCatalog.All.Where(m => !m.IsOptIn || families.Contains(m.Family)).ToList();
    }

    private static List<string> ColumnsOf(IReadOnlyList<MetricDefinition> metrics) =>
        ["path", "format", "mode", .. metrics.Select(m => m.Name), .. TextColumns.All, "error"];

    /// <summary>Writes the records to <paramref name="writer"/>.</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="records">Rows, in the order to write.</param>
    /// <param name="duplicateGroups">Each image's duplicate group id (<see cref="Duplicates.DuplicateReport.GroupOfImage"/>); null leaves the column empty.</param>
    public static void Write(TextWriter writer, IEnumerable<ImageRecord> records, IReadOnlyDictionary<string, string>? duplicateGroups = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        var rows = records as IReadOnlyCollection<ImageRecord> ?? records.ToList();
        var metrics = MetricsFor(rows);
        var columns = ColumnsOf(metrics);
        writer.WriteLine(string.Join(',', columns));
        var fields = new List<string>(columns.Count);
        foreach (var r in rows)
        {
            fields.Clear();
            fields.Add(Csv.Field(r.Path));
            fields.Add(r.Facts?.Format ?? string.Empty);
            fields.Add(r.Facts?.Mode ?? string.Empty);
            foreach (var m in metrics)
            {
                double v = r.Values[m.Index];
                fields.Add(m.IsFlag && !double.IsNaN(v) ? (v > 0 ? "true" : "false") : Csv.Number(v));
            }

            foreach (var t in TextColumns.All)
            {
                string? text = t == TextColumns.DuplicateGroup ? duplicateGroups?.GetValueOrDefault(r.Path) : r.Texts.GetValueOrDefault(t);
                fields.Add(Csv.Field(text));
            }

            fields.Add(r.Error is null ? string.Empty : Csv.Field($"{r.Error.Code}: {r.Error.Message}"));
            writer.WriteLine(string.Join(',', fields));
        }
    }
}
