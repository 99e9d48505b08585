using System.Text.RegularExpressions;
using DataGate.Cli.Tests.EndToEnd;
using Spectre.Console.Testing;

namespace DataGate.Cli.Tests.Reports;

/// <summary>
/// Opens the bundled example's report.html in Debian's Chromium (headless) and checks from the rendered DOM that every
/// chart drew an SVG and no script failed. Skipped, with the reason shown, where Chromium is not installed
/// (.ci/run installs it).
/// </summary>
public sealed partial class BrowserReportTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _out = Directory.CreateTempSubdirectory("dg-browser-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [SkippableFact]
    public void Should_RenderEveryChartWithoutScriptError_When_ReportOpensInChromium()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (Debian package 'chromium'; .ci/run installs it): report.html was not opened in a browser");
        int exit = DataGateApp.Run(["check", "--config", Path.Combine(Repo.Root, "datagate.yml"), "--out", _out, "--no-progress"], new TestConsole());
        Assert.Equal(0, exit);
        string report = Path.Combine(_out, "report.html");
        string source = File.ReadAllText(report);

        var (code, dom) = ChildProcess.Run(Chromium, _out, new Dictionary<string, string> { ["HOME"] = _out }, TimeSpan.FromMinutes(2),
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + Path.Combine(_out, "profile"),
            "--virtual-time-budget=20000", "--dump-dom", new Uri(report).AbsoluteUri);
        Assert.Equal(0, code);

        var body = BodyTag().Match(dom);
        Assert.True(body.Success, "no <body> in the dumped DOM");
        int expected = int.Parse(Attribute(body.Value, "data-charts"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Regex.Count(source, "data-chart=\""), expected);
        Assert.True(expected >= 10, $"only {expected} charts");
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Attribute(body.Value, "data-charts-rendered"));
        Assert.Equal("0", Attribute(body.Value, "data-script-errors"));

        // Per section: one rendered <svg> per chart placeholder, so no chart is missing from its section.
        foreach (var id in new[] { "verdict", "histograms", "correlation", "demographics", "colour" })
        {
            int charts = Regex.Count(Section(source, id), "data-chart=\"");
            int svgs = Regex.Count(Section(dom, id), "<svg");
            Assert.True(charts > 0, $"section {id} has no chart");
            Assert.Equal(charts, svgs);
        }

        Assert.True(Regex.Count(Section(dom, "galleries"), "<img") > 0);
        Assert.True(Regex.Count(Section(dom, "duplicates"), "<img") > 0);

        // The bundled datagate.yml has splits: the table lists each split with its size, as kept.csv's manifests do.
        var splits = Section(dom, "splits");
        foreach (var name in new[] { "train", "val", "test" })
        {
            int rows = File.ReadAllLines(Path.Combine(_out, name + ".csv")).Length - 1;
            Assert.Contains($"<td>{name}</td><td class=\"n\">{rows}</td>", splits, StringComparison.Ordinal);
        }
    }

    private static string Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, name + "=\"([^\"]*)\"");
        Assert.True(m.Success, $"{name} missing on {tag}");
        return m.Groups[1].Value;
    }

    private static string Section(string html, string id)
    {
        int start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"section {id} missing");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<body[^>]*>")]
    private static partial Regex BodyTag();
}
