using System.Reflection;
using DataGate.Cli.Commands;
using Spectre.Console.Cli;
using Spectre.Console.Testing;
using static DataGate.Cli.Tests.CliRun;

namespace DataGate.Cli.Tests;

/// <summary>A mistyped option or a stray argument is a usage error (exit 2) for every verb, never silently ignored.</summary>
public sealed class StrictUsageTests : IDisposable
{
    private readonly TestDataset _data = new();

    public StrictUsageTests() => _data.Noise("1_0_0_a.png", 1);

    public void Dispose() => _data.Dispose();

    /// <summary>
    /// Every verb in the CLI assembly (a <c>XCommand</c> class is the verb <c>x</c>), found by reflection so that a verb
    /// added later is tested too: its required arguments (an existing folder), its first long option mistyped with the
    /// last letter doubled, and that option.
    /// </summary>
    public static TheoryData<string, int, string, string> Verbs()
    {
        var data = new TheoryData<string, int, string, string>();
        foreach (var command in typeof(DataGateApp).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(ICommand).IsAssignableFrom(t)).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var settings = StrictUsage.SettingsOf(command);
            var required = settings.GetProperties().Count(p => p.GetCustomAttribute<CommandArgumentAttribute>() is { IsRequired: true });
            var option = StrictUsage.OptionsOf(settings).First(o => o.StartsWith("--", StringComparison.Ordinal));
            data.Add(command.Name.Replace("Command", string.Empty, StringComparison.Ordinal).ToLowerInvariant(), required, option + option[^1], option);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Should_ExitTwoAndNameTheNearestOption_When_AnOptionIsMistyped(string verb, int requiredArguments, string typo, string meant)
    {
        string[] args = [verb, .. Enumerable.Repeat(_data.Images, requiredArguments), typo, "x.yml"];
        var (exit, output) = Run(args);
        Assert.Equal(2, exit);
        Assert.Contains($"unknown option '{typo}' for 'datagate {verb}'; did you mean '{meant}'?", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "--confg", "--config")]
    [InlineData("check", "--no-progres", "--no-progress")]
    [InlineData("metrics", "--outt", "--out")]
    [InlineData("stats", "--alll", "--all")]
    [InlineData("stats", "--tpo", "--top")]
    public void Should_SuggestTheIntendedOption_When_ATypicalTypoIsMade(string verb, string typo, string meant)
    {
        string[] args = verb == "metrics" ? [verb, _data.Images, typo] : [verb, typo];
        var (exit, output) = Run(args);
        Assert.Equal(2, exit);
        Assert.Contains($"did you mean '{meant}'?", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_NotRunTheDefaultRules_When_ConfigIsMistyped()
    {
        _data.Config(string.Empty);
        var (exit, output) = Run("check", "--confg", _data.ConfigPath, "--out", _data.Out, "--no-progress");
        Assert.Equal(2, exit);
        Assert.Contains("did you mean '--config'?", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_data.Out));
    }

    [Theory]
    [InlineData("check", "stray")]
    [InlineData("stats", "stray")]
    [InlineData("metrics", "dir", "stray")]
    public void Should_ExitTwo_When_AStrayArgumentFollowsTheVerb(params string[] args)
    {
        var (exit, output) = Run(args);
        Assert.Equal(2, exit);
        Assert.Contains("stray", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ExitTwo_When_ArgumentsFollowADoubleDash()
    {
        var (exit, output) = Run("check", "--", "--config", "x.yml");
        Assert.Equal(2, exit);
        Assert.Contains("unexpected argument '--config'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_FindEveryVerb_When_VerbsAreDiscovered() => Assert.Superset(new HashSet<string>(["check", "metrics", "stats"]), Verbs().Select(row => (string)row[0]).ToHashSet());

    [Fact]
    public void Should_ListTheVerbsOptions_When_SuggestingOne()
    {
        var options = StrictUsage.OptionsOf(typeof(CheckSettings));
        Assert.Equal(["--config", "-c", "--out", "-o", "--cache", "--from"], options.Take(6));
        Assert.Contains("--decode-engine", options);
        Assert.Contains("--sarif", options);
        Assert.Equal("--help", options[^1]);
        Assert.Equal("--no-progress", StrictUsage.Nearest("--noprogress", options));
        Assert.Equal("--cache", StrictUsage.Nearest("--cahce", options));
    }

    [Fact]
    public void Should_PrintThePackageVersion_When_VersionIsAsked()
    {
        var (exit, output) = Run("--version");
        Assert.Equal(0, exit);
        var expected = typeof(DataGateApp).Assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()!.Version;
        Assert.Equal(Version.Parse(expected).ToString(3), output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+$", output.Trim());
    }
}
