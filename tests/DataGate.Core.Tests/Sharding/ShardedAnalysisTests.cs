using System.Security.Cryptography;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Scanning;
using DataGate.Core.Sharding;

namespace DataGate.Core.Tests.Sharding;

public sealed class ShardedAnalysisTests : IDisposable
{
    private static readonly string[] s_outputs = ["report.json", "metrics.csv", "kept.csv", "summary.md"];
    private readonly ShardDataset _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Should_WriteTheSameOutputsAsOneCheck_When_TheSetIsAnalysedInShards(int shards)
    {
        var single = Single();
        Assert.NotNull(single.Result);
        Assert.Contains(single.Result!.Duplicates.Groups, g => g.Members.Count > 1);
        PlanAndAnalyze(shards);

        var reduce = Reduce("reduce");

        Assert.Equal(single.ExitCode, reduce.ExitCode);
        AssertSameOutputs(_data.Dir("single"), _data.Dir("reduce"));
    }

    [Fact]
    public void Should_PlaceDuplicateGroupsAcrossShards_When_CopiesSortFarApart()
    {
        var single = Single();
        PlanAndAnalyze(3);
        var keysByShard = Enumerable.Range(0, 3).Select(i => ReadShard(i).Rows.Select(r => r.Path).ToHashSet()).ToList();

        Assert.Contains(single.Result!.Duplicates.Groups, g => g.Members.Select(m => keysByShard.FindIndex(s => s.Contains(m))).Distinct().Count() > 1);
    }

