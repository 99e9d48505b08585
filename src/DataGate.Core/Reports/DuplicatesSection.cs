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
        writer.WriteString("near_confirm", _report.NearHash is null ? null : ConfirmName(_report.NearConfirm));
        writer.WriteNumber("near_confirm_max_distance", _report.NearConfirmMaxDistance);
        writer.WriteNumber("near_confirm_min_correlation", _report.NearConfirmMinCorrelation);
        writer.WriteBoolean("near_mirror", _report.NearMirror);
        writer.WriteNumber("near_candidate_pairs", _report.NearCandidatePairs);
        writer.WriteNumber("near_unconfirmed_pairs", _report.NearUnconfirmedPairs);
        writer.WriteNumber("near_capped_images", _report.NearCappedImages.Count);
        writer.WriteString("near_method", _report.NearHash is null ? null : _report.NearMethod.ToString().ToLowerInvariant());
        writer.WriteNumber("near_min_similarity", _report.NearMinSimilarity);
        writer.WriteString("near_search", _report.NearMethod == Config.NearMethod.Hash ? null : _report.NearApproximate ? "approximate" : "exact");
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
                WriteNullable(writer, "min_similarity", g.MinSimilarity);
                writer.WriteStartArray("pairs");
                foreach (var p in g.Pairs)
                {
                    writer.WriteStartObject();
                    writer.WriteString("first", p.First);
                    writer.WriteString("second", p.Second);
                    writer.WriteNumber("distance", p.Distance);
                    WriteNullable(writer, "dhash_distance", p.DHashDistance);
                    WriteNullable(writer, "correlation", p.Correlation);
                    writer.WriteBoolean("mirrored", p.Mirrored);
                    WriteNullable(writer, "similarity", p.Similarity);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
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

    /// <summary>The <c>confirm</c> value as written in datagate.yml.</summary>
    internal static string ConfirmName(Config.NearConfirm confirm) => confirm switch
    {
        Config.NearConfirm.Off => "off",
        Config.NearConfirm.DHash => "dhash",
        Config.NearConfirm.Correlation => "correlation",
        _ => "both",
    };

    private static void WriteNullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
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

        if (_report.NearHash is not null && _report.NearMethod == Config.NearMethod.Embedding)
        {
            writer.WriteLine($"Near duplicates: {Rules.DuplicateEvaluator.ConfirmText(_report)}; {_report.NearCandidatePairs} pair(s).");
            writer.WriteLine();
        }
        else if (_report.NearHash is not null)
        {
            writer.WriteLine($"Near duplicates: {_report.NearHash} distance ≤ {_report.NearRadius}{(_report.NearMirror ? " (also against mirrored images)" : string.Empty)}, confirmed by {Rules.DuplicateEvaluator.ConfirmText(_report)}; {_report.NearCandidatePairs} candidate pair(s), {_report.NearUnconfirmedPairs} not confirmed{(_report.NearMethod == Config.NearMethod.Both ? $"; also joined by {Rules.DuplicateEvaluator.EmbeddingText(_report)}" : string.Empty)}.");
            writer.WriteLine();
        }

        writer.WriteLine("| group | kind | members | kept | evidence | conflicting labels |");
        writer.WriteLine("|---|---|---:|---|---|---|");
        foreach (var g in _report.Groups)
        {
            string kind = g.Kind == DuplicateKind.Exact ? (g.ByteIdentical ? "exact (bytes)" : "exact (pixels)") : g.MinSimilarity is { } cosine && g.Pairs.All(p => p.Similarity is not null) ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"near (cosine ≥ {cosine:0.000})") : $"near (≤ {g.MaxDistance})";
            string conflicts = string.Join("; ", g.ConflictingLabels.Select(kv => $"{kv.Key}: " + string.Join(" / ", kv.Value.Values.Distinct(StringComparer.Ordinal))));
            string evidence = string.Join("<br>", g.Pairs.Select(p => $"`{p.First}` ~ `{p.Second}`: {p.Describe(_report.NearHash)}"));
            writer.WriteLine($"| {g.Id} | {kind} | {string.Join("<br>", g.Members.Select(m => $"`{m}`"))} | `{g.Kept}` | {evidence} | {conflicts} |");
        }
    }
}
