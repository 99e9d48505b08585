using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;

namespace DataGate.Core.Reports;

/// <summary>Writes the outputs of a run, each file atomically, and says which file is which (<see cref="ReportFile"/>).</summary>
public static class ReportSet
{
    /// <summary>Writes report.json, summary.md, metrics.csv, kept.csv and one manifest per split (NAME.csv) into <paramref name="outputDirectory"/>.</summary>
    /// <returns>The files written, each with its kind, and a DG3011 diagnostic when one could not be.</returns>
    internal static (IReadOnlyList<ReportFile> Written, Diagnostic? Error) WriteAll(string outputDirectory, GateResult result, IReadOnlyList<ReportSection>? sections = null)
    {
        var (written, error, _) = WriteAll(outputDirectory, result, sections, null);
        return (written, error);
    }

    /// <summary>
    /// Writes report.json, summary.md, metrics.csv and kept.csv into <paramref name="outputDirectory"/> (when not null),
    /// then report.html there and the JUnit and SARIF files the options name.
    /// </summary>
    /// <returns>The files written, a DG3011 diagnostic when one could not be, and warnings (DG3020 thumbnails).</returns>
    internal static (IReadOnlyList<ReportFile> Written, Diagnostic? Error, IReadOnlyList<Diagnostic> Warnings) WriteAll(
        string? outputDirectory, GateResult result, IReadOnlyList<ReportSection>? sections, GateRunOptions? options)
    {
        ArgumentNullException.ThrowIfNull(result);
        var written = new List<ReportFile>();
        var warnings = new List<Diagnostic>();
        string current = outputDirectory ?? string.Empty;
        try
        {
            if (outputDirectory is null)
            {
                WriteCiReports(result, options, written, ref current);
                return (written, null, warnings);
            }

            Directory.CreateDirectory(outputDirectory);
            current = Path.Combine(outputDirectory, "report.json");
            AtomicFile.Write(current, s => ReportJsonWriter.Write(s, result, sections));
            written.Add(new ReportFile(current, ReportFileKind.Report));
            current = Path.Combine(outputDirectory, "summary.md");
            AtomicFile.WriteText(current, w => SummaryMarkdownWriter.Write(w, result, sections));
            written.Add(new ReportFile(current, ReportFileKind.Summary));
            current = Path.Combine(outputDirectory, "metrics.csv");
            AtomicFile.WriteText(current, w => MetricsCsvWriter.Write(w, result.Records, result.Duplicates.GroupOfImage));
            written.Add(new ReportFile(current, ReportFileKind.Metrics));
            current = Path.Combine(outputDirectory, "kept.csv");
            AtomicFile.WriteText(current, w => KeptCsvWriter.Write(w, result));
            written.Add(new ReportFile(current, ReportFileKind.KeptManifest));
            var (splits, splitError) = WriteSplits(outputDirectory, result);
            written.AddRange(splits);
            if (splitError is not null)
            {
                return (written, splitError, warnings);
            }

            if (options?.HtmlReport is { } html)
            {
                current = Path.Combine(outputDirectory, "report.html");
                AtomicFile.WriteText(current, w => warnings.AddRange(Html.HtmlReportWriter.Write(w, result, html)));
                written.Add(new ReportFile(current, ReportFileKind.Other, "html"));
            }

            WriteCiReports(result, options, written, ref current);
            return (written, null, warnings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (written, DiagnosticCodes.WriteFailed.Create($"cannot write '{current}': {ex.Message}"), warnings);
        }
    }

    /// <summary>Writes one manifest per split (NAME.csv) into <paramref name="outputDirectory"/>; nothing without splits.</summary>
    internal static (IReadOnlyList<ReportFile> Written, Diagnostic? Error) WriteSplits(string outputDirectory, GateResult result)
    {
        var written = new List<ReportFile>();
        if (result.Splits is not { } plan)
        {
            return (written, null);
        }

        string current = outputDirectory;
        try
        {
            Directory.CreateDirectory(outputDirectory);
            for (int s = 0; s < plan.Names.Count; s++)
            {
                current = Path.Combine(outputDirectory, plan.Names[s] + ".csv");
                AtomicFile.WriteText(current, w => SplitCsvWriter.Write(w, result, plan, s));
                written.Add(new ReportFile(current, ReportFileKind.Split, plan.Names[s]));
            }

            return (written, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (written, DiagnosticCodes.WriteFailed.Create($"cannot write '{current}': {ex.Message}"));
        }
    }

    private static void WriteCiReports(GateResult result, GateRunOptions? options, List<ReportFile> written, ref string current)
    {
        if (options?.JUnitPath is { } junit)
        {
            current = junit;
            CreateParent(junit);
            AtomicFile.Write(junit, s => JUnitWriter.Write(s, result));
            written.Add(new ReportFile(junit, ReportFileKind.Other, "junit"));
        }

        if (options?.SarifPath is { } sarif)
        {
            current = sarif;
            CreateParent(sarif);
            AtomicFile.Write(sarif, s => SarifWriter.Write(s, result, options.DisplayBasePath));
            written.Add(new ReportFile(sarif, ReportFileKind.Other, "sarif"));
        }
    }

    private static void CreateParent(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } parent)
        {
            Directory.CreateDirectory(parent);
        }
    }

    /// <param name="path">The file to write.</param>
    /// <param name="rows">The rows, in order.</param>
    /// <param name="duplicates">Duplicate groups of the rows (the <c>duplicate_group</c> column), or null.</param>
    /// <summary>Writes metrics.csv for rows (every metric, the duplicate group of each row) to <paramref name="path"/>, atomically.</summary>
    /// <returns>The file written, or a DG3011 diagnostic.</returns>
    public static (ReportFile? Written, Diagnostic? Error) WriteMetrics(string path, IReadOnlyList<Analysis.ImageRecord> rows, Duplicates.DuplicateReport? duplicates)
    {
        try
        {
            AtomicFile.WriteText(path, w => MetricsCsvWriter.Write(w, rows, duplicates?.GroupOfImage));
            return (new ReportFile(path, ReportFileKind.Metrics), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, DiagnosticCodes.WriteFailed.Create($"cannot write '{path}': {ex.Message}"));
        }
    }

    /// <summary>
    /// Writes the duplicate groups as CSV (columns: group, kind, path, kept, linked_to, distance, dhash_distance,
    /// correlation, mirrored, similarity; one row per member): the dedup-only output of <c>datagate duplicates</c>.
    /// </summary>
    /// <param name="path">File to write (replaced atomically).</param>
    /// <param name="duplicates">The groups, e.g. <see cref="Rules.FittedGate.Duplicates"/>.</param>
    public static (ReportFile? Written, Diagnostic? Error) WriteDuplicates(string path, Duplicates.DuplicateReport duplicates)
    {
        ArgumentNullException.ThrowIfNull(duplicates);
        try
        {
            AtomicFile.WriteText(path, w => DuplicatesCsvWriter.Write(w, duplicates));
            return (new ReportFile(path, ReportFileKind.Other), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, DiagnosticCodes.WriteFailed.Create($"cannot write '{path}': {ex.Message}"));
        }
    }
}
