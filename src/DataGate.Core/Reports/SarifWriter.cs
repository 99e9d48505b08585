using System.Text.Json;
using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;

namespace DataGate.Core.Reports;

/// <summary>
/// Writes the findings as SARIF 2.1.0 so code-scanning UIs annotate datagate.yml: each finding is one result at its
/// rule's line and column (a finding about one image without a rule position is located at the image), the images a
/// finding names are its related locations, and each DG code used is described once in <c>tool.driver.rules</c>.
/// Paths are relative to a base folder (<c>%SRCROOT%</c>, e.g. the repository the CLI runs in) when inside it.
/// </summary>
internal static class SarifWriter
{
    /// <summary>Related locations per result (code-scanning services accept at most 1,000); the count is in the result's properties.</summary>
    public const int MaxRelatedLocations = 1000;

    private const string SrcRoot = "%SRCROOT%";

    public static void Write(Stream stream, GateResult result, string? baseDirectory)
    {
        var baseDir = baseDirectory is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDirectory));
        var findings = result.Findings.OrderByDescending(f => f.Diagnostic.Severity).ThenBy(f => f.Diagnostic.Code, StringComparer.Ordinal).ToList();
        var codes = findings.Select(f => f.Diagnostic.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ruleIndex = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "DataGate");
        if (ProductVersion.Text is { } version)
        {
            w.WriteString("semanticVersion", version);
        }

        w.WriteStartArray("rules");
        foreach (var code in codes)
        {
            var descriptor = DiagnosticCodes.Find(code);
            w.WriteStartObject();
            w.WriteString("id", code);
            w.WriteString("name", Name(descriptor?.Title ?? code));
            w.WriteStartObject("shortDescription");
            w.WriteString("text", descriptor?.Title ?? code);
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(descriptor?.DefaultSeverity ?? Severity.Warning));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("category", (descriptor?.Category ?? DiagnosticCategory.Internal).ToString());
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        if (baseDir is not null)
        {
            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject(SrcRoot);
            w.WriteString("uri", new Uri(baseDir + Path.DirectorySeparatorChar).AbsoluteUri);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteStartArray("results");
        foreach (var f in findings)
        {
            WriteResult(w, f, ruleIndex[f.Diagnostic.Code], result.Config.Dataset.Root, baseDir);
        }

        w.WriteEndArray();
        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", true);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Finding f, int ruleIndex, string datasetRoot, string? baseDir)
    {
        var d = f.Diagnostic;
        w.WriteStartObject();
        w.WriteString("ruleId", d.Code);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", Level(d.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", (d.RuleId is null ? string.Empty : $"rule '{d.RuleId}': ") + d.Message + (d.ImagePath is null ? string.Empty : $" [{d.ImagePath}]"));
        w.WriteEndObject();
        string? imageFile = d.ImagePath is null || datasetRoot.Length == 0 ? null : Path.Combine(datasetRoot, d.ImagePath);
        if (d.Location is not null || imageFile is not null)
        {
            w.WriteStartArray("locations");
            if (d.Location is { } at)
            {
                WriteLocation(w, at.File, at.Line, at.Column, baseDir, null);
            }
            else
            {
                WriteLocation(w, imageFile!, 0, 0, baseDir, null);
            }

            w.WriteEndArray();
        }

        var related = new List<string>();
        if (d.Location is not null && imageFile is not null)
        {
            related.Add(imageFile);
        }

        if (datasetRoot.Length > 0)
        {
            related.AddRange(f.Images.Select(i => Path.Combine(datasetRoot, i.Path)));
        }

        if (related.Count > 0)
        {
            w.WriteStartArray("relatedLocations");
            int id = 1;
            foreach (var file in related.Distinct(StringComparer.Ordinal).Take(MaxRelatedLocations))
            {
                WriteLocation(w, file, 0, 0, baseDir, id++);
            }

            w.WriteEndArray();
        }

        w.WriteStartObject("properties");
        if (d.RuleId is not null)
        {
            w.WriteString("datagateRule", d.RuleId);
        }

        if (f.Observed is { } observed && double.IsFinite(observed))
        {
            w.WriteNumber("observed", observed);
        }

        if (f.Threshold is not null)
        {
            w.WriteString("threshold", f.Threshold);
        }

        w.WriteNumber("imageCount", f.Images.Count);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, string file, int line, int column, string? baseDir, int? id)
    {
        w.WriteStartObject();
        if (id is { } i)
        {
            w.WriteNumber("id", i);
        }

        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        var full = Path.GetFullPath(file);
        var relative = baseDir is null ? null : Path.GetRelativePath(baseDir, full);
        if (relative is not null && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
        {
            w.WriteString("uri", string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)));
            w.WriteString("uriBaseId", SrcRoot);
        }
        else
        {
            w.WriteString("uri", new Uri(full).AbsoluteUri);
        }

        w.WriteEndObject();
        if (line > 0)
        {
            w.WriteStartObject("region");
            w.WriteNumber("startLine", line);
            w.WriteNumber("startColumn", Math.Max(column, 1));
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Level(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };

    private static string Name(string title) =>
        string.Concat(title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => char.ToUpperInvariant(word[0]) + word[1..]))
            .Replace(";", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
}
