using System.Text.RegularExpressions;

namespace DataGate.Core.Tests.Reports;

public sealed partial class HtmlReportTests(ReportDataset data) : IClassFixture<ReportDataset>
{
    private string Html => File.ReadAllText(data.Written("html"));

    [Fact]
    public void Should_ReferenceNoExternalResource_When_Written()
    {
        // Self-contained: every src/href is a data URI or a fragment; the CSP forbids any fetch.
        foreach (Match m in SrcOrHref().Matches(Html))
        {
            var value = m.Groups[2].Value;
            Assert.True(value.StartsWith("data:", StringComparison.Ordinal) || value.StartsWith('#'), $"external reference {m.Value}");
        }

        Assert.Contains("default-src 'none'", Html, StringComparison.Ordinal);
        Assert.Contains("vega-lite", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_HaveEverySection_When_TheDataHasSomethingForIt()
    {
        foreach (var id in new[] { "verdict", "rules", "histograms", "correlation", "demographics", "duplicates", "galleries", "colour", "errored" })
        {
            Assert.Contains($"<section id=\"{id}\">", Html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<section id=\"splits\">", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_MarkTheKeptCopyAndTheConflict_When_ADuplicateGroupDisagrees()
    {
        var duplicates = Section("duplicates");
        Assert.Contains("group conflict", duplicates, StringComparison.Ordinal);
        Assert.Contains("labels disagree on gender", duplicates, StringComparison.Ordinal);
        Assert.Matches("thumb kept\"[^>]*title=\"21_0_1_copy.png\"", duplicates);
        Assert.True(Regex.Count(duplicates, "data:image/jpeg;base64,") >= 2);
    }

    [Fact]
    public void Should_ListTheErroredFileWithItsCode_When_AFileCannotBeDecoded()
    {
        var errored = Section("errored");
        Assert.Contains("50_0_0_broken.png", errored, StringComparison.Ordinal);
        Assert.Matches("DG30\\d\\d", errored);
    }

    [Fact]
    public void Should_CapTheGalleries_When_MoreImagesOffendThanAllowed()
    {
        Assert.Equal(4, new Core.Reports.HtmlReportOptions { ThumbnailsPerRule = 4 }.ThumbnailsPerRule);
        var galleries = Section("galleries");
        Assert.Contains("bright-enough", galleries, StringComparison.Ordinal);
        Assert.True(Regex.Count(galleries, "<figure") <= 4 * 2);
    }

    [Fact]
    public void Should_RefuseTheRun_When_AReportOptionIsOutOfRange()
    {
        var outcome = GateRunner.Run(data.ConfigPath, new GateRunOptions { OutputDirectory = Path.Combine(data.Root, "bad"), HtmlReport = new Core.Reports.HtmlReportOptions { ThumbnailSize = 4 } });
        var d = Assert.Single(outcome.Diagnostics);
        Assert.Equal("DG1030", d.Code);
        Assert.Equal(ExitCodes.ConfigError, outcome.ExitCode);
    }

    [Fact]
    public void Should_ShowTheSplitTable_When_SplitRowsAreGiven()
    {
        var splits = new[]
        {
            new Core.Reports.Html.SplitRow("train", 18, new Dictionary<string, double> { ["male"] = 0.5, ["female"] = 0.5 }),
            new Core.Reports.Html.SplitRow("test", 4, new Dictionary<string, double> { ["male"] = 0.75, ["female"] = 0.25 }),
        };
        using var w = new StringWriter();
        Core.Reports.Html.HtmlReportWriter.Write(w, data.Outcome.Result!, new Core.Reports.HtmlReportOptions { ThumbnailsPerRule = 0, DuplicateGroups = 0, ColourSamplePerClass = 0 }, splits);
        var html = w.ToString();
        int start = html.IndexOf("<section id=\"splits\">", StringComparison.Ordinal);
        Assert.True(start >= 0);
        Assert.Contains("<td>test</td><td class=\"n\">4</td><td class=\"n\">75.0 %</td>", html[start..], StringComparison.Ordinal);
        Assert.DoesNotContain("<section id=\"galleries\">", html, StringComparison.Ordinal);
    }

    private string Section(string id)
    {
        var html = Html;
        int start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, id);
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("(src|href)=\"([^\"]*)\"")]
    private static partial Regex SrcOrHref();
}
