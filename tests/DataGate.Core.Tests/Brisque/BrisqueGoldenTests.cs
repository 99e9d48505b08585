using DataGate.Core.Imaging;
using DataGate.Core.Quality.Brisque;
using DataGate.Core.Tests.Support;
using Xunit.Abstractions;

namespace DataGate.Core.Tests.Brisque;

public class BrisqueGoldenTests
{
    // Relative tolerance on each feature, with an absolute floor for features that are (near) zero, e.g. the
    // pair-product σ² of smooth synthetic images, which OpenCV reports down to 1e-20 (in practice all match
    // within 1e-6 relative even without the floor).
    private const double FeatureRelTol = 1e-4;
    private const double FeatureAbsFloor = 1e-12;
    private const double ScoreTol = 0.05;

    private static readonly Lazy<Dictionary<string, double[]>> s_features = new(() =>
        Golden.ReadCsv(Path.Combine(Golden.Root, "reference", "brisque_features.csv"))
            .ToDictionary(r => r["path"], r => Enumerable.Range(0, 36).Select(i => Golden.Number(r[$"f{i:00}"])).ToArray(), StringComparer.Ordinal));

    private readonly ITestOutputHelper _output;
    private readonly Quality.Brisque.Brisque _brisque = new(BrisqueModel.LoadDefault());

    public BrisqueGoldenTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Should_MatchOpenCvFeatures_When_LosslessGoldenImagesAreScored()
    {
        var rows = Golden.LosslessRows().ToList();
        Assert.NotEmpty(rows);
        AssertFeatures(rows.Select(r => (r["path"], Golden.Load(Golden.Image(r["path"])))));
    }

    [Fact]
    public void Should_MatchOpenCvFeatures_When_PillowDecodedPixelsAreScored()
    {
        var rows = Golden.DecodedRows().ToList();
        Assert.NotEmpty(rows);
        AssertFeatures(rows.Select(r => (r.Row["path"], Golden.Load(r.DecodedPng))));
    }

    [Fact]
    public void Should_MatchOpenCvScore_When_ExactPixelsAreScored()
    {
        var images = Golden.LosslessRows().Select(r => (Row: r, Image: Golden.Load(Golden.Image(r["path"]))))
            .Concat(Golden.DecodedRows().Select(r => (r.Row, Image: Golden.Load(r.DecodedPng))))
            .ToList();
        int unclamped = 0;
        double worst = 0;
        foreach (var (row, image) in images)
        {
            double expected = Golden.Number(row["brisque"]);
            double actual = _brisque.Score(image);
            if (expected is > 0 and < 100)
            {
                unclamped++;
                worst = Math.Max(worst, Math.Abs(actual - expected));
                Assert.True(Math.Abs(actual - expected) <= ScoreTol, $"{row["path"]}: expected {expected}, got {actual}");
            }
            else
            {
                Assert.Equal(expected, actual, 3);
            }
        }

        _output.WriteLine($"{images.Count} images, {unclamped} unclamped, worst |Δscore| {worst:G4}");
        Assert.True(unclamped > 20);
    }

    [Fact]
    public void Should_StayCloseToOpenCvScore_When_JpegsAreDecodedByOurDecoder()
    {
        var deltas = new List<(string Path, double Delta)>();
        foreach (var (row, _) in Golden.DecodedRows())
        {
            double expected = Golden.Number(row["brisque"]);
            if (expected is <= 0 or >= 100)
            {
                continue;
            }

            double actual = _brisque.Score(Golden.Load(Golden.Image(row["path"])));
            deltas.Add((row["path"], Math.Abs(actual - expected)));
        }

        deltas.Sort((a, b) => b.Delta.CompareTo(a.Delta));
        double mean = deltas.Average(d => d.Delta);
        _output.WriteLine($"{deltas.Count} lossy files: mean |Δscore| {mean:G4}, median {deltas[deltas.Count / 2].Delta:G4}, max {deltas[0].Delta:G4} ({deltas[0].Path})");
        foreach (var (path, delta) in deltas.Take(5))
        {
            _output.WriteLine($"  {path}: {delta:G4}");
        }

        Assert.True(mean < 1.0, $"mean |Δscore| {mean}");
        Assert.True(deltas[0].Delta < 5.0, $"max |Δscore| {deltas[0].Delta} on {deltas[0].Path}");
    }

    private void AssertFeatures(IEnumerable<(string Path, RgbImage Image)> images)
    {
        int count = 0;
        double worstRel = 0;
        string worstAt = string.Empty;
        var failures = new List<string>();
        foreach (var (path, image) in images)
        {
            var expected = s_features.Value[path];
            var actual = _brisque.Features(image);
            count++;
            for (int i = 0; i < 36; i++)
            {
                double e = expected[i], a = actual[i];
                if (double.IsNaN(e) || double.IsNaN(a))
                {
                    if (double.IsNaN(e) != double.IsNaN(a))
                    {
                        failures.Add($"{path} f{i:00}: expected {e}, got {a}");
                    }

                    continue;
                }

                double err = Math.Abs(a - e) / Math.Max(Math.Abs(e), FeatureAbsFloor);
                if (err > worstRel)
                {
                    worstRel = err;
                    worstAt = $"{path} f{i:00} ({e} vs {a})";
                }

                if (err > FeatureRelTol)
                {
                    failures.Add($"{path} f{i:00}: expected {e}, got {a} (rel {err:G3})");
                }
            }
        }

        _output.WriteLine($"{count} images, worst relative error {worstRel:G3} at {worstAt}");
        foreach (var f in failures.Take(40))
        {
            _output.WriteLine(f);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} feature mismatches, first: {failures.FirstOrDefault()}");
    }
}
