using System.Text.Json;
using DataGate.Core.Duplicates;

namespace DataGate.Core.Reports;

/// <summary>The <c>duplicates</c> section of report.json and summary.md: every group, its kept member, distance and label conflicts.</summary>
internal sealed class DuplicatesSection : ReportSection
{
    private readonly DuplicateReport _report;

    /// <summary>Creates the section for a run's duplicate report.</summary>
    public DuplicatesSection(DuplicateReport report) => _report = report ?? throw new ArgumentNullException(nameof(report));

    /// <inheritdoc />
    public override string Name => "duplicates";

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("near_hash", _report.NearHash);
        writer.WriteNumber("near_max_distance", _report.NearRadius);
        writer.WriteStartArray("groups");
        foreach (var g in _report.Groups)
        {
            writer.WriteStartObject();
            writer.WriteString("id", g.Id);
            writer.WriteString("kind", g.Kind.ToString().ToLowerInvariant());
            writer.WriteString("kept", g.Kept);
            if (g.Kind == DuplicateKind.Exact)
            {
                writer.WriteBoolean("byte_identical", g.ByteIdentical);
            }
            else
            {
                writer.WriteNumber("max_distance", g.MaxDistance);
            }

            writer.WriteStartArray("members");
            foreach (var m in g.Members)
            {
                writer.WriteStringValue(m);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("conflicting_labels");
            foreach (var (field, values) in g.ConflictingLabels)
            {
                writer.WriteStartObject(field);
                foreach (var (path, value) in values)
                {
                    writer.WriteString(path, value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("image_groups");
        foreach (var (path, id) in _report.GroupOfImage.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.WriteString(path, id);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public override void WriteMarkdown(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("## Duplicates");
        writer.WriteLine();
        if (_report.Groups.Count == 0)
        {
            writer.WriteLine("No duplicates found.");
            return;
        }

        writer.WriteLine("| group | kind | members | kept | conflicting labels |");
        writer.WriteLine("|---|---|---:|---|---|");
        foreach (var g in _report.Groups)
        {
            string kind = g.Kind == DuplicateKind.Exact ? (g.ByteIdentical ? "exact (bytes)" : "exact (pixels)") : $"near (≤ {g.MaxDistance})";
            string conflicts = string.Join("; ", g.ConflictingLabels.Select(kv => $"{kv.Key}: " + string.Join(" / ", kv.Value.Values.Distinct(StringComparer.Ordinal))));
            writer.WriteLine($"| {g.Id} | {kind} | {string.Join("<br>", g.Members.Select(m => $"`{m}`"))} | `{g.Kept}` | {conflicts} |");
        }
    }
}
