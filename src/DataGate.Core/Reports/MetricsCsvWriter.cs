using DataGate.Core.Analysis;

namespace DataGate.Core.Reports;

/// <summary>
/// Writes <c>metrics.csv</c>: one row per input file in ordinal path order. Columns (a public contract):
/// <c>path, format, mode</c>, every metric of <see cref="MetricCatalog"/>, every column of <see cref="TextColumns"/>,
/// then <c>error</c> (empty, or the diagnostic code and message).
/// </summary>
internal static class MetricsCsvWriter
{
    /// <summary>The header, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["path", "format", "mode", .. MetricCatalog.All.Select(m => m.Name), .. TextColumns.All, "error"];

    /// <summary>Writes the records to <paramref name="writer"/>.</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="records">Rows, in the order to write.</param>
    /// <param name="duplicateGroups">Each image's duplicate group id (<see cref="Duplicates.DuplicateReport.GroupOfImage"/>); null leaves the column empty.</param>
    public static void Write(TextWriter writer, IEnumerable<ImageRecord> records, IReadOnlyDictionary<string, string>? duplicateGroups = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        writer.WriteLine(string.Join(',', Columns));
        var fields = new List<string>(Columns.Count);
        foreach (var r in records)
        {
            fields.Clear();
            fields.Add(Csv.Field(r.Path));
            fields.Add(r.Facts?.Format ?? string.Empty);
            fields.Add(r.Facts?.Mode ?? string.Empty);
            foreach (var m in MetricCatalog.All)
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
