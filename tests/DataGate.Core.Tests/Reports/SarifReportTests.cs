using System.Text.Json.Nodes;
using Json.Schema;

namespace DataGate.Core.Tests.Reports;

public sealed class SarifReportTests(ReportDataset data) : IClassFixture<ReportDataset>
{
    private static JsonSchema Schema()
    {
        // The SARIF 2.1.0 schema (tests/fixtures/schemas, vendored by build/vendor-test-schemas.sh) declares draft-04,
        // which JsonSchema.Net does not implement; every keyword it uses means the same in draft-07, so it is
        // evaluated as draft-07.
        var text = File.ReadAllText(Path.Combine(RepoRoot.Path, "tests", "fixtures", "schemas", "sarif-2.1.0-rtm.5.json"))
            .Replace("http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-07/schema#", StringComparison.Ordinal);
        return JsonSchema.FromText(text);
    }

    private static EvaluationResults Evaluate(JsonNode? document) =>
        Schema().Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(document), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    private JsonNode Log() => JsonNode.Parse(File.ReadAllText(data.Written("sarif")))!;

    [Fact]
    public void Should_ValidateAgainstTheSarifSchema_When_Written()
    {
        var results = Evaluate(Log());
        Assert.True(results.IsValid, string.Join("\n", results.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
    }

    [Fact]
    public void Should_FailValidation_When_ALevelIsNotASarifLevel()
    {
        var log = Log();
        log["runs"]![0]!["results"]![0]!["level"] = "fatal";
        Assert.False(Evaluate(log).IsValid);
    }

    [Fact]
    public void Should_LocateRuleFindingsInTheRuleFileAndNameTheImages_When_Written()
    {
        var run = Log()["runs"]![0]!;
        var results = run["results"]!.AsArray();
        var conflict = results.Single(r => (string?)r!["ruleId"] == "DG2032")!;
        var location = conflict["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("datagate.yml", (string?)location["artifactLocation"]!["uri"]);
        Assert.Equal("%SRCROOT%", (string?)location["artifactLocation"]!["uriBaseId"]);
        Assert.Equal(21, (int)location["region"]!["startLine"]!);
        Assert.Equal("error", (string?)conflict["level"]);
        var related = conflict["relatedLocations"]!.AsArray().Select(l => (string?)l!["physicalLocation"]!["artifactLocation"]!["uri"]).ToList();
        Assert.Contains("images/21_0_1_copy.png", related);
        Assert.Contains("images/21_1_1_001.png", related);

        var codes = run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string?)r!["id"]).ToList();
        Assert.Equal(codes.Distinct().Order(StringComparer.Ordinal), codes);
        Assert.All(results, r => Assert.Equal(codes[(int)r!["ruleIndex"]!], (string?)r["ruleId"]));
    }

    [Fact]
    public void Should_LocateADecodeErrorAtTheImage_When_NoRulePositionExists()
    {
        var results = Log()["runs"]![0]!["results"]!.AsArray();
        var broken = results.Single(r => ((string?)r!["message"]!["text"])!.Contains("50_0_0_broken.png", StringComparison.Ordinal))!;
        Assert.StartsWith("DG300", (string?)broken["ruleId"], StringComparison.Ordinal);
        Assert.Equal("images/50_0_0_broken.png", (string?)broken["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
    }
}
