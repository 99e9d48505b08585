using DataGate.Benchmarks;
using DataGate.Core.Analysis;
using DataGate.Core.Diagnostics;
using DataGate.Core.Sharding;
using Parquet;

namespace DataGate.Core.Tests.Sharding;

/// <summary>
/// <c>near: { method: both }</c> through sharded analysis: the workers store each image's embedding in its shard
/// (float32 bits), the reduce reads them back, and the outputs equal a single check's byte for byte. Generated faces
/// with a 95 % crop (found only by the embedding) and a mirrored copy (found by the mirror-aware hashes) whose names
/// sort into other shards than their originals. The model is the test project's DnnImageModels copy (never downloaded).
/// </summary>
public sealed class ShardEmbeddingTests : IDisposable
{
    private static readonly string s_model = BundledModels.ResNet18;
    private static readonly string[] s_outputs = ["report.json", "metrics.csv", "kept.csv", "summary.md"];
    private readonly string _root = Directory.CreateTempSubdirectory("dg-shard-embedding-").FullName;

    public ShardEmbeddingTests()
    {
        var images = Path.Combine(_root, "images");
        Directory.CreateDirectory(images);
        for (int seed = 21; seed < 33; seed++)
        {
            File.WriteAllBytes(Path.Combine(images, $"m_{seed}.jpg"), SyntheticFaces.JpegOf(seed));
        }

        // Edited copies under names that sort to the other end of the key order (another shard).
        File.WriteAllBytes(Path.Combine(images, "a_crop_21.jpg"), SyntheticFaces.JpegOf(21, "crop_95"));
        File.WriteAllBytes(Path.Combine(images, "z_mirror_26.jpg"), SyntheticFaces.JpegOf(26, "mirrored"));
        File.WriteAllBytes(Path.Combine(images, "z_broken.jpg"), [0xFF, 0xD8, 0xFF, 1, 2, 3]);
        File.WriteAllText(EmbeddingConfig, Rules($"near: {{ method: both, model: '{s_model}', action: warn }}"));
        File.WriteAllText(HashConfig, Rules("near: { action: warn }"));
    }

    private string EmbeddingConfig => Path.Combine(_root, "datagate.yml");

