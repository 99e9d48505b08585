using DataGate.Benchmarks;
using DataGate.Core.Analysis;
using DataGate.Core.Caching;
using DataGate.Core.Config;
using DataGate.Core.Duplicates;
using DataGate.Core.Embeddings;
using DataGate.Core.Hashing;
using DataGate.Core.Rules;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Core.Tests.Duplicates;

/// <summary>
/// <c>near: { method: embedding }</c>: the ResNet18 model of the Microsoft.ML.DnnImageFeaturizer.ResNet18 package (a
/// test PackageReference copies it to DnnImageModels/ in the output; nothing is downloaded), a handful of generated
/// images through it, the search, the configuration and the failure paths.
/// </summary>
public sealed class EmbeddingTests : IDisposable
{
    private static readonly string s_model = BundledModels.ResNet18;
    private static readonly string s_preprocess = Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx");
    private static readonly Lazy<ImageEmbedder> s_embedder = new(() => ImageEmbedder.Load(s_model, s_preprocess, out var error) ?? throw new InvalidOperationException(error));
    private static readonly Lazy<ImageMeasurer> s_measurer = new(() => new ImageMeasurer(selection: MetricSelection.Of("hashes")) { Embedder = s_embedder.Value });

    private readonly string _dir = Directory.CreateTempSubdirectory("dg-embedding-").FullName;

