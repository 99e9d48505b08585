using DataGate.Core.Rules;

namespace DataGate.Core.Reports;

/// <summary>Writes <c>kept.csv</c>, the filtered manifest: <c>path</c> then one column per label field, for every kept image.</summary>
internal static class KeptCsvWriter
{
    /// <summary>Writes the manifest.</summary>
    public static void Write(TextWriter w, GateResult result)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(result);
        var fields = LabelColumns(result);
        // Label names come from a CSV manifest's header too, so they are quoted like values when they need it.
        w.WriteLine(string.Join(',', fields.Select(Csv.Field).Prepend("path")));
        foreach (var r in result.Kept)
        {
            w.WriteLine(string.Join(',', fields.Select(f => Csv.Field(r.Labels.GetValueOrDefault(f))).Prepend(Csv.Field(r.Path))));
        }
    }

    /// <summary>Label columns: declared fields and their bins first, then any other label seen, in ordinal order.</summary>
    public static IReadOnlyList<string> LabelColumns(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var declared = new List<string>();
        foreach (var f in result.Config.Fields)
        {
            declared.Add(f.Name);
            if (f.BinFieldName is not null)
            {
                declared.Add(f.BinFieldName);
            }
        }

        var others = result.Records.SelectMany(r => r.Labels.Keys).Distinct(StringComparer.Ordinal).Where(k => !declared.Contains(k)).OrderBy(k => k, StringComparer.Ordinal);
        return [.. declared, .. others];
    }
}