    private string HashConfig => Path.Combine(_root, "hash-only.yml");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Should_WriteTheSameOutputsAsOneCheck_When_EmbeddingsAreAnalysedInShards(int shards)
    {
        var single = GateRunner.Run(EmbeddingConfig, new GateRunOptions { OutputDirectory = Dir("single"), DisplayBasePath = _root });
        Assert.NotNull(single.Result);
        Assert.Contains(single.Result!.Duplicates.Groups, g => g.Members.SequenceEqual(["a_crop_21.jpg", "m_21.jpg"]) && g.Pairs.Any(p => p.Similarity is not null));
        Assert.Contains(single.Result.Duplicates.Groups, g => g.Members.SequenceEqual(["m_26.jpg", "z_mirror_26.jpg"]));
        PlanAndAnalyze(EmbeddingConfig, shards);
        Assert.All(Enumerable.Range(0, shards), i => Assert.True(ShardFile.HasEmbeddings(ReadShard(i, shards, embeddings: true).Meta)));

        var reduce = Reduce(EmbeddingConfig, "reduce");

        Assert.Equal(single.ExitCode, reduce.ExitCode);
        foreach (var name in s_outputs)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(Dir("single"), name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Dir("reduce"), name))), $"{name} differs");
        }
    }

    [Fact]
    public void Should_ReduceWithoutTheModel_When_TheModelFileIsNotOnTheReduceNode()
    {
        // The workers see the model through links that are gone by the reduce (a merge node without the 64 MB model).
        var models = Path.Combine(_root, "models");
        Directory.CreateDirectory(models);
        File.CreateSymbolicLink(Path.Combine(models, "ResNet18.onnx"), s_model);
        File.CreateSymbolicLink(Path.Combine(models, "ResNetPreprocess.onnx"), Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(s_model))!, "ResNetPrepOnnx", "ResNetPreprocess.onnx"));
        File.WriteAllText(EmbeddingConfig, Rules("near: { method: both, model: models/ResNet18.onnx, preprocess: models/ResNetPreprocess.onnx, action: warn }"));
        var single = GateRunner.Run(EmbeddingConfig, new GateRunOptions { OutputDirectory = Dir("single"), DisplayBasePath = _root });
        Assert.Contains(single.Result!.Duplicates.Groups, g => g.Members.Contains("a_crop_21.jpg"));
        PlanAndAnalyze(EmbeddingConfig, 2);
        Directory.Delete(models, recursive: true);

        var reduce = Reduce(EmbeddingConfig, "reduce");

        Assert.Equal(single.ExitCode, reduce.ExitCode);
        foreach (var name in s_outputs)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(Dir("single"), name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Dir("reduce"), name))), $"{name} differs");
        }

        var plain = GateRunner.Run(EmbeddingConfig, new GateRunOptions { OutputDirectory = Dir("again") }); // a plain check still needs the model
        Assert.NotEmpty(plain.Diagnostics);
        Assert.All(plain.Diagnostics, d => Assert.Equal("DG1035", d.Code));
    }

    [Fact]
    public void Should_StoreEachEmbeddingBitForBit_When_TheRuleFileAsksForEmbeddings()
    {
        PlanAndAnalyze(EmbeddingConfig, 2);
        var config = Core.Config.ConfigLoader.Load(EmbeddingConfig).Config!;
        using var embedder = Embeddings.ImageEmbedder.ForConfig(config, new List<Diagnostic>())!;

        var rows = Enumerable.Range(0, 2).SelectMany(i => ReadShard(i, 2, embeddings: true).Rows).ToList();

        var crop = rows.Single(r => r.Path == "a_crop_21.jpg");
        var expected = DatasetAnalyzer.CreateMeasurer(config, embedder: embedder).MeasureEncoded(File.ReadAllBytes(Path.Combine(_root, "images", "a_crop_21.jpg")), "a_crop_21.jpg");
        Assert.Equal(expected.Embedding!.Select(BitConverter.SingleToInt32Bits), crop.Embedding!.Select(BitConverter.SingleToInt32Bits));
        Assert.Null(rows.Single(r => r.Path == "z_broken.jpg").Embedding);
        Assert.All(rows.Where(r => r.Error is null), r => Assert.Equal(Embeddings.ImageEmbedder.Dimensions, r.Embedding!.Length));
    }

    [Fact]
    public void Should_WriteNoEmbeddingColumn_When_TheRuleFileIsHashOnly()
    {
        PlanAndAnalyze(HashConfig, 2);

        var (meta, rows) = ReadShard(0, 2, embeddings: false);

        Assert.False(ShardFile.HasEmbeddings(meta));
        Assert.All(rows, r => Assert.Null(r.Embedding));
        using var stream = File.OpenRead(ShardPath(0, 2));
        Assert.Throws<ShardEmbeddingException>(() => ShardFile.Read(stream, includeEmbeddings: true));
    }

    [Fact]
    public void Should_RefuseWithDG3039_When_ShardsWithoutEmbeddingsAreReducedUnderAnEmbeddingRuleFile()
    {
        PlanAndAnalyze(HashConfig, 2);

        var outcome = Reduce(EmbeddingConfig, "out");

        var errors = outcome.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, d => Assert.Equal("DG3039", d.Code));
        Assert.Contains("shard-00000-of-00002.parquet", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("DG1042", outcome.Diagnostics.Select(d => d.Code));
        Assert.Null(outcome.Result);
        Assert.Equal(ExitCodes.ConfigError, outcome.ExitCode); // like every other refused shard set (DG3030–DG3035)
    }

    [Fact]
    public void Should_RefuseWithDG3039_When_AnEmbeddingIsNot512Floats()
    {
        PlanAndAnalyze(EmbeddingConfig, 2);
        var (meta, rows) = ReadShard(1, 2, embeddings: true);
        WriteRaw(ShardPath(1, 2), meta, rows, row => row == 0 ? new byte[256 * sizeof(float)] : new byte[512 * sizeof(float)]);

        var outcome = Reduce(EmbeddingConfig, "out");

        var d = Assert.Single(outcome.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("DG3039", d.Code);
        Assert.Contains("shard-00001-of-00002.parquet", d.Message, StringComparison.Ordinal);
        Assert.Contains("1024 bytes", d.Message, StringComparison.Ordinal);
        Assert.Null(outcome.Result);
    }

    [Fact]
    public void Should_FailTheTaskWithDG3019AndWriteNoShard_When_TheWorkerCannotLoadTheModel()
    {
        File.WriteAllText(Path.Combine(_root, "broken.onnx"), "not an ONNX model");
        File.WriteAllText(EmbeddingConfig, Rules("near: { method: both, model: broken.onnx, preprocess: broken.onnx, action: warn }"));
        Assert.Equal(0, ShardedAnalysis.Plan(EmbeddingConfig, 2, Dir("plan")).ExitCode);

        var outcome = ShardedAnalysis.Analyze(Dir("plan"), 0, 2, Dir("shards"));

        Assert.Equal("DG3019", Assert.Single(outcome.Diagnostics).Code);
        Assert.Equal(ExitCodes.InternalError, outcome.ExitCode);
        Assert.Empty(outcome.Written);
        Assert.False(File.Exists(ShardPath(0, 2)));
    }

    [Fact]
    public void Should_SayTheShardIsOfAnOlderFormat_When_ItWasWrittenAsDatagateShard1()
    {
        PlanAndAnalyze(HashConfig, 1);
        var (meta, rows) = ReadShard(0, 1, embeddings: false);
        using (var stream = File.Create(ShardPath(0, 1)))
        {
            ShardFile.Write(stream, rows, new Dictionary<string, string>(meta) { [ShardMetadata.Format] = "datagate-shard/1" });
        }

        var d = Assert.Single(Reduce(HashConfig, "out").Diagnostics);

        Assert.Equal("DG3035", d.Code);
        Assert.Contains("datagate-shard/1 shard of another DataGate version", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_AddAbout2KBPerImage_When_ShardsCarryEmbeddings()
    {
        PlanAndAnalyze(HashConfig, 1, "plan-hash", "shards-hash");
        PlanAndAnalyze(EmbeddingConfig, 1);
        int rows = ReadShard(0, 1, embeddings: true).Rows.Count(r => r.Embedding is not null);

        double perImage = (new FileInfo(ShardPath(0, 1)).Length - new FileInfo(Path.Combine(Dir("shards-hash"), "shard-00000-of-00001.parquet")).Length) / (double)rows;

        // 512 float32 values are 2,048 bytes; Snappy finds little to compress in them.
        Assert.InRange(perImage, 1_500, 2_200);
    }

    private static string Rules(string near) =>
        "version: 1\ndataset:\n  root: images\n  include: [\"**/*.jpg\"]\n"
        + "quality:\n  - id: darkest\n    metric: luminance_mean\n    min: { percentile: 5 }\n    action: warn\n"
        + "duplicates:\n  exact: { action: exclude, keep: best_quality }\n  " + near + "\n"
        + "gate:\n  max_errored_fraction: 0.5\n";

    private string Dir(string name) => Path.Combine(_root, name);

    private string ShardPath(int index, int count, string shards = "shards") => Path.Combine(Dir(shards), $"shard-{ShardPlan.ShardName(index, count)}.parquet");

    private GateRunOutcome Reduce(string config, string output) =>
        GateRunner.RunFromShards(config, Dir("shards"), new GateRunOptions { OutputDirectory = Dir(output), DisplayBasePath = _root });

    private void PlanAndAnalyze(string config, int shards, string plan = "plan", string output = "shards")
    {
        var planned = ShardedAnalysis.Plan(config, shards, Dir(plan));
        Assert.True(planned.ExitCode == 0, string.Join('\n', planned.Diagnostics));
        var outcomes = new ShardRunOutcome[shards];
        Parallel.For(0, shards, i => outcomes[i] = ShardedAnalysis.Analyze(Dir(plan), i, shards, Dir(output), options: new GateRunOptions { MaxDegreeOfParallelism = 1, DisplayBasePath = _root }));
        Assert.All(outcomes, o => Assert.True(o.ExitCode == 0, string.Join('\n', o.Diagnostics)));
    }

    private (IReadOnlyDictionary<string, string> Meta, List<ImageRecord> Rows) ReadShard(int index, int count, bool embeddings)
    {
        using var stream = File.OpenRead(ShardPath(index, count));
        return ShardFile.Read(stream, includeEmbeddings: embeddings);
    }

    /// <summary>
    /// A shard as another writer might produce it: the footer and keys of a real one, every other column null except
    /// the embedding column, whose values <paramref name="embedding"/> gives (the DataGate writer refuses a wrong length).
    /// </summary>
    private static void WriteRaw(string path, IReadOnlyDictionary<string, string> meta, List<ImageRecord> rows, Func<int, byte[]> embedding)
        => WriteRawAsync(path, meta, rows, embedding).GetAwaiter().GetResult();

    private static async Task WriteRawAsync(string path, IReadOnlyDictionary<string, string> meta, List<ImageRecord> rows, Func<int, byte[]> embedding)
    {
        var fields = ShardSchema.ParquetWithEmbedding.GetDataFields();
        int n = rows.Count;
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(ShardSchema.ParquetWithEmbedding, stream);
        writer.CustomMetadata = new Dictionary<string, string>(meta);
        using var group = writer.CreateRowGroup();
        for (int c = 0; c < fields.Length; c++)
        {
            var field = fields[c];
            switch (ShardSchema.ColumnsWithEmbedding[c].Kind)
            {
                case ShardColumnKind.Text:
                    await group.WriteAsync(field, rows.Select(r => field.Name == ShardSchema.Key ? r.Path : null).ToArray()!);
                    break;
                case ShardColumnKind.Bytes:
                    await group.WriteAsync(field, new byte[]?[n]!);
                    break;
                case ShardColumnKind.Embedding:
                    await group.WriteAsync(field, Enumerable.Range(0, n).Select(embedding).ToArray());
                    break;
                case ShardColumnKind.Flag:
                    await group.WriteAsync<bool>(field, new bool?[n]);
                    break;
                case ShardColumnKind.Integer or ShardColumnKind.Int64:
                    await group.WriteAsync<long>(field, new long?[n]);
                    break;
                case ShardColumnKind.Int32:
                    await group.WriteAsync<int>(field, new int?[n]);
                    break;
                case ShardColumnKind.Real:
                    await group.WriteAsync<double>(field, new double?[n]);
                    break;
                case ShardColumnKind.Hash64 or ShardColumnKind.MirrorHash64:
                    await group.WriteAsync<ulong>(field, new ulong?[n]);
                    break;
                case ShardColumnKind.Digest128:
                    await group.WriteAsync<Guid>(field, new Guid?[n]);
                    break;
                default:
                    throw new InvalidOperationException(field.Name);
            }
        }
    }
}
