using System.Text.Json;
using Spectre.Console.Testing;

namespace DataGate.Cli.Tests;

/// <summary>
/// The README's main command on the bundled example: every planted defect listed in examples/faces/DEFECTS.csv must
/// be found by `datagate check` with the root datagate.yml.
/// </summary>
public sealed class BundledExampleTests : IDisposable
{
    private static readonly string s_repo = FindRepo();
    private readonly string _out = Directory.CreateTempSubdirectory("dg-example-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Should_FindEveryPlantedDefect_When_ExampleIsChecked()
    {
        var console = new TestConsole();
        console.Profile.Width = 240;
        int exit = DataGateApp.Run(["check", "--config", Path.Combine(s_repo, "datagate.yml"), "--out", _out, "--no-progress"], console);
        Assert.Equal(0, exit);

        var defects = File.ReadAllLines(Path.Combine(s_repo, "examples", "faces", "DEFECTS.csv")).Skip(1)
            .Select(l => l.Split(',')).Select(c => (File: c[0], Defect: c[1], Related: c[2])).ToList();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "report.json")));
        var root = doc.RootElement;
        var excluded = root.GetProperty("excluded").EnumerateArray()
            .ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("rules").EnumerateArray().Select(r => r.GetString()!).ToList());
        var errored = root.GetProperty("errored").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("code").GetString()!);
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        var groups = root.GetProperty("duplicates").GetProperty("groups").EnumerateArray()
            .Select(g => g.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToHashSet()).ToList();

        Assert.Equal(300, root.GetProperty("counts").GetProperty("total").GetInt32());
        foreach (var (file, defect, related) in defects)
        {
            switch (defect)
            {
                case "blurry":
                    Assert.Contains("sharp-enough", excluded[file]);
                    break;
                case "too_dark":
                    Assert.Contains("not-too-dark", excluded[file]);
                    break;
                case "too_bright":
                    Assert.Contains("not-washed-out", excluded[file]);
                    break;
                case "truncated":
                    Assert.Equal("DG3005", errored[file]);
                    break;
                case "not_an_image":
                    Assert.Equal("DG3003", errored[file]);
                    break;
                case "malformed_name":
                    Assert.Contains(findings, f => f.GetProperty("code").GetString() == "DG2010" && f.GetProperty("image").GetString() == file);
                    break;
                case "exact_duplicate" or "lossless_duplicate":
                    Assert.True(groups.Any(g => g.Contains(file) && g.Contains(related)), $"{defect} {file} ~ {related} not grouped");
                    break;
                case "label_conflict":
                    Assert.Contains(findings, f => f.GetProperty("code").GetString() == "DG2032"
                        && f.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("path").GetString()).Contains(file));
                    break;
            }
        }

        Assert.Contains(findings, f => f.GetProperty("code").GetString() == "DG2040" && f.GetProperty("rule_id").GetString() == "gender-share");
        Assert.Contains(findings, f => f.GetProperty("code").GetString() == "DG2050" && f.GetProperty("rule_id").GetString() == "colour-cue");
        // Two of the five planted near copies are crops at dHash distance 9, beyond the example's radius of 2.
        Assert.Equal(3, groups.Count(g => defects.Any(d => d.Defect == "near_duplicate" && g.Contains(d.File) && g.Contains(d.Related))));
    }

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataGate.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("DataGate.sln not found");
    }
}
