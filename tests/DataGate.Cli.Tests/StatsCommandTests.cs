using Spectre.Console.Testing;

namespace DataGate.Cli.Tests;

public sealed class StatsCommandTests : IDisposable
{
    private const string Fields = """
        labels:
            filename: '^(?<age>\d+)_(?<gender>[01])_'
        fields:
          age: { type: integer, bins: [0, 10, 20] }
          gender: { type: category, names: { 0: male, 1: female } }

        """;

    private readonly TestDataset _data = new();

    public StatsCommandTests()
    {
        // Three male images, one female: 75 % / 25 %.
        _data.Noise("5_0_a.png", 1);
        _data.Noise("15_0_b.png", 2);
        _data.Noise("25_0_c.png", 3);
        _data.Noise("7_1_d.png", 4);
    }

    public void Dispose() => _data.Dispose();

    private (int Exit, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 220;
        int exit = DataGateApp.Run([.. args, "--config", _data.ConfigPath, "--no-progress"], console);
        return (exit, console.Output);
    }

    private void Config(string rules) => _data.Config("  " + Fields.ReplaceLineEndings("\n") + rules);

    [Fact]
    public void Should_PrintTablesAndRuleStatus_When_StatsRuns()
    {
        Config("balance:\n  - id: gender-share\n    field: gender\n    min_share: 0.4\n");
        var (exit, output) = Run("stats");
        Assert.Equal(0, exit);
        Assert.Contains("4 kept images", output, StringComparison.Ordinal);
        Assert.Contains("age by gender", output, StringComparison.Ordinal);
        Assert.Contains("age_bin × gender (count, share of column)", output, StringComparison.Ordinal);
        Assert.Matches(@"gender-share\s+│.*│\s+failed\s+│\s+0\.25", output);
        Assert.False(Directory.Exists(_data.Out));
    }

    [Fact]
    public void Should_ExitTwoWithPosition_When_BalanceRuleNamesUnknownField()
    {
        Config("balance:\n  - id: g\n    field: sex\n    min_share: 0.4\n");
        var (exit, output) = Run("stats");
        Assert.Equal(2, exit);
        Assert.Contains("datagate.yml(11,12): error DG1013: unknown field 'sex'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_FailCheckWithRulePosition_When_BalanceRuleFails()
    {
        Config("balance:\n  - id: gender-share\n    field: gender\n    min_share: 0.4\n");
        var (exit, output) = Run("check", "--out", _data.Out);
        Assert.Equal(1, exit);
        Assert.Contains("datagate.yml(10,5): error DG2040: balance rule 'gender-share' failed: 1 of 2 gender categories below 40.0 %: female 25.0 % (1 of 4)", output, StringComparison.Ordinal);
        Assert.Contains("\"balance\": {", File.ReadAllText(Path.Combine(_data.Out, "report.json")), StringComparison.Ordinal);
        Assert.Contains("## Balance and parity", File.ReadAllText(Path.Combine(_data.Out, "summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PassCheck_When_BalanceRuleOnlyWarns()
    {
        Config("balance:\n  - id: gender-share\n    field: gender\n    min_share: 0.4\n    action: warn\n");
        var (exit, output) = Run("check", "--out", _data.Out);
        Assert.Equal(0, exit);
        Assert.Contains("warning DG2040", output, StringComparison.Ordinal);
    }
}