    public EmbeddingTests() => Directory.CreateDirectory(Path.Combine(_dir, "images"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ImageRecord Measure(SixLabors.ImageSharp.Image<Rgb24> image, string name, int quality = 90) =>
        s_measurer.Value.MeasureEncoded(SyntheticFaces.Jpeg(image, quality), name);

    private static ImageRecord Original(int seed, string name)
    {
        using var face = SyntheticFaces.Face(seed);
        return Measure(face, name);
    }

    private static ImageRecord Planted(int seed, string kind, string name)
    {
        using var face = SyntheticFaces.Face(seed);
        using var copy = SyntheticFaces.Variant(face, kind, seed, out int quality);
        return Measure(copy, name, quality);
    }

    private static DuplicateReport Find(DuplicatePolicy near, params ImageRecord[] records) =>
        DuplicateFinder.Find(records, new DuplicateSettings { Near = near }, null, 1);

    [Fact]
    public void Should_FindCroppedCopyByEmbedding_When_PHashMissesIt()
    {
        var original = Original(21, "a.jpg");
        var crop = Planted(21, "crop_95", "b.jpg");
        var other = Original(22, "c.jpg");
        var third = Original(23, "d.jpg");
        Assert.True(HashFormat.HammingDistance(original.HashBits["phash"], crop.HashBits["phash"]) > 4, "the crop is beyond the default pHash radius");

        var byHash = Find(new DuplicatePolicy(), original, crop, other, third);
        var byEmbedding = Find(new DuplicatePolicy { Method = NearMethod.Embedding }, original, crop, other, third);

        Assert.Empty(byHash.Groups);
        var group = Assert.Single(byEmbedding.Groups);
        Assert.Equal(["a.jpg", "b.jpg"], group.Members);
        var pair = Assert.Single(group.Pairs);
        Assert.InRange(pair.Similarity!.Value, new DuplicatePolicy().MinSimilarity, 1.0);
        Assert.Equal(pair.Similarity, group.MinSimilarity);
        Assert.Null(pair.Correlation);
        Assert.StartsWith("cosine 0.9", pair.Describe("phash"), StringComparison.Ordinal);
        Assert.Equal(NearMethod.Embedding, byEmbedding.NearMethod);
        Assert.False(byEmbedding.NearApproximate);
    }

    [Fact]
    public void Should_FindMirroredCopyByEmbedding_When_HashMirrorMatchingIsOff()
    {
        var original = Original(31, "a.jpg");
        var mirrored = Planted(31, "mirrored", "b.jpg");
        var other = Original(32, "c.jpg");

        Assert.Empty(Find(new DuplicatePolicy { Mirror = false }, original, mirrored, other).Groups);
        var group = Assert.Single(Find(new DuplicatePolicy { Method = NearMethod.Embedding }, original, mirrored, other).Groups);
        Assert.Equal(["a.jpg", "b.jpg"], group.Members);
    }

    [Fact]
    public void Should_JoinHashAndEmbeddingLinks_When_MethodIsBoth()
    {
        // The JPEG q20 copy is the hashes' (its embedding moves more than a crop's); the crop is the embedding's.
        var original = Original(41, "a.jpg");
        var crop = Planted(41, "crop_90", "b.jpg");
        var lowQuality = Planted(41, "jpeg_q20", "c.jpg");
        var other = Original(42, "d.jpg");

        var report = Find(new DuplicatePolicy { Method = NearMethod.Both }, original, crop, lowQuality, other);

        var group = Assert.Single(report.Groups);
        Assert.Equal(["a.jpg", "b.jpg", "c.jpg"], group.Members);
        Assert.Contains(group.Pairs, p => p.Similarity is not null);
        Assert.Contains(group.Pairs, p => p.Similarity is null && p.Correlation is not null);
    }

    [Fact]
    public void Should_GiveUnitEmbeddingsThatSurviveTheCache_When_ImageIsMeasured()
    {
        var record = Original(51, "a.jpg");

        var e = Assert.IsType<float[]>(record.Embedding);
        Assert.Equal(ImageEmbedder.Dimensions, e.Length);
        Assert.Equal(1.0, Math.Sqrt(e.Sum(x => (double)x * x)), 4);
        var decoded = RecordCodec.Decode("a.jpg", RecordCodec.Encode(record));
        Assert.Equal(e, decoded.Embedding);
        var plain = Original(52, "b.jpg");
        plain.Embedding = null;
        Assert.Null(RecordCodec.Decode("b.jpg", RecordCodec.Encode(plain)).Embedding);
    }

    [Fact]
    public void Should_FindTheSamePairsExactlyAndApproximately_When_PairsArePlanted()
    {
        // 3,000 random unit vectors (unrelated: cosine ≈ 0 ± 0.05) with 150 planted near copies at cosine ≈ 0.97, and
        // 30 at ≈ 0.85 (below the threshold): both searches must return exactly the 150.
        var random = new Random(7);
        var vectors = new List<float[]?>();
        for (int i = 0; i < 3000; i++)
        {
            vectors.Add(Gaussian(random));
        }

        var planted = new HashSet<(int, int)>();
        for (int k = 0; k < 180; k++)
        {
            int source = k * 13;
            var copy = (float[])vectors[source]!.Clone();
            var noise = Gaussian(random);
            float weight = k < 150 ? 0.25f : 0.62f;
            for (int e = 0; e < copy.Length; e++)
            {
                copy[e] += weight * noise[e];
            }

            ImageEmbedder.Normalize(copy);
            vectors.Add(copy);
            if (k < 150)
            {
                planted.Add((source, vectors.Count - 1));
            }
        }

        vectors.Add(null); // an image without an embedding takes no part

        var exact = EmbeddingNeighbours.Find(vectors, ImageEmbedder.Dimensions, 0.9f, approximate: false, 2, default);
        var approximate = EmbeddingNeighbours.Find(vectors, ImageEmbedder.Dimensions, 0.9f, approximate: true, 2, default);

        Assert.False(exact.Approximate);
        Assert.True(approximate.Approximate);
        Assert.Equal(planted.Order(), exact.Pairs.Select(p => (p.First, p.Second)).Order());
        Assert.Equal(exact.Pairs, approximate.Pairs);
        Assert.True(approximate.Comparisons < exact.Comparisons / 3, $"approximate {approximate.Comparisons} vs exact {exact.Comparisons} comparisons");
    }

    private static float[] Gaussian(Random random)
    {
        var v = new float[ImageEmbedder.Dimensions];
        for (int e = 0; e < v.Length; e++)
        {
            v[e] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        ImageEmbedder.Normalize(v);
        return v;
    }

    [Fact]
    public void Should_ReportDG3019AndNotCrash_When_ModelCannotBeLoaded()
    {
        var images = Path.Combine(_dir, "images");
        using (var face = SyntheticFaces.Face(61))
        {
            File.WriteAllBytes(Path.Combine(images, "a.jpg"), SyntheticFaces.Jpeg(face, 90));
        }

        File.WriteAllBytes(Path.Combine(images, "b.jpg"), File.ReadAllBytes(Path.Combine(images, "a.jpg")));
        File.WriteAllText(Path.Combine(_dir, "broken.onnx"), "not an ONNX model");
        File.WriteAllText(Path.Combine(_dir, "datagate.yml"), "version: 1\ndataset:\n  root: images\nduplicates:\n  near: { method: embedding, model: broken.onnx, preprocess: broken.onnx }\n");

        var outcome = GateRunner.Run(Path.Combine(_dir, "datagate.yml"), new GateRunOptions { CacheDirectory = Path.Combine(_dir, "cache") });

        var all = outcome.Diagnostics.Concat(outcome.Result?.Findings.Select(f => f.Diagnostic) ?? []).ToList();
        var load = Assert.Single(all, d => d.Code == "DG3019");
        Assert.Equal(Core.Diagnostics.Severity.Error, load.Severity);
        Assert.Contains("broken.onnx", load.Message, StringComparison.Ordinal);
        Assert.Equal((5, 9), (load.Location!.Line, load.Location.Column));
        Assert.Contains(all, d => d.Code == "DG2073");
        Assert.Contains(all, d => d.Code == "DG2030"); // the exact copy is still found
        Assert.Equal(1, outcome.ExitCode);
    }

    [Theory]
    [InlineData("near: { method: embedding }", "DG1035", 5, 9)]
    [InlineData("near: { method: embedding, model: missing.onnx }", "DG1035", 5, 37)]
    [InlineData("near: { method: embedding, model: m/ResNet18.onnx, preprocess: nope.onnx }", "DG1035", 5, 66)]
    [InlineData("near: { method: embedding, model: m/ResNet18.onnx, max_distance: 6 }", "DG1035", 5, 54)]
    [InlineData("near: { min_similarity: 0.9 }", "DG1035", 5, 11)]
    [InlineData("near: { method: embeddings }", "DG1008", 5, 19)]
    [InlineData("near: { method: embedding, model: m/ResNet18.onnx, min_similarity: 1.5 }", "DG1008", 5, 70)]
    [InlineData("near: { method: embedding, model: m/ResNet18.onnx, search: fast }", "DG1008", 5, 62)]
    public void Should_ReportPosition_When_EmbeddingOptionIsInvalid(string near, string code, int line, int column)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "m"));
        Directory.CreateDirectory(Path.Combine(_dir, "ResNetPrepOnnx"));
        File.WriteAllText(Path.Combine(_dir, "m", "ResNet18.onnx"), "model");
        File.WriteAllText(Path.Combine(_dir, "ResNetPrepOnnx", "ResNetPreprocess.onnx"), "preprocess");
        var result = ConfigLoader.Parse("version: 1\ndataset:\n  root: images\nduplicates:\n  " + near + "\n", "datagate.yml", _dir);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal((line, column), (d.Location!.Line, d.Location.Column));
    }

