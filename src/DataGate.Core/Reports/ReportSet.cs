using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;

namespace DataGate.Core.Reports;

/// <summary>Writes every output of a run into one folder, each file atomically.</summary>
public static class ReportSet
{
    /// <summary>Writes report.json, summary.md, metrics.csv and kept.csv into <paramref name="outputDirectory"/>.</summary>
    /// <returns>The paths written, or a DG3011 diagnostic when one could not be.</returns>
    public static (IReadOnlyList<string> Written, Diagnostic? Error) WriteAll(string outputDirectory, GateResult result, IReadOnlyList<ReportSection>? sections = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var written = new List<string>();
        string current = outputDirectory;
        try
        {
            Directory.CreateDirectory(outputDirectory);
            current = Path.Combine(outputDirectory, "report.json");
            AtomicFile.Write(current, s => ReportJsonWriter.Write(s, result, sections));
            written.Add(current);
            current = Path.Combine(outputDirectory, "summary.md");
            AtomicFile.WriteText(current, w => SummaryMarkdownWriter.Write(w, result, sections));
            written.Add(current);
            current = Path.Combine(outputDirectory, "metrics.csv");
            AtomicFile.WriteText(current, w => MetricsCsvWriter.Write(w, result.Records));
            written.Add(current);
            current = Path.Combine(outputDirectory, "kept.csv");
            AtomicFile.WriteText(current, w => KeptCsvWriter.Write(w, result));
            written.Add(current);
            return (written, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (written, DiagnosticCodes.WriteFailed.Create($"cannot write '{current}': {ex.Message}"));
        }
    }
}
