using System.Text;
using System.Text.Json;
using DataGate.Core.Config;
using DataGate.Core.Duplicates;
using DataGate.Core.Reports;

namespace DataGate.Core.Tests.Reports;

/// <summary>The duplicates section of report.json and summary.md, from a hand-built report.</summary>
public sealed class DuplicatesSectionTests
{
    private static DuplicateReport Report() => new(
        [
            new DuplicateGroup { Id = "exact-1", Kind = DuplicateKind.Exact, Members = ["a.png", "b.png"], Kept = "a.png", ByteIdentical = true },
            new DuplicateGroup
            {
                Id = "near-1",
                Kind = DuplicateKind.Near,
                Members = ["c.png", "d.png", "e.png"],
                Kept = "d.png",
                MaxDistance = 3,
                Pairs = [new DuplicatePair("c.png", "d.png", 2, 4, 0.98765, false), new DuplicatePair("d.png", "e.png", 3, null, double.NaN, true)],
                ConflictingLabels = new Dictionary<string, IReadOnlyDictionary<string, string>>
                {
                    ["gender"] = new Dictionary<string, string> { ["c.png"] = "male", ["d.png"] = "female", ["e.png"] = "male" },
                },
            },
        ],
        new Dictionary<string, string> { ["e.png"] = "dup-2", ["a.png"] = "dup-1", ["b.png"] = "dup-1", ["c.png"] = "dup-2", ["d.png"] = "dup-2" },
        "phash",
        4)
    {
        NearConfirm = NearConfirm.Both,
        NearConfirmMaxDistance = 8,
        NearConfirmMinCorrelation = 0.95,
        NearMirror = true,
        NearCandidatePairs = 5,
        NearUnconfirmedPairs = 3,
        NearCappedImages = ["x.png"],
    };

    private static JsonElement Json(DuplicateReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            new DuplicatesSection(report).WriteJson(writer);
        }

        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).RootElement.Clone();
    }

    private static string Markdown(DuplicateReport report)
    {
        using var w = new StringWriter { NewLine = "\n" };
        new DuplicatesSection(report).WriteMarkdown(w);
        return w.ToString();
    }

    [Fact]
    public void Should_WriteTheSearchSettingsAndEveryGroup_When_ReportHasExactAndNearGroups()
    {
        var json = Json(Report());
        Assert.Equal(
            ["near_hash", "near_max_distance", "near_confirm", "near_confirm_max_distance", "near_confirm_min_correlation", "near_mirror", "near_candidate_pairs", "near_unconfirmed_pairs", "near_capped_images", "near_method", "near_min_similarity", "near_search", "groups", "image_groups"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("both", json.GetProperty("near_confirm").GetString());
        Assert.Equal("hash", json.GetProperty("near_method").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("near_search").ValueKind); // no embedding search for method: hash
        Assert.Equal(1, json.GetProperty("near_capped_images").GetInt32());
        var exact = json.GetProperty("groups")[0];
        Assert.Equal("exact", exact.GetProperty("kind").GetString());
        Assert.True(exact.GetProperty("byte_identical").GetBoolean());
        Assert.False(exact.TryGetProperty("pairs", out _));
        var near = json.GetProperty("groups")[1];
        Assert.Equal("near", near.GetProperty("kind").GetString());
        Assert.Equal(3, near.GetProperty("max_distance").GetInt32());
        var pairs = near.GetProperty("pairs");
        Assert.Equal(0.98765, pairs[0].GetProperty("correlation").GetDouble());
        Assert.Equal(JsonValueKind.Null, pairs[1].GetProperty("dhash_distance").ValueKind);
        Assert.Equal(JsonValueKind.Null, pairs[1].GetProperty("correlation").ValueKind); // NaN is written as null
        Assert.True(pairs[1].GetProperty("mirrored").GetBoolean());
        Assert.Equal(JsonValueKind.Null, pairs[0].GetProperty("similarity").ValueKind); // a hash pair has no cosine
        Assert.Equal("female", near.GetProperty("conflicting_labels").GetProperty("gender").GetProperty("d.png").GetString());
        Assert.Equal(["a.png", "b.png", "c.png", "d.png", "e.png"], json.GetProperty("image_groups").EnumerateObject().Select(p => p.Name)); // ordinal order
    }

    [Fact]
    public void Should_WriteNullConfirm_When_NearSearchWasOff()
    {
        var json = Json(DuplicateReport.Empty);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("near_hash").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("near_confirm").ValueKind);
        Assert.Equal(0, json.GetProperty("groups").GetArrayLength());
    }

    [Fact]
    public void Should_WriteOneTableRowPerGroup_When_MarkdownIsWritten()
    {
        var md = Markdown(Report());
        var lines = md.Split('\n');
        Assert.Equal("## Duplicates", lines[0]);
        Assert.StartsWith("Near duplicates: phash distance ≤ 4 (also against mirrored images), confirmed by ", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("; 5 candidate pair(s), 3 not confirmed.", lines[2], StringComparison.Ordinal);
        Assert.Contains("| exact-1 | exact (bytes) | `a.png`<br>`b.png` | `a.png` |  |  |", lines);
        Assert.Contains("| near-1 | near (≤ 3) | `c.png`<br>`d.png`<br>`e.png` | `d.png` | `c.png` ~ `d.png`: phash 2, dhash 4, r 0.988<br>`d.png` ~ `e.png`: phash 3, mirrored | gender: male / female |", lines);
    }

    [Fact]
    public void Should_SayNoDuplicates_When_ReportIsEmpty()
    {
        Assert.Equal("## Duplicates\n\nNo duplicates found.\n", Markdown(DuplicateReport.Empty));
    }
}