    [Fact]
    public void Should_FindThePackagesPreprocessingModel_When_OnlyTheModelIsGiven()
    {
        var result = ConfigLoader.Parse($"version: 1\ndataset:\n  root: images\nduplicates:\n  near: {{ method: both, model: '{s_model}', min_similarity: 0.97, search: approximate }}\n", "datagate.yml", _dir);

        Assert.Empty(result.Diagnostics);
        var near = result.Config!.Duplicates.Near!;
        Assert.Equal(NearMethod.Both, near.Method);
        Assert.Equal(Path.GetFullPath(s_preprocess), near.Preprocess);
        Assert.Equal(0.97, near.MinSimilarity);
        Assert.Equal(EmbeddingSearch.Approximate, near.Search);
        Assert.True(near.Mirror);
    }

    [Fact]
    public void Should_NameTheEmbeddingRule_When_GroupIsReported()
    {
        var original = Original(21, "a.jpg");
        var crop = Planted(21, "crop_95", "b.jpg");
        var settings = new DuplicateSettings { Near = new DuplicatePolicy { Method = NearMethod.Embedding, Action = RuleAction.Warn } };
        var report = DuplicateFinder.Find([original, crop], settings, null, 1);

        var (findings, _) = DuplicateEvaluator.Evaluate(settings, report);

        var finding = Assert.Single(findings, f => f.Diagnostic.Code == "DG2031");
        Assert.Contains("embedding cosine similarity ≥ 0.", finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.StartsWith("embedding cosine ≥ 0.9", Assert.Single(finding.Images).Note, StringComparison.Ordinal);
    }
}
