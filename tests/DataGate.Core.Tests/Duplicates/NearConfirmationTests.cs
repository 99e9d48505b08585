using DataGate.Benchmarks;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Duplicates;
using DataGate.Core.Hashing;
using DataGate.Core.Rules;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Core.Tests.Duplicates;

public sealed class NearConfirmationTests
{
    private static readonly ImageMeasurer s_measurer = new(selection: MetricSelection.Of("hashes"));

    private static ImageRecord Measure(SixLabors.ImageSharp.Image<Rgb24> image, string name, int quality = 90) =>
        s_measurer.MeasureEncoded(SyntheticFaces.Jpeg(image, quality), name);

    private static ImageRecord Planted(int seed, string kind, string name)
    {
        using var face = SyntheticFaces.Face(seed);
        using var copy = SyntheticFaces.Variant(face, kind, seed, out int quality);
        return Measure(copy, name, quality);
    }

    private static ImageRecord Original(int seed, string name)
    {
        using var face = SyntheticFaces.Face(seed);
        return Measure(face, name);
    }

    private static DuplicateReport Find(DuplicatePolicy near, params ImageRecord[] records) =>
        DuplicateFinder.Find(records, new DuplicateSettings { Near = near }, null, 1);

    [Fact]
    public void Should_GroupMirroredCopyAsMirrored_When_MirrorMatchingIsOn()
    {
        var original = Original(11, "a.jpg");
        var mirrored = Planted(11, "mirrored", "b.jpg");
        var other = Original(12, "c.jpg");

        var report = Find(new DuplicatePolicy(), original, mirrored, other);

        var group = Assert.Single(report.Groups);
        Assert.Equal(["a.jpg", "b.jpg"], group.Members);
        var pair = Assert.Single(group.Pairs);
        Assert.True(pair.Mirrored);
        Assert.InRange(pair.Distance, 0, 4);
        Assert.True(pair.Correlation > 0.95, $"correlation {pair.Correlation}");
        Assert.True(HashFormat.HammingDistance(original.HashBits["phash"], mirrored.HashBits["phash"]) > 4, "a mirror is far from the original's own pHash");
    }

