using System.Text.Json;
using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;

namespace DataGate.Core.Reports;

/// <summary>
/// Writes <c>report.json</c>, schema <c>datagate-report</c> version <see cref="SchemaVersion"/> (documented in
/// docs/report-json.md). Additive changes keep the version; anything else bumps it.
/// </summary>
internal static class ReportJsonWriter
{
    /// <summary>Version of the report schema.</summary>
    public const int SchemaVersion = 2;

    /// <summary>Writes the report.</summary>
    public static void Write(Stream stream, GateResult result, IReadOnlyList<ReportSection>? sections = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("schema", "datagate-report");
        w.WriteNumber("schema_version", SchemaVersion);
        w.WriteString("datagate_version", ProductVersion.Text);
        w.WriteString("config", result.Config.SourcePath);
        w.WriteString("dataset_root", result.Config.Dataset.Root);
        w.WriteBoolean("passed", result.Passed);
        w.WriteStartObject("counts");
        w.WriteNumber("total", result.Counts.Total);
        w.WriteNumber("kept", result.Counts.Kept);
        w.WriteNumber("excluded", result.Counts.Excluded);
        w.WriteNumber("errored", result.Counts.Errored);
        w.WriteEndObject();

        w.WriteStartArray("rules");
        foreach (var rule in result.Config.Quality)
        {
            var (min, max) = result.ResolvedBounds[rule.Id];
            var finding = result.Findings.FirstOrDefault(f => f.Diagnostic.RuleId == rule.Id && f.Diagnostic.Code != DiagnosticCodes.MetricUnavailable.Code);
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("kind", "quality");
            w.WriteString("metric", rule.Metric);
            w.WriteString("description", rule.Describe());
            WriteLocation(w, rule.Location);
            w.WriteString("action", rule.Action.ToString().ToLowerInvariant());
            w.WriteNumber("mostly", rule.Mostly);
            WriteNumber(w, "min", min);
            WriteNumber(w, "max", max);
            w.WriteString("status", finding is null ? "passed" : finding.Diagnostic.Code == DiagnosticCodes.QualityRuleFailed.Code ? "failed" : "flagged");
            WriteNumber(w, "pass_share", finding?.Observed ?? 1.0);
            w.WriteNumber("offending", finding?.Images.Count ?? 0);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("findings");
        foreach (var f in result.Findings)
        {
            WriteFinding(w, f);
        }

        w.WriteEndArray();

        w.WriteStartArray("excluded");
        foreach (var (path, rules) in result.Exclusions.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("path", path);
            w.WriteStartArray("rules");
            foreach (var id in rules)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("errored");
        foreach (var r in result.Records.Where(r => r.Error is not null))
        {
            w.WriteStartObject();
            w.WriteString("path", r.Path);
            w.WriteString("code", r.Error!.Code);
            w.WriteString("message", r.Error.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        foreach (var section in sections ?? [])
        {
            w.WritePropertyName(section.Name);
            section.WriteJson(w);
        }

        w.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding f)
    {
        var d = f.Diagnostic;
        w.WriteStartObject();
        w.WriteString("code", d.Code);
        w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
        w.WriteString("message", d.Message);
        if (d.RuleId is not null)
        {
            w.WriteString("rule_id", d.RuleId);
        }

        if (d.Location is not null)
        {
            WriteLocation(w, d.Location);
        }

        if (d.ImagePath is not null)
        {
            w.WriteString("image", d.ImagePath);
        }

        if (f.Observed is { } observed)
        {
            WriteNumber(w, "observed", observed);
        }

        if (f.Threshold is not null)
        {
            w.WriteString("threshold", f.Threshold);
        }

        if (f.Images.Count > 0)
        {
            w.WriteStartArray("images");
            foreach (var img in f.Images)
            {
                w.WriteStartObject();
                w.WriteString("path", img.Path);
                WriteNumber(w, "value", img.Value);
                if (img.Note is not null)
                {
                    w.WriteString("note", img.Note);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, SourceSpan location)
    {
        w.WriteStartObject("location");
        w.WriteString("file", location.File);
        w.WriteNumber("line", location.Line);
        w.WriteNumber("column", location.Column);
        w.WriteEndObject();
    }

    /// <summary>Writes a number, or null for NaN and ±infinity (JSON has no such numbers).</summary>
    internal static void WriteNumber(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
