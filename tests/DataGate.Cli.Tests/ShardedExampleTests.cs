using System.Diagnostics;
using System.Security.Cryptography;

namespace DataGate.Cli.Tests;

/// <summary>
/// The bundled example (datagate.yml, examples/faces) through the sharded verbs, as separate concurrent processes the
/// way a batch system runs them: the reduce's outputs equal a single check's byte for byte.
/// </summary>
public sealed class ShardedExampleTests : IDisposable
{
    private static readonly string[] s_outputs = ["report.json", "metrics.csv", "kept.csv", "summary.md"];
    private readonly string _work = Path.Combine(Path.GetTempPath(), "dg-sharded-example-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Should_MatchASingleCheckByteForByte_When_TheExampleIsAnalysedByConcurrentShardProcesses()
    {
        var single = Path.Combine(_work, "single");
        var (code, output) = Datagate("check", "--no-progress", "--out", single);
        Assert.True(code == 0, output);

        foreach (int n in new[] { 1, 2, 3, 7 })
        {
            var plan = Path.Combine(_work, $"plan-{n}");
            var shards = Path.Combine(_work, $"shards-{n}");
            var reduce = Path.Combine(_work, $"reduce-{n}");
            (code, output) = Datagate("plan", "--shards", n.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", plan);
            Assert.True(code == 0, output);
            var workers = Enumerable.Range(0, n)
                .Select(i => Start("analyze", "--plan", plan, "--shard", $"{i}/{n}", "--out", shards, "--no-progress"))
                .ToList();
            foreach (var w in workers)
            {
                using (w)
                {
                    var text = w.StandardOutput.ReadToEnd() + w.StandardError.ReadToEnd();
                    Assert.True(w.WaitForExit(TimeSpan.FromMinutes(5)), "analyze did not finish");
                    Assert.True(w.ExitCode == 0, text);
                }
            }

            (code, output) = Datagate("check", "--from", shards, "--out", reduce);
            Assert.True(code == 0, output);
            foreach (var name in s_outputs)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(single, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(reduce, name))), $"{name} differs with {n} shards");
            }
        }
    }

    [Fact]
    public void Should_RestoreEquality_When_OnlyTheTruncatedShardIsRerun()
    {
        var plan = Path.Combine(_work, "plan");
        var shards = Path.Combine(_work, "shards");
        Assert.Equal(0, Datagate("plan", "--shards", "2", "--out", plan).ExitCode);
        Assert.Equal(0, Datagate("analyze", "--plan", plan, "--shard", "0/2", "--out", shards, "--no-progress").ExitCode);
        Assert.Equal(0, Datagate("analyze", "--plan", plan, "--shard", "1/2", "--out", shards, "--no-progress").ExitCode);
        var file = Path.Combine(shards, "shard-00001-of-00002.parquet");
        var sha = SHA256.HashData(File.ReadAllBytes(file));
        Assert.Equal(0, Datagate("check", "--from", shards, "--out", Path.Combine(_work, "first")).ExitCode);
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..1000]);

        var (code, output) = Datagate("check", "--from", shards, "--out", Path.Combine(_work, "broken"));

        Assert.Equal(2, code);
        Assert.Contains("DG3035", output, StringComparison.Ordinal);
        Assert.Contains("shard-00001-of-00002.parquet", output, StringComparison.Ordinal);

        var env = new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "1" };
        Assert.Equal(0, Datagate(env, "analyze", "--plan", plan, "--shard", "auto/2", "--out", shards, "--no-progress").ExitCode);
        Assert.Equal(sha, SHA256.HashData(File.ReadAllBytes(file)));
        Assert.Equal(0, Datagate("check", "--from", shards, "--out", Path.Combine(_work, "again")).ExitCode);
        foreach (var name in s_outputs)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_work, "first", name)), File.ReadAllBytes(Path.Combine(_work, "again", name)));
        }
    }

    [Fact]
    public void Should_ExitWithUsageError_When_AutoFindsNoIndex()
    {
        var plan = Path.Combine(_work, "plan");
        Assert.Equal(0, Datagate("plan", "--shards", "2", "--out", plan).ExitCode);

        var (code, output) = Datagate("analyze", "--plan", plan, "--shard", "auto/2", "--out", Path.Combine(_work, "s"), "--no-progress");

        Assert.Equal(2, code);
        Assert.Contains("DG1040", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) Datagate(params string[] args) => Datagate(null, args);

    private static (int ExitCode, string Output) Datagate(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        using var p = Start(env, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(5)), "datagate did not finish");
        return (p.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }

    private static Process Start(params string[] args) => Start(null, args);

    private static Process Start(IReadOnlyDictionary<string, string>? env, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "datagate.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var name in new[] { "JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "AWS_BATCH_JOB_ARRAY_INDEX" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        return Process.Start(start)!;
    }
}