    [Fact]
    public void Should_NoteOnlyTheMirroredCopyAsMirrored_When_GroupHoldsDirectAndMirroredCopies()
    {
        var settings = new DuplicateSettings { Near = new DuplicatePolicy { Action = RuleAction.Warn, Keep = KeepPolicy.FirstPath } };
        var records = new[] { Original(11, "a.jpg"), Planted(11, "mirrored", "b.jpg"), Planted(11, "resized", "c.jpg") };
        var report = DuplicateFinder.Find(records, settings, null, 1);

        var (findings, _) = DuplicateEvaluator.Evaluate(settings, report);

        var notes = Assert.Single(findings, f => f.Diagnostic.Code == "DG2031").Images.ToDictionary(i => i.Path, i => i.Note);
        Assert.Equal(["b.jpg", "c.jpg"], notes.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("(mirrored) to 'a.jpg' (kept)", notes["b.jpg"], StringComparison.Ordinal);
        Assert.DoesNotContain("mirrored", notes["c.jpg"], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_MissMirroredCopy_When_MirrorMatchingIsOff()
    {
        var report = Find(new DuplicatePolicy { Mirror = false }, Original(11, "a.jpg"), Planted(11, "mirrored", "b.jpg"));

        Assert.Empty(report.Groups);
    }

    [Theory]
    [InlineData("resized")]
    [InlineData("jpeg_q20")]
    [InlineData("colour_shift")]
    public void Should_ConfirmPlantedCopy_When_DefaultsAreUsed(string kind)
    {
        var report = Find(new DuplicatePolicy(), Original(21, "a.jpg"), Planted(21, kind, "b.jpg"));

        var pair = Assert.Single(Assert.Single(report.Groups).Pairs);
        Assert.False(pair.Mirrored);
        Assert.NotNull(pair.DHashDistance);
        Assert.InRange(pair.DHashDistance!.Value, 0, 8);
        Assert.Equal(0, report.NearUnconfirmedPairs);
    }

    [Fact]
    public void Should_DeriveMirroredHashesExactly_When_ImageIsMirroredPixelForPixel()
    {
        using var face = SyntheticFaces.Face(5);
        using var flipped = SyntheticFaces.Variant(face, "mirrored", 0, out _);
        var px = new byte[200 * 200 * 3];
        var mpx = new byte[200 * 200 * 3];
        face.CopyPixelDataTo(px);
        flipped.CopyPixelDataTo(mpx);

        var h = PerceptualHash.Compute(new Core.Imaging.RgbImage(200, 200, px));
        var m = PerceptualHash.Compute(new Core.Imaging.RgbImage(200, 200, mpx));

        Assert.Equal(m.PHash64, h.PHashMirror64);
        Assert.Equal(m.DHash64, h.DHashMirror64);
        Assert.Equal(h.PHash64, m.PHashMirror64);
        Assert.NotEqual(h.PHash64, h.PHashMirror64);
    }

    /// <summary>Two records with the same pHash but different content (dHash, thumbnail): a false candidate.</summary>
    private static (ImageRecord A, ImageRecord B) LookAlikes()
    {
        var a = Original(31, "a.jpg");
        var b = Original(32, "b.jpg");
        var forged = b.Copy();
        forged.HashSlots["phash"] = a.HashBits["phash"];
        return (a, forged);
    }

    [Fact]
    public void Should_RejectCandidate_When_SecondCheckDisagrees()
    {
        var (a, b) = LookAlikes();

        var report = Find(new DuplicatePolicy(), a, b);

        Assert.Empty(report.Groups);
        Assert.Equal(1, report.NearCandidatePairs);
        Assert.Equal(1, report.NearUnconfirmedPairs);
    }

    [Theory]
    [InlineData(NearConfirm.Off, 1)]
    [InlineData(NearConfirm.DHash, 0)]
    [InlineData(NearConfirm.Correlation, 0)]
    [InlineData(NearConfirm.Both, 0)]
    public void Should_ApplyChosenCheck_When_ConfirmIsSet(NearConfirm confirm, int groups)
    {
        var (a, b) = LookAlikes();

        var report = Find(new DuplicatePolicy { Confirm = confirm }, a, b);

        Assert.Equal(groups, report.Groups.Count);
    }

    [Fact]
    public void Should_AcceptCandidate_When_BoundsAreLoose()
    {
        var (a, b) = LookAlikes();

        var report = Find(new DuplicatePolicy { ConfirmMaxDistance = 64, ConfirmMinCorrelation = -1 }, a, b);

        var pair = Assert.Single(Assert.Single(report.Groups).Pairs);
        Assert.Equal(0, pair.Distance);
        Assert.True(pair.DHashDistance > 8);
        Assert.True(pair.Correlation < 0.95);
    }

    [Fact]
    public void Should_ReportUnconfirmedCount_When_GateRuns()
    {
        var (a, b) = LookAlikes();
        var config = new GateConfig { Dataset = DatasetSettings.None };

        var result = RuleSet.FromConfig(config).Check([a, b]);

        var finding = Assert.Single(result.Findings, f => f.Diagnostic.Code == "DG2071");
        Assert.Equal(Core.Diagnostics.Severity.Info, finding.Diagnostic.Severity);
        Assert.DoesNotContain(result.Findings, f => f.Diagnostic.Code == "DG2031");
    }

    [Fact]
    public void Should_StopAtCandidateCapAndStillConnect_When_ImagesAreLookAlikes()
    {
        var template = Original(41, "t.jpg");
        var records = Enumerable.Range(0, 300).Select(i =>
        {
            var r = template.Copy();
            r.TextSlots[TextColumns.PixelHash] = $"p{i}";
            return Rename(r, $"img{i:D3}.jpg");
        }).ToArray();

        var report = Find(new DuplicatePolicy { MaxCandidates = 8 }, records);

        var group = Assert.Single(report.Groups);
        Assert.Equal(300, group.Members.Count);
        Assert.Equal(299, group.Pairs.Count);
        Assert.NotEmpty(report.NearCappedImages);
        Assert.True(report.NearCandidatePairs <= 300 * 8 * 2, $"{report.NearCandidatePairs} candidates");
    }

    [Fact]
    public void Should_WarnWithDG2070_When_CandidateCapIsReached()
    {
        var template = Original(41, "t.jpg");
        var records = Enumerable.Range(0, 20).Select(i =>
        {
            var r = template.Copy();
            r.TextSlots[TextColumns.PixelHash] = $"p{i}";
            return Rename(r, $"img{i:D3}.jpg");
        }).ToArray();
        var config = new GateConfig { Dataset = DatasetSettings.None, Duplicates = new DuplicateSettings { Near = new DuplicatePolicy { MaxCandidates = 2 } } };

        var result = RuleSet.FromConfig(config).Check(records);

        var finding = Assert.Single(result.Findings, f => f.Diagnostic.Code == "DG2070");
        Assert.Equal(Core.Diagnostics.Severity.Warning, finding.Diagnostic.Severity);
        Assert.Single(result.Duplicates.Groups);
    }

    [Fact]
    public void Should_NotConfirm_When_EvidenceIsMissing()
    {
        var a = Original(51, "a.jpg");
        var b = a.Copy();
        b.TextSlots[TextColumns.PixelHash] = "other";
        b.Thumbnail = null;
        var renamed = Rename(b, "b.jpg");

        var report = Find(new DuplicatePolicy(), a, renamed);

        Assert.Empty(report.Groups);
        Assert.Equal(["b.jpg"], report.NearMissingEvidence);
    }

    [Fact]
    public void Should_ComputePearsonCorrelation_When_ThumbnailsAreGiven()
    {
        var rng = new Random(3);
        var a = new byte[1024];
        var b = new byte[1024];
        rng.NextBytes(a);
        rng.NextBytes(b);
        double ma = a.Average(v => (double)v);
        double mb = b.Average(v => (double)v);
        double cov = a.Zip(b, (x, y) => (x - ma) * (y - mb)).Sum();
        double expected = cov / Math.Sqrt(a.Sum(x => (x - ma) * (x - ma)) * b.Sum(y => (y - mb) * (y - mb)));

        Assert.Equal(expected, NearDuplicateSearch.Pearson(a, b), 12);
        Assert.Equal(1, NearDuplicateSearch.Pearson(a, a), 12);
        Assert.Equal(-1, NearDuplicateSearch.Pearson(a, a.Select(v => (byte)(255 - v)).ToArray()), 12);
    }

    [Theory]
    [InlineData(0, 300)]
    [InlineData(4, 300)]
    [InlineData(8, 5000)]
    [InlineData(12, 5000)]
    public void Should_ReturnSamePairsAsBruteForce_When_CapIsNotReached(int radius, int n)
    {
        var rng = new Random(radius + n);
        var hashes = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            hashes[i] = i % 3 == 1 ? hashes[i - 1] ^ (1UL << rng.Next(64)) ^ (1UL << rng.Next(64)) : (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40);
        }

        var index = new NearCandidateIndex(hashes, radius);
        var found = new List<(int Item, int Distance)>();
        var pairs = new List<NearDuplicatePair>();
        for (int i = 0; i < n; i++)
        {
            Assert.False(index.Query(hashes[i], i, 100_000, found));
            pairs.AddRange(found.Select(f => new NearDuplicatePair(i, f.Item, f.Distance)));
        }

        pairs.Sort((x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second.CompareTo(y.Second));
        Assert.Equal(NearDuplicateIndex.BruteForcePairs(hashes, radius), pairs);
    }

    private static ImageRecord Rename(ImageRecord source, string path)
    {
        var r = new ImageRecord(path) { Facts = source.Facts, Thumbnail = source.Thumbnail };
        source.Values.CopyTo(r.ValueSlots);
        foreach (var (k, v) in source.Texts)
        {
            r.TextSlots[k] = v;
        }

        foreach (var (k, v) in source.HashBits)
        {
            r.HashSlots[k] = v;
        }

        return r;
    }
}
