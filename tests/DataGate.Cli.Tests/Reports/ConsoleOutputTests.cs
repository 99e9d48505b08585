using System.Text.RegularExpressions;
using DataGate.Cli.Tests.EndToEnd;
using Spectre.Console.Testing;

namespace DataGate.Cli.Tests.Reports;

/// <summary>What `datagate check` prints: whole diagnostic lines when redirected, folded findings, GitHub workflow commands.</summary>
public sealed partial class ConsoleOutputTests : IDisposable
{
    private static readonly string s_longName = "a-very-long-image-file-name-that-alone-is-wider-than-an-eighty-column-terminal-" + new string('x', 40) + ".png";
    private readonly TestDataset _data = new();

    public ConsoleOutputTests()
    {
        _data.Noise("1_0_0_a.png", 1);
        _data.Noise("2_1_0_b.png", 2);
        for (int i = 0; i < 8; i++)
        {
            _data.Flat($"gray{i}.png", (byte)(60 + i));
        }

        _data.Bytes(s_longName, [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0]);
        _data.Config("""
            labels:
                filename: '^(?<age>\d+)_(?<gender>[01])_'
            fields:
              age: { type: integer }
              gender: { type: category, names: { 0: male, 1: female } }
            quality:
              - id: colour-images-only-please-this-rule-id-is-long-on-purpose
                metric: is_grayscale
                max: 0
                action: warn
            gate:
              max_errored_fraction: 0.5
            """.Replace("labels:", "  labels:", StringComparison.Ordinal));
    }

    public void Dispose() => _data.Dispose();

    private (int Exit, string Output) RunRedirected(IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "datagate.dll");
        return ChildProcess.Run("dotnet", _data.Root, environment, TimeSpan.FromMinutes(3),
            [cli, "check", "--config", _data.ConfigPath, "--out", _data.Out, "--no-progress", .. extra]);
    }

    [Fact]
    public void Should_PrintEachDiagnosticOnOneUnwrappedLine_When_OutputIsRedirected()
    {
        var (exit, output) = RunRedirected();
        Assert.Equal(0, exit);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        var decode = Assert.Single(lines, l => l.Contains(s_longName, StringComparison.Ordinal) && DecodeLine().IsMatch(l));
        Assert.True(decode.Length > 120, decode);
        Assert.All(lines.Where(l => DiagnosticLine().IsMatch(l)), l => Assert.Matches(@"^(\S*datagate\.yml\(\d+,\d+\)|images/\S+): ", l));
        var rule = Assert.Single(lines, l => l.Contains("DG2002", StringComparison.Ordinal));
        Assert.Matches(@"^\S*datagate\.yml\(\d+,\d+\): warning DG2002: rule 'colour-images-only-please-this-rule-id-is-long-on-purpose' flagged images: \d+ of \d+ images .+ have is_grayscale outside ≤ 0$", rule);
        Assert.DoesNotContain(lines, l => l.Contains('\u001b', StringComparison.Ordinal));
    }

    [Fact]
    public void Should_FoldFindingsOfOneCodeFromOneRule_When_NotVerbose()
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        DataGateApp.Run(["check", "--config", _data.ConfigPath, "--out", _data.Out, "--no-progress", "--no-html"], console);
        var folded = Assert.Single(console.Lines, l => l.Contains("DG2010", StringComparison.Ordinal));
        Assert.Contains("9 × file name does not match the label pattern", folded, StringComparison.Ordinal);
        Assert.Contains("6 more", folded, StringComparison.Ordinal);

        var verbose = new TestConsole();
        verbose.Profile.Width = 200;
        DataGateApp.Run(["check", "--config", _data.ConfigPath, "--out", _data.Out, "--no-progress", "--no-html", "--verbose"], verbose);
        Assert.Equal(9, verbose.Lines.Count(l => l.Contains("DG2010", StringComparison.Ordinal)));
        var summary = File.ReadAllText(Path.Combine(_data.Out, "summary.md"));
        Assert.Equal(9, Regex.Count(summary, "DG2010"));
    }

    [Fact]
    public void Should_PrintWorkflowCommandsAndAppendTheStepSummary_When_RunUnderGitHubActions()
    {
        string stepSummary = Path.Combine(_data.Root, "step-summary.md");
        File.WriteAllText(stepSummary, "earlier step\n");
        var (exit, output) = RunRedirected(new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = _data.Root,
            ["GITHUB_STEP_SUMMARY"] = stepSummary,
        });
        Assert.Equal(0, exit);
        Assert.Matches(@"(?m)^::warning file=datagate\.yml,line=\d+,col=\d+,title=DG2002::rule 'colour-images-only-please-this-rule-id-is-long-on-purpose' flagged images", output);
        Assert.Matches("(?m)^::warning file=images/" + Regex.Escape(s_longName) + ",title=DG30\\d\\d::", output);
        var summary = File.ReadAllText(stepSummary);
        Assert.StartsWith("earlier step\n# DataGate: PASSED", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PrintNoWorkflowCommand_When_NotUnderGitHubActions()
    {
        var (_, output) = RunRedirected(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = string.Empty });
        Assert.DoesNotContain("::warning", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@": (warning|error) DG30\d\d: ")]
    private static partial Regex DecodeLine();

    [GeneratedRegex(@": (warning|error|info) DG\d{4}: ")]
    private static partial Regex DiagnosticLine();
}
