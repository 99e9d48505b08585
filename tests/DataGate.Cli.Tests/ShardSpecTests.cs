using DataGate.Cli.Commands;

namespace DataGate.Cli.Tests;

public class ShardSpecTests
{
    [Theory]
    [InlineData("17/256", 17, 256)]
    [InlineData("0/1", 0, 1)]
    public void Should_ReadIndexAndCount_When_GivenExplicitly(string text, int index, int count)
    {
        var (i, n, error) = ShardSpec.Parse(text, _ => null);

        Assert.Null(error);
        Assert.Equal((index, count), (i, n));
    }

    [Theory]
    [InlineData("JOB_COMPLETION_INDEX", "3", null, null, 3)]
    [InlineData("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_MIN", "2", 3)]
    [InlineData("SLURM_ARRAY_TASK_ID", "3", null, null, 3)]
    [InlineData("AWS_BATCH_JOB_ARRAY_INDEX", "3", null, null, 3)]
    [InlineData("JOB_COMPLETION_INDEX", "3", "AWS_BATCH_JOB_ARRAY_INDEX", "3", 3)]
    public void Should_TakeTheIndexFromTheEnvironment_When_Auto(string name, string value, string? name2, string? value2, int expected)
    {
        var env = new Dictionary<string, string> { [name] = value };
        if (name2 is not null)
        {
            env[name2] = value2!;
        }

        var (i, n, error) = ShardSpec.Parse("auto/8", k => env.GetValueOrDefault(k));

        Assert.Null(error);
        Assert.Equal((expected, 8), (i, n));
    }

    [Theory]
    [InlineData("auto/4", null, "none of")]
    [InlineData("auto/4", "JOB_COMPLETION_INDEX=1;AWS_BATCH_JOB_ARRAY_INDEX=2", "disagrees")]
    [InlineData("auto/4", "JOB_COMPLETION_INDEX=4", "outside")]
    [InlineData("auto/4", "JOB_COMPLETION_INDEX=x", "not a whole number")]
    [InlineData("4/4", null, "zero-based")]
    [InlineData("-1/4", null, "whole number")]
    [InlineData("1/0", null, "I/N")]
    [InlineData("3", null, "I/N")]
    [InlineData("a/b", null, "I/N")]
    public void Should_Refuse_When_TheSpecOrEnvironmentIsBad(string text, string? env, string expected)
    {
        var vars = (env ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

        var (_, _, error) = ShardSpec.Parse(text, k => vars.GetValueOrDefault(k));

        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
