using System.Text;
using System.Text.Json;
using DataGate.Core.Diagnostics;

namespace DataGate.Core.Sharding;

/// <summary>
/// A diagnostic as a small JSON object (<c>code, severity, message, file, line, column, image, rule</c>), written with
/// a fixed property order so the same diagnostic always gives the same bytes. Used in plan files and shard columns.
/// </summary>
internal static class DiagnosticJson
{
    public static void Write(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("code", d.Code);
        w.WriteString("severity", d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" });
        w.WriteString("message", d.Message);
        if (d.Location is { } at)
        {
            w.WriteString("file", at.File);
            w.WriteNumber("line", at.Line);
            w.WriteNumber("column", at.Column);
        }

        if (d.ImagePath is not null)
        {
            w.WriteString("image", d.ImagePath);
        }

        if (d.RuleId is not null)
        {
            w.WriteString("rule", d.RuleId);
        }

        w.WriteEndObject();
    }

    /// <summary>A list of diagnostics as a JSON array; null for an empty list.</summary>
    public static string? ToArrayText(IReadOnlyList<Diagnostic> list)
    {
        if (list.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var d in list)
            {
                Write(w, d);
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string ToText(Diagnostic d)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            Write(w, d);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a diagnostic object; throws <see cref="InvalidDataException"/> when it is malformed.</summary>
    public static Diagnostic Read(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("a diagnostic is not a JSON object");
        }

        string code = Text(e, "code") ?? throw new InvalidDataException("a diagnostic has no code");
        var severity = Text(e, "severity") switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "info" => Severity.Info,
            var s => throw new InvalidDataException($"bad severity '{s}'"),
        };
        string message = Text(e, "message") ?? throw new InvalidDataException("a diagnostic has no message");
        SourceSpan? location = Text(e, "file") is { } file ? new SourceSpan(file, e.GetProperty("line").GetInt32(), e.GetProperty("column").GetInt32()) : null;
        return new Diagnostic(code, severity, message, location, Text(e, "image"), Text(e, "rule"));
    }

    public static Diagnostic ReadText(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Read(doc.RootElement);
    }

    public static List<Diagnostic> ReadArrayText(string? json)
    {
        var list = new List<Diagnostic>();
        if (string.IsNullOrEmpty(json))
        {
            return list;
        }

        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("a diagnostic list is not a JSON array");
        }

        foreach (var e in doc.RootElement.EnumerateArray())
        {
            list.Add(Read(e));
        }

        return list;
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