    [Fact]
    public void Should_WriteIdenticalBytes_When_AShardIsAnalysedAgain()
    {
        PlanAndAnalyze(3);
        var path = ShardPath(1);
        var before = SHA256.HashData(File.ReadAllBytes(path));
        File.Delete(path);

        var again = ShardedAnalysis.Analyze(_data.Dir("plan"), 1, 3, _data.Dir("shards"));

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(path)));
    }

    [Fact]
    public void Should_SkipTheShard_When_ItIsAlreadyComplete()
    {
        PlanAndAnalyze(2);
        var stamp = File.GetLastWriteTimeUtc(ShardPath(0));

        var again = ShardedAnalysis.Analyze(_data.Dir("plan"), 0, 2, _data.Dir("shards"));

        Assert.Equal("DG3037", Assert.Single(again.Diagnostics).Code);
        Assert.Empty(again.Written);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(ShardPath(0)));
    }

    [Fact]
    public void Should_NameTheTruncatedShard_When_AFileWasCutShort_And_RerunRestoresEquality()
    {
        Single();
        PlanAndAnalyze(3);
        var path = ShardPath(1);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var broken = Reduce("broken");

        var d = Assert.Single(broken.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("DG3035", d.Code);
        Assert.Contains("shard-00001-of-00003.parquet", d.Message, StringComparison.Ordinal);
        Assert.Null(broken.Result);
        Assert.Equal(ExitCodes.ConfigError, broken.ExitCode);

        Assert.Equal(0, ShardedAnalysis.Analyze(_data.Dir("plan"), 1, 3, _data.Dir("shards")).ExitCode);
        Reduce("reduce");
        AssertSameOutputs(_data.Dir("single"), _data.Dir("reduce"));
    }

    [Fact]
    public void Should_NameTheMissingShardAndItsPartialWrite_When_ATaskStoppedMidWrite()
    {
        PlanAndAnalyze(3);
        var path = ShardPath(2);
        File.Move(path, path + ".1234.abcd.tmp");

        var outcome = Reduce("out");

        var d = Assert.Single(outcome.Diagnostics);
        Assert.Equal("DG3030", d.Code);
        Assert.Contains("shard 2 of 3", d.Message, StringComparison.Ordinal);
        Assert.Contains(".tmp", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseADuplicateShardIndex_When_TwoFilesClaimOneShard()
    {
        PlanAndAnalyze(3);
        File.Copy(ShardPath(0), ShardPath(2), overwrite: true);

        var codes = Reduce("out").Diagnostics.Select(d => d.Code).ToList();

        Assert.Contains("DG3031", codes);
        Assert.Contains("DG3030", codes);
    }

    [Fact]
    public void Should_RefuseMixedRuns_When_AShardHasAnotherPlanDigest()
    {
        PlanAndAnalyze(3);
        Rewrite(1, (meta, rows) => meta[ShardMetadata.PlanDigest] = new string('0', 64));

        var d = Assert.Single(Reduce("out").Diagnostics);

        Assert.Equal("DG3032", d.Code);
        Assert.Contains("shard-00001-of-00003.parquet", d.Message, StringComparison.Ordinal);
        Assert.Contains(ShardMetadata.PlanDigest, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseTheShard_When_ItsRowCountDiffersFromThePlan()
    {
        PlanAndAnalyze(3);
        Rewrite(1, (meta, rows) => rows.RemoveAt(0));

        var d = Assert.Single(Reduce("out").Diagnostics);

        Assert.Equal("DG3033", d.Code);
        Assert.Contains("shard-00001-of-00003.parquet", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseADuplicateKey_When_TwoShardsHoldTheSamePath()
    {
        PlanAndAnalyze(3);
        var stolen = ReadShard(0).Rows[0];
        Rewrite(1, (meta, rows) => rows[0] = stolen);

        var d = Assert.Single(Reduce("out").Diagnostics);

        Assert.Equal("DG3034", d.Code);
        Assert.Contains(stolen.Path, d.Message, StringComparison.Ordinal);
        Assert.Contains("shard-00000-of-00003.parquet", d.Message, StringComparison.Ordinal);
        Assert.Contains("shard-00001-of-00003.parquet", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_WarnButMerge_When_ShardsWereAnalysedWithOtherInstructionSets()
    {
        Single();
        PlanAndAnalyze(2);
        Rewrite(1, (meta, rows) => meta[ShardMetadata.InstructionSet] = "X64 vector128");

        var outcome = Reduce("reduce");

        Assert.NotNull(outcome.Result);
        Assert.Equal("DG3036", Assert.Single(Codes(outcome), c => c.StartsWith("DG303", StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_Warn_When_TheReduceRuleFileDiffersFromTheShards()
    {
        PlanAndAnalyze(2);
        File.AppendAllText(_data.ConfigPath, "\n# edited after the analysis\n");

        var outcome = Reduce("out");

        Assert.Contains("DG1042", Codes(outcome));
        Assert.Equal(Severity.Warning, outcome.Result!.Findings.Single(f => f.Diagnostic.Code == "DG1042").Diagnostic.Severity);
    }

    [Fact]
    public void Should_RefuseToAnalyze_When_TheRuleFileChangedSinceThePlan()
    {
        Assert.Equal(0, ShardedAnalysis.Plan(_data.ConfigPath, 2, _data.Dir("plan")).ExitCode);
        File.AppendAllText(_data.ConfigPath, "\n# edited\n");

        var outcome = ShardedAnalysis.Analyze(_data.Dir("plan"), 0, 2, _data.Dir("shards"));

        Assert.Equal("DG1041", Assert.Single(outcome.Diagnostics).Code);
        Assert.Equal(ExitCodes.ConfigError, outcome.ExitCode);
    }

    [Theory]
    [InlineData(1, 3, "DG1040")]
    [InlineData(3, 2, "DG1040")]
    public void Should_RefuseTheShard_When_ItDoesNotFitThePlan(int index, int count, string code)
    {
        Assert.Equal(0, ShardedAnalysis.Plan(_data.ConfigPath, 2, _data.Dir("plan")).ExitCode);

        var outcome = ShardedAnalysis.Analyze(_data.Dir("plan"), index, count, _data.Dir("shards"));

        Assert.Equal(code, Assert.Single(outcome.Diagnostics).Code);
    }

    [Fact]
    public void Should_RefuseAnAlteredPlan_When_AnInputListWasEdited()
    {
        Assert.Equal(0, ShardedAnalysis.Plan(_data.ConfigPath, 2, _data.Dir("plan")).ExitCode);
        File.AppendAllText(Path.Combine(_data.Dir("plan"), "inputs", "00001-of-00002.jsonl"), "{\"key\":\"extra.png\"}\n");

        var outcome = ShardedAnalysis.Analyze(_data.Dir("plan"), 1, 2, _data.Dir("shards"));

        Assert.Equal("DG1041", Assert.Single(outcome.Diagnostics).Code);
    }

    [Fact]
    public void Should_ReportNoShards_When_TheFolderIsEmpty()
    {
        Directory.CreateDirectory(_data.Dir("shards"));

        Assert.Equal("DG3038", Assert.Single(Reduce("out").Diagnostics).Code);
    }

    [Fact]
    public void Should_RoundTripEveryStoredField_When_RecordsAreWrittenAndRead()
    {
        var config = ConfigLoader.Load(_data.ConfigPath).Config!;
        var scan = DatasetScanner.Scan(config.Dataset);
        var measured = DatasetAnalyzer.Measure(DatasetAnalyzer.CreateMeasurer(config), scan.Files, null, null, 1, default).ToList();
        var (labelled, _) = Core.Labels.LabelResolver.Resolve(config, measured);
        Assert.Contains(labelled, r => r.Error is not null);
        Assert.Contains(labelled, r => r.Labels.Count > 0);
        using var buffer = new MemoryStream();
        ShardFile.Write(buffer, labelled, new Dictionary<string, string> { ["k"] = "v" });
        buffer.Position = 0;

        var (meta, rows) = ShardFile.Read(buffer);

        Assert.Equal("v", meta["k"]);
        Assert.Equal(labelled.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            var (a, b) = (labelled[i], rows[i]);
            Assert.Equal(a.Path, b.Path);
            Assert.Equal(a.Values.ToArray().Select(BitConverter.DoubleToInt64Bits), b.Values.ToArray().Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(a.Texts.OrderBy(p => p.Key), b.Texts.OrderBy(p => p.Key));
            Assert.Equal(a.HashBits.OrderBy(p => p.Key), b.HashBits.OrderBy(p => p.Key));
            Assert.Equal(a.Labels.OrderBy(p => p.Key), b.Labels.OrderBy(p => p.Key));
            Assert.Equal(a.Error, b.Error);
            Assert.Equal(a.Notes, b.Notes);
            Assert.Equal(a.Facts is null, b.Facts is null);
            if (a.Facts is { } f)
            {
                Assert.Equivalent(f, b.Facts, strict: true);
            }
        }
    }

    [Fact]
    public void Should_HaveATypedColumnForEveryMetricAndTextColumn_When_TheSchemaIsBuilt()
    {
        var names = ShardSchema.Columns.Select(c => c.Name).ToList();

        Assert.All(MetricCatalog.All, m => Assert.Contains(m.Name, names));
        Assert.All(TextColumns.All.Where(t => t != TextColumns.DuplicateGroup), t => Assert.Contains(t, names));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ShardColumnKind.Hash64, ShardSchema.Columns.Single(c => c.Name == TextColumns.PHash).Kind);
        Assert.Equal(ShardColumnKind.Digest128, ShardSchema.Columns.Single(c => c.Name == TextColumns.FileHash).Kind);
        Assert.All(MetricCatalog.All.Where(m => m.IsFlag), m => Assert.Equal(ShardColumnKind.Flag, ShardSchema.Columns.Single(c => c.Name == m.Name).Kind));
    }

    private static List<string> Codes(GateRunOutcome outcome) =>
        [.. outcome.Diagnostics.Select(d => d.Code), .. (outcome.Result?.Findings ?? []).Select(f => f.Diagnostic.Code)];

    private GateRunOutcome Single() => GateRunner.Run(_data.ConfigPath, new GateRunOptions { OutputDirectory = _data.Dir("single"), DisplayBasePath = _data.Root });

    private GateRunOutcome Reduce(string output) => GateRunner.RunFromShards(_data.ConfigPath, _data.Dir("shards"), new GateRunOptions { OutputDirectory = _data.Dir(output), DisplayBasePath = _data.Root });

    private void PlanAndAnalyze(int shards)
    {
        var plan = ShardedAnalysis.Plan(_data.ConfigPath, shards, _data.Dir("plan"));
        Assert.True(plan.ExitCode == 0, string.Join('\n', plan.Diagnostics));
        var outcomes = new ShardRunOutcome[shards];
        Parallel.For(0, shards, i => outcomes[i] = ShardedAnalysis.Analyze(_data.Dir("plan"), i, shards, _data.Dir("shards"), options: new GateRunOptions { MaxDegreeOfParallelism = 1, DisplayBasePath = _data.Root }));
        Assert.All(outcomes, o => Assert.True(o.ExitCode == 0, string.Join('\n', o.Diagnostics)));
    }

    private string ShardPath(int index) => Path.Combine(_data.Dir("shards"), $"shard-{ShardPlan.ShardName(index, CountShards())}.parquet");

    private int CountShards() => Directory.EnumerateFiles(_data.Dir("plan"), "*.jsonl", SearchOption.AllDirectories).Count();

    private (IReadOnlyDictionary<string, string> Meta, List<ImageRecord> Rows) ReadShard(int index)
    {
        using var stream = File.OpenRead(ShardPath(index));
        return ShardFile.Read(stream);
    }

    private void Rewrite(int index, Action<Dictionary<string, string>, List<ImageRecord>> change)
    {
        var (meta, rows) = ReadShard(index);
        var copy = new Dictionary<string, string>(meta);
        change(copy, rows);
        using var stream = File.Create(ShardPath(index));
        ShardFile.Write(stream, rows, copy);
    }

    private static void AssertSameOutputs(string expected, string actual)
    {
        foreach (var name in s_outputs)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, name))), $"{name} differs");
        }
    }
}
