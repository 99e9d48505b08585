using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;
using Spectre.Console.Testing;
using static DataGate.Cli.Tests.CliRun;

namespace DataGate.Cli.Tests;

/// <summary>
/// The verbs whose settings share an argument or option through a base settings class (<c>&lt;DIR&gt;</c> of metrics and
/// duplicates; <c>-c|--config</c> of check, split, stats and plan): the inherited member is still bound and validated,
/// StrictUsage still knows it, a mistyped one is still refused, and StrictUsage lists the options in the help's order.
/// </summary>
public sealed partial class InheritedSettingsTests : IDisposable
{
    private readonly TestDataset _data = new();

    public InheritedSettingsTests() => _data.Noise("1_0_0_a.png", 1);

    public void Dispose() => _data.Dispose();

    /// <summary>The verbs that take the rule file option, with the other options each needs to get past validation.</summary>
    public static TheoryData<string, string[]> ConfigVerbs() => new()
    {
        { "check", [] },
        { "split", [] },
        { "stats", [] },
        { "plan", ["--shards", "2", "--out", "plan-out"] },
    };

    [Theory]
    [MemberData(nameof(ConfigVerbs))]
    public void Should_ReadTheRuleFileNamed_When_ConfigIsGivenByItsLongOrShortName(string verb, string[] rest)
    {
        var missing = Path.Combine(_data.Root, "missing.yml");
        foreach (var name in new[] { "--config", "-c" })
        {
            Assert.Null(StrictUsage.PreCheck([verb, name, missing, .. rest]));
            var (exit, output) = Run([verb, name, missing, .. rest]);
            Assert.Equal(2, exit);
            Assert.DoesNotContain("unknown option", output, StringComparison.Ordinal);
            Assert.Contains($"rule file '{missing}' does not exist", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ConfigVerbs))]
    public void Should_ExitTwoWithTheConfigError_When_ConfigIsEmpty(string verb, string[] rest)
    {
        var (exit, output) = Run([verb, "--config", " ", .. rest]);
        Assert.Equal(2, exit);
        Assert.Contains("--config needs a path", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ConfigVerbs))]
    public void Should_RefuseAndNameConfig_When_ConfigIsMistyped(string verb, string[] rest)
    {
        var (exit, output) = Run([verb, "--confg", _data.ConfigPath, .. rest]);
        Assert.Equal(2, exit);
        Assert.Contains($"unknown option '--confg' for 'datagate {verb}'; did you mean '--config'?", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metrics")]
    [InlineData("duplicates")]
    public void Should_ExitTwoNamingTheFolder_When_TheFolderArgumentDoesNotExist(string verb)
    {
        var missing = Path.Combine(_data.Root, "no-such-folder");
        var (exit, output) = Run(verb, missing, "--no-progress");
        Assert.Equal(2, exit);
        Assert.Contains($"folder '{missing}' does not exist", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metrics", "--out", "metrics.csv")]
    [InlineData("duplicates", "--out", "duplicates.csv")]
    public void Should_ReadTheFolderArgument_When_ItExists(string verb, string option, string file)
    {
        var output = Path.Combine(_data.Root, file);
        var (exit, text) = Run(verb, _data.Images, option, output, "--no-progress");
        Assert.True(exit == 0, text);
        Assert.True(File.Exists(output), text);
    }

    [Theory]
    [InlineData("metrics", "--no-progres", "--no-progress")]
    [InlineData("duplicates", "--no-progres", "--no-progress")]
    [InlineData("metrics", "--outt", "--out")]
    [InlineData("duplicates", "--hahs", "--hash")]
    public void Should_RefuseAndNameTheOption_When_AnOptionAfterTheFolderIsMistyped(string verb, string typo, string meant)
    {
        var (exit, output) = Run(verb, _data.Images, typo);
        Assert.Equal(2, exit);
        Assert.Contains($"unknown option '{typo}' for 'datagate {verb}'; did you mean '{meant}'?", output, StringComparison.Ordinal);
    }

    /// <summary>Every verb, found by reflection as in <see cref="StrictUsageTests.Verbs"/>.</summary>
    public static TheoryData<string> AllVerbs()
    {
        var data = new TheoryData<string>();
        foreach (var command in typeof(DataGateApp).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(ICommand).IsAssignableFrom(t)).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            data.Add(command.Name.Replace("Command", string.Empty, StringComparison.Ordinal).ToLowerInvariant());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllVerbs))]
    public void Should_ListTheOptionsInTheHelpsOrder_When_ADidYouMeanIsPrinted(string verb)
    {
        var settings = StrictUsage.SettingsOf(typeof(DataGateApp).Assembly.GetTypes().Single(t => string.Equals(t.Name, verb + "Command", StringComparison.OrdinalIgnoreCase)));
        var (exit, help) = Run(verb, "--help");
        Assert.Equal(0, exit);
        var inHelp = HelpOption().Matches(help).Select(m => "--" + m.Groups[1].Value).Where(o => o != "--help").ToList();
        var known = StrictUsage.OptionsOf(settings).Where(o => o.StartsWith("--", StringComparison.Ordinal) && o != "--help").ToList();
        Assert.NotEmpty(known);
        Assert.Equal(inHelp, known);
    }

    [Theory]
    [MemberData(nameof(AllVerbs))]
    public void Should_KnowEveryDeclaredOption_When_ItIsDeclaredOnABaseClass(string verb)
    {
        var settings = StrictUsage.SettingsOf(typeof(DataGateApp).Assembly.GetTypes().Single(t => string.Equals(t.Name, verb + "Command", StringComparison.OrdinalIgnoreCase)));
        var known = StrictUsage.OptionsOf(settings);
        for (var type = settings; type is not null && type != typeof(CommandSettings); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<CommandOptionAttribute>() is { } option)
                {
                    Assert.All(option.LongNames, n => Assert.Contains("--" + n, known));
                    Assert.All(option.ShortNames, n => Assert.Contains("-" + n, known));
                }
            }
        }
    }

    /// <summary>An option row of Spectre's help: optional <c>-x, </c>, then the long name.</summary>
    [GeneratedRegex(@"(?m)^\s+(?:-\w, |\s{4})--([a-z][a-z0-9-]*)")]
    private static partial Regex HelpOption();
}
