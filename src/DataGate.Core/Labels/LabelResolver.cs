using System.Globalization;
using System.Text.RegularExpressions;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Statistics;

namespace DataGate.Core.Labels;

/// <summary>
/// Attaches labels to records from the configured source, checks them against the declared fields and adds the
/// derived bin fields. Every file whose labels cannot be read gets a finding; no record is dropped. The input records
/// are not written: the labelled records are copies.
/// </summary>
internal static class LabelResolver
{
    /// <summary>Returns copies of the records with <see cref="ImageRecord.Labels"/> read from the configured source.</summary>
    /// <param name="config">The configuration (its label source and fields).</param>
    /// <param name="input">The records, in order.</param>
    /// <param name="displayBasePath">Folder a CSV manifest's path is shown relative to in diagnostics; null shows it in full.</param>
    /// <returns>The labelled records (same order) and the findings (DG2010–DG2013) and manifest errors (DG1017).</returns>
    public static (IReadOnlyList<ImageRecord> Records, List<Diagnostic> Diagnostics) Resolve(GateConfig config, IReadOnlyList<ImageRecord> input, string? displayBasePath = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(input);
        var records = input.Select(r => r.Copy()).ToList();
        var diagnostics = new List<Diagnostic>();
        var source = config.Dataset.Labels;
        switch (source.Kind)
        {
            case LabelSourceKind.FileName:
                foreach (var r in records)
                {
                    var name = r.Path[(r.Path.LastIndexOf('/') + 1)..];
                    Match match;
                    try
                    {
                        match = source.Pattern!.Match(name);
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        diagnostics.Add(DiagnosticCodes.LabelNotParsed.Create($"the label pattern took longer than {source.Pattern!.MatchTimeout.TotalSeconds:0} s on this file name (a backtracking pattern: simplify it); the image has no labels", source.Location, r.Path));
                        continue;
                    }

                    if (!match.Success)
                    {
                        diagnostics.Add(DiagnosticCodes.LabelNotParsed.Create("file name does not match the label pattern; the image has no labels", source.Location, r.Path));
                        continue;
                    }

                    foreach (var group in source.Pattern.GetGroupNames())
                    {
                        if (!int.TryParse(group, out _) && match.Groups[group].Success)
                        {
                            r.LabelSlots[group] = match.Groups[group].Value;
                        }
                    }
                }

                break;
            case LabelSourceKind.Folder:
                foreach (var r in records)
                {
                    int slash = r.Path.LastIndexOf('/');
                    if (slash < 0)
                    {
                        diagnostics.Add(DiagnosticCodes.LabelNotParsed.Create("image lies directly in the dataset root, so it has no class folder", source.Location, r.Path));
                        continue;
                    }

                    var parent = r.Path[..slash];
                    r.LabelSlots[source.FolderField!] = parent[(parent.LastIndexOf('/') + 1)..];
                }

                break;
            case LabelSourceKind.Csv:
                CsvLabels.Apply(config, source, records, diagnostics, displayBasePath);
                break;
        }

        if (!diagnostics.Any(d => d.Severity == Severity.Error && DiagnosticCodes.CategoryOf(d) == DiagnosticCategory.Configuration))
        {
            CheckCoverage(config, records, diagnostics);
        }

        CheckTypesAndBin(config, records, diagnostics);
        return (records, diagnostics);
    }

    /// <summary>
    /// A declared field that no image carries is an error (DG2015): rules over it would judge an empty column. One that
    /// most images lack is a warning with the count, so a half-filled manifest column is not read as a balanced one.
    /// </summary>
    private static void CheckCoverage(GateConfig config, IReadOnlyList<ImageRecord> records, List<Diagnostic> diagnostics)
    {
        var readable = records.Where(r => r.Error is null).ToList();
        if (readable.Count == 0)
        {
            return;
        }

        foreach (var field in config.Fields)
        {
            int carried = readable.Count(r => r.Labels.ContainsKey(field.Name));
            if (carried == 0)
            {
                diagnostics.Add(DiagnosticCodes.FieldMostlyMissing.Create(Severity.Error, $"declared field '{field.Name}' has no value for any of the {readable.Count} images; check the label source (column name, pattern group)", field.Location));
            }
            else if (carried * 2 < readable.Count)
            {
                diagnostics.Add(DiagnosticCodes.FieldMostlyMissing.Create($"declared field '{field.Name}' has a value for only {carried} of {readable.Count} images; the others count as missing in balance and parity", field.Location));
            }
        }
    }

    /// <summary>
    /// Returns copies of the records with labels a host read itself (e.g. ML.NET columns), checked against the declared
    /// fields and binned like labels from the configured source.
    /// </summary>
    /// <param name="config">The configuration (its fields).</param>
    /// <param name="input">The records, in order.</param>
    /// <param name="labels">Per record (same order): field name → raw value; absent fields are missing.</param>
    /// <returns>The labelled records (same order) and the findings (DG2011, DG2012).</returns>
    public static (IReadOnlyList<ImageRecord> Records, List<Diagnostic> Diagnostics) ResolveGiven(GateConfig config, IReadOnlyList<ImageRecord> input, IReadOnlyList<IReadOnlyDictionary<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != input.Count)
        {
            throw new ArgumentException($"{labels.Count} label rows for {input.Count} records", nameof(labels));
        }

        var records = input.Select(r => r.Copy()).ToList();
        for (int i = 0; i < records.Count; i++)
        {
            records[i].LabelSlots.Clear();
            foreach (var (field, value) in labels[i])
            {
                records[i].LabelSlots[field] = value;
            }
        }

        var diagnostics = new List<Diagnostic>();
        CheckTypesAndBin(config, records, diagnostics);
        return (records, diagnostics);
    }

    private static void CheckTypesAndBin(GateConfig config, IReadOnlyList<ImageRecord> records, List<Diagnostic> diagnostics)
    {
        foreach (var field in config.Fields)
        {
            var binning = field.Bins is null ? null : Binning.WithOpenLastBin(field.Bins);
            foreach (var r in records)
            {
                if (!r.Labels.TryGetValue(field.Name, out var raw))
                {
                    continue;
                }

                switch (field.Type)
                {
                    case FieldType.Integer when !long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _):
                    case FieldType.Number when !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d):
                        diagnostics.Add(DiagnosticCodes.LabelBadValue.Create($"{field.Name} '{raw}' is not {(field.Type == FieldType.Integer ? "a whole number" : "a number")}; treated as missing", field.Location, r.Path));
                        r.LabelSlots.Remove(field.Name);
                        continue;
                    case FieldType.Category when field.Names.Count > 0 && !field.Names.ContainsKey(raw):
                        diagnostics.Add(DiagnosticCodes.LabelUnknownCategory.Create($"{field.Name} '{raw}' is not one of the declared values {string.Join(", ", field.Names.Keys)}", field.Location, r.Path));
                        continue;
                }

                if (binning is not null)
                {
                    var bin = binning.LabelOf(double.Parse(raw, CultureInfo.InvariantCulture));
                    if (bin is not null)
                    {
                        r.LabelSlots[field.BinFieldName!] = bin;
                    }
                }
            }
        }
    }
}
