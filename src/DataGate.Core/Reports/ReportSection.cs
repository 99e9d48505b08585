using System.Text.Json;

namespace DataGate.Core.Reports;

/// <summary>An extra top-level section of report.json and summary.md (duplicates, balance tables, ...).</summary>
internal abstract class ReportSection
{
    /// <summary>Property name in report.json (snake_case).</summary>
    public abstract string Name { get; }

    /// <summary>Writes the section's JSON value.</summary>
    public abstract void WriteJson(Utf8JsonWriter writer);

    /// <summary>Writes the section's Markdown (a <c>##</c> heading and its body).</summary>
    public abstract void WriteMarkdown(TextWriter writer);
}
