using DataGate.Core.Analysis;
using DataGate.Core.Caching;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Imaging;
using DataGate.Core.Rules;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Core.Tests.Caching;

public sealed class AnalysisCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dg-cache-").FullName;

    private string Images => Path.Combine(_root, "images");

    private string CacheDir => Path.Combine(_root, "cache");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Should_DecodeNothing_When_NothingChanged()
    {
        WriteImages(4);
        var first = Analyze(out var cold);
        var second = Analyze(out var warm);

        Assert.Equal((0, 4), (cold.Hits, cold.Misses));
        Assert.Equal((4, 0), (warm.Hits, warm.Misses));
        AssertSameRecords(first, second);
    }

    [Fact]
    public void Should_ReanalyseOnlyTheChangedImage_When_OneImageChanges()
    {
        WriteImages(4);
        Analyze(out _);
        Noise(Path.Combine(Images, "img1.png"), seed: 99, gray: true);

        var records = Analyze(out var cache);

        Assert.Equal((3, 1), (cache.Hits, cache.Misses));
        Assert.Equal(1, records.Single(r => r.Path == "img1.png")[MetricCatalog.IsGrayscale]);
    }

    [Fact]
    public void Should_ReuseByContentHash_When_OnlyTheModificationTimeChanges()
    {
        WriteImages(2);
        Analyze(out _);
        File.SetLastWriteTimeUtc(Path.Combine(Images, "img0.png"), DateTime.UtcNow.AddMinutes(-5));

        Analyze(out var cache);

        Assert.Equal((2, 0), (cache.Hits, cache.Misses));
        Assert.True(cache.Rehashed >= 1);
    }

    [Fact]
    public void Should_DropEntries_When_ImagesAreRemoved()
    {
        WriteImages(3);
        Analyze(out _);
        File.Delete(Path.Combine(Images, "img2.png"));
        Analyze(out _);
        var length = new FileInfo(CacheFilePath()).Length;
        WriteImages(2);

        Analyze(out var cache);

        Assert.Equal((2, 0), (cache.Hits, cache.Misses));
        Assert.Equal(length, new FileInfo(CacheFilePath()).Length);
    }

    [Fact]
    public void Should_WarnDG3012AndAnalyseAfresh_When_TheCacheFileIsTruncated()
    {
        WriteImages(3);
        Analyze(out _);
        var file = CacheFilePath();
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);

        var analysis = DatasetAnalyzer.Run(Config(), AnalysisCache.Open(CacheDir, Config()), null, 1);
        var again = Analyze(out var healed);

        Assert.Contains(analysis.Diagnostics, d => d.Code == "DG3012" && d.Severity == Severity.Warning);
        Assert.Equal(3, again.Count);
        Assert.Equal((3, 0), (healed.Hits, healed.Misses));
    }

    [Fact]
    public void Should_IgnoreTheCacheSilently_When_DecodeLimitsDiffer()
    {
        WriteImages(2);
        Analyze(out _);
        var config = new GateConfig { Dataset = Config().Dataset, Limits = new LimitSettings { MaxPixels = 1_000_000 } };

        var cache = AnalysisCache.Open(CacheDir, config);
        var analysis = DatasetAnalyzer.Run(config, cache, null, 1);

        Assert.Equal((0, 2), (cache.Hits, cache.Misses));
        Assert.DoesNotContain(analysis.Diagnostics, d => d.Code == "DG3012");
    }

    [Fact]
    public void Should_ReanalyseEveryImage_When_TheDecodeEngineChanges()
    {
        WriteImages(2);
        var turbo = AnalysisCache.Open(CacheDir, Config(), engine: DecodeEngine.LibJpegTurbo);
        DatasetAnalyzer.Run(Config(), turbo, null, 1, engine: DecodeEngine.LibJpegTurbo);
        var sameEngine = AnalysisCache.Open(CacheDir, Config(), engine: DecodeEngine.LibJpegTurbo);
        DatasetAnalyzer.Run(Config(), sameEngine, null, 1, engine: DecodeEngine.LibJpegTurbo);

        var other = AnalysisCache.Open(CacheDir, Config(), engine: DecodeEngine.ImageSharp);
        DatasetAnalyzer.Run(Config(), other, null, 1, engine: DecodeEngine.ImageSharp);

        Assert.Equal((2, 0), (sameEngine.Hits, sameEngine.Misses));
        Assert.Equal((0, 2), (other.Hits, other.Misses));
    }

    [Fact]
    public void Should_CacheDecodeErrors_When_AFileIsCorrupt()
    {
        WriteImages(1);
        File.WriteAllText(Path.Combine(Images, "bad.png"), "not an image");
        var first = Analyze(out _);

        var second = Analyze(out var cache);

        Assert.Equal((2, 0), (cache.Hits, cache.Misses));
        Assert.Equal(first.Single(r => r.Path == "bad.png").Error, second.Single(r => r.Path == "bad.png").Error);
    }

    [Fact]
    public void Should_LeaveAWholeCache_When_TwoRunsSaveConcurrently()
    {
        WriteImages(6);
        var caches = Enumerable.Range(0, 4).Select(_ => AnalysisCache.Open(CacheDir, Config())).ToArray();

        Parallel.ForEach(caches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, c => DatasetAnalyzer.Run(Config(), c, null, 1));
        var analysis = DatasetAnalyzer.Run(Config(), AnalysisCache.Open(CacheDir, Config()), null, 1);
        Analyze(out var after);

        Assert.DoesNotContain(analysis.Diagnostics, d => d.Code == "DG3012");
        Assert.Equal((6, 0), (after.Hits, after.Misses));
        Assert.Single(Directory.GetFiles(CacheDir));
    }

    [Fact]
    public void Should_StoreEveryImageRecordProperty_When_TheRecordGainsOne()
    {
        var properties = typeof(ImageRecord).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal);

        var known = RecordCodec.StoredProperties.Concat(RecordCodec.NotStoredProperties).Order(StringComparer.Ordinal);

        Assert.Equal(known, properties);
    }

    [Fact]
    public void Should_RoundTripEveryStoredField_When_EncodedAndDecoded()
    {
        var record = new ImageRecord("a/b.png")
        {
            Facts = new ImageFacts { Format = "PNG", Width = 3, Height = 2, Channels = 4, Mode = "RGBA", FileSize = 77, ExifOrientation = 6, FrameCount = 2 },
            Error = DiagnosticCodes.Truncated.Create("cut", new SourceSpan("x.yml", 3, 4), "a/b.png", "r1"),
        };
        record.ValueSlots[0] = 1.5;
        record.ValueSlots[1] = double.PositiveInfinity;
        record.TextSlots["phash"] = "abc";
        record.HashSlots["phash"] = 0xFEDCBA9876543210;
        record.NoteSlots.Add(DiagnosticCodes.MultiFrame.Create("first frame"));
        record.LabelSlots["age"] = "4";

        var copy = RecordCodec.Decode(record.Path, RecordCodec.Encode(record));

        Assert.Equal(record.Values, copy.Values);
        Assert.Equal(record.Texts, copy.Texts);
        Assert.Equal(record.HashBits, copy.HashBits);
        Assert.Equivalent(record.Facts, copy.Facts);
        Assert.Equal(record.Error, copy.Error);
        Assert.Equal(record.Notes, copy.Notes);
        Assert.Empty(copy.Labels);
    }

    [Fact]
    public void Should_DecodeNothing_When_OnlyAThresholdChanges()
    {
        WriteImages(3);
        File.WriteAllText(Path.Combine(_root, "datagate.yml"), "version: 1\ndataset:\n  root: images\nquality:\n  - id: colour\n    metric: is_grayscale\n    max: 0\n    action: fail\n");
        var loose = GateRunner.Run(Path.Combine(_root, "datagate.yml"), new GateRunOptions { CacheDirectory = CacheDir });
        File.WriteAllText(Path.Combine(_root, "datagate.yml"), "version: 1\ndataset:\n  root: images\nquality:\n  - id: colour\n    metric: is_grayscale\n    max: -1\n    action: fail\n");
        var config = ConfigLoader.Load(Path.Combine(_root, "datagate.yml")).Config!;

        var cache = AnalysisCache.Open(CacheDir, config);
        var result = GateEvaluator.Evaluate(config, DatasetAnalyzer.Run(config, cache, null, 1));

        Assert.True(loose.Result!.Passed);
        Assert.False(result.Passed);
        Assert.Equal((3, 0), (cache.Hits, cache.Misses));
    }

    private static void AssertSameRecords(IReadOnlyList<ImageRecord> expected, IReadOnlyList<ImageRecord> actual)
    {
        Assert.Equal(expected.Select(r => r.Path), actual.Select(r => r.Path));
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Values, actual[i].Values);
            Assert.Equal(expected[i].Texts, actual[i].Texts);
            Assert.Equivalent(expected[i].Facts, actual[i].Facts);
        }
    }

    private static void Noise(string path, int seed, bool gray)
    {
        var rng = new Random(seed);
        using var image = new Image<Rgb24>(16, 16);
        for (int y = 0; y < 16; y++)
        {
            for (int x = 0; x < 16; x++)
            {
                byte r = (byte)rng.Next(256);
                image[x, y] = gray ? new Rgb24(r, r, r) : new Rgb24(r, (byte)rng.Next(256), (byte)rng.Next(256));
            }
        }

        image.SaveAsPng(path);
    }

    private void WriteImages(int count)
    {
        Directory.CreateDirectory(Images);
        for (int i = 0; i < count; i++)
        {
            Noise(Path.Combine(Images, $"img{i}.png"), i, gray: false);
        }
    }

    private GateConfig Config() => GateConfig.ForFolder(Images);

    private string CacheFilePath() => Directory.GetFiles(CacheDir, "*.dgcache").Single();

    private IReadOnlyList<ImageRecord> Analyze(out AnalysisCache cache)
    {
        cache = AnalysisCache.Open(CacheDir, Config());
        var analysis = DatasetAnalyzer.Run(Config(), cache, null, 1);
        Assert.DoesNotContain(analysis.Diagnostics, d => d.Code == "DG3012");
        return analysis.Records;
    }
}
