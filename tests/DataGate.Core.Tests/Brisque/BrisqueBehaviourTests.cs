using DataGate.Core.Tests.Support;
using DataGate.Core.Quality.Brisque;

namespace DataGate.Core.Tests.Brisque;

public class BrisqueBehaviourTests
{
    private readonly Quality.Brisque.Brisque _brisque = new(BrisqueModel.LoadDefault());

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(128, 128, 128)]
    [InlineData(255, 255, 255)]
    [InlineData(200, 10, 50)]
    public void Should_Return100_When_ImageIsConstant(byte r, byte g, byte b)
    {
        var image = GeneratedImages.Solid(64, 48, r, g, b);
        Assert.Equal(100.0, _brisque.Score(image));
        var features = _brisque.Features(image);
        Assert.True(float.IsNaN(features[1]), "the σ feature of a constant image is undefined, as in OpenCV");
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(10, 1)]
    public void Should_ReturnNaN_When_ImageIsSmallerThanTwoPixels(int width, int height)
    {
        var image = GeneratedImages.Solid(width, height, 1, 2, 3);
        Assert.True(double.IsNaN(_brisque.Score(image)));
        Assert.All(_brisque.Features(image), f => Assert.True(float.IsNaN(f)));
    }

    [Fact]
    public void Should_GiveSameScores_When_CalledFromManyThreads()
    {
        var images = Enumerable.Range(0, 12).Select(i => GeneratedImages.Noise(40 + (i * 13), 90 - (i * 3), seed: i)).ToArray();
        var sequential = images.Select(_brisque.Score).ToArray();
        var parallel = new double[images.Length];
        Parallel.For(0, images.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            int i = k % images.Length;
            parallel[i] = _brisque.Score(images[i]);
        });
        Assert.Equal(sequential, parallel);
        Assert.Equal(sequential.Length, sequential.Distinct().Count());
    }

    [Fact]
    public void Should_MatchOpenCvScore_When_OpenCvsOwnFeaturesAreScored()
    {
        // The model half alone (range scaling, SVM, clamp) on OpenCV's features, independent of our feature extraction:
        // replaces a test that compared Score with ScoreFeatures(Features), the same code path twice.
        var scores = Golden.ReadCsv(Path.Combine(Golden.Root, "reference", "metrics.csv")).ToDictionary(r => r["path"], r => Golden.Number(r["brisque"]), StringComparer.Ordinal);
        int compared = 0;
        foreach (var row in Golden.ReadCsv(Path.Combine(Golden.Root, "reference", "brisque_features.csv")))
        {
            if (!scores.TryGetValue(row["path"], out var expected) || double.IsNaN(expected))
            {
                continue;
            }

            var features = Enumerable.Range(0, 36).Select(i => (float)Golden.Number(row[$"f{i:00}"])).ToArray();
            Assert.True(Math.Abs(_brisque.ScoreFeatures(features) - expected) <= 0.01, $"{row["path"]}: OpenCV {expected}, ours {_brisque.ScoreFeatures(features)}");
            compared++;
        }

        Assert.True(compared > 20, $"{compared} images compared");
    }
}
