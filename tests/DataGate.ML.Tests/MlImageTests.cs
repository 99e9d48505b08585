using DataGate.Core.Analysis;
using Microsoft.ML;

namespace DataGate.ML.Tests;

/// <summary>The MLImage route (LoadImages: SkiaSharp decode, BGRA32) against the file route and the Python references.</summary>
public sealed class MlImageTests
{
    private static readonly string[] s_hashes = [TextColumns.AHash, TextColumns.PHash, TextColumns.DHash, TextColumns.WHash, TextColumns.ColorHash];

    private sealed class PathRow
    {
        public string ImagePath { get; set; } = string.Empty;
    }

    private static List<Dictionary<string, string>> Reference()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Golden, "reference", "metrics.csv"));
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).Where(f => f.Length == header.Length)
            .Select(f => header.Zip(f).ToDictionary(p => p.First, p => p.Second))
            .Where(r => r["error"].Length == 0 && File.Exists(Path.Combine(Repo.Golden, "images", r["path"])))
            .ToList();
    }

    private static (List<Dictionary<string, string>> File, List<Dictionary<string, string>> Image) Measure(IReadOnlyList<string> paths)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(paths.Select(p => new PathRow { ImagePath = p }).ToList());
        string images = Path.Combine(Repo.Golden, "images");
        var byFile = DataViewTable.Read(ml.Transforms.DataGate().ComputeImageMetrics(imageFolder: images).Fit(data).Transform(data));
        var byImage = DataViewTable.Read(ml.Transforms.LoadImages("Image", images, nameof(PathRow.ImagePath))
            .Append(ml.Transforms.DataGate().ComputeImageMetrics(inputColumnName: "Image", nameColumnName: nameof(PathRow.ImagePath)))
            .Fit(data).Transform(data));
        return (byFile, byImage);
    }

    [Fact]
    public void Should_GiveImagehashExactHashes_When_JpegComesThroughLoadImages()
    {
        var reference = Reference().Where(r => r["path"].EndsWith(".jpg", StringComparison.Ordinal)).ToList();
        Assert.True(reference.Count >= 20);
        var (_, byImage) = Measure(reference.Select(r => r["path"]).ToList());
        for (int i = 0; i < reference.Count; i++)
        {
            Assert.Equal(string.Empty, byImage[i][DataGateColumns.Error]);
            foreach (var hash in s_hashes)
            {
                Assert.True(reference[i][hash] == byImage[i][hash], $"{reference[i]["path"]} {hash}: imagehash {reference[i][hash]}, MLImage {byImage[i][hash]}");
            }
        }
    }

    [Fact]
    public void Should_EqualFileRoute_When_PngIsOpaque8Bit()
    {
        var reference = Reference().Where(r => r["format"] == "PNG" && r["mode"] is "RGB" or "L" or "P" && !r["path"].Contains("16", StringComparison.Ordinal)).ToList();
        var paths = reference.Select(r => r["path"]).ToList();
        Assert.True(paths.Count >= 10);
        var (byFile, byImage) = Measure(paths);
        var compared = MetricCatalog.All.Where(m => m.Family == MetricFamilies.Quality).Select(m => m.Name).Concat(s_hashes);
        var differences = new List<string>();
        for (int i = 0; i < paths.Count; i++)
        {
            foreach (var column in compared)
            {
                // cleanvision's low-information score reads the image in its stored mode; an MLImage is always BGRA,
                // so a gray-stored (L) image scores as RGB there. Every other metric is equal.
                bool storedGray = reference[i]["mode"] == "L" && column is "low_information_score" or "is_low_information";
                if (byFile[i][column] != byImage[i][column] && !storedGray)
                {
                    differences.Add($"{paths[i]} {column}: file {byFile[i][column]}, MLImage {byImage[i][column]}");
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void Should_GiveRowWithError_When_MlImageIsMissing()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { new PathRow { ImagePath = string.Empty } });
        var row = DataViewTable.Read(ml.Transforms.LoadImages("Image", Repo.Golden, nameof(PathRow.ImagePath))
            .Append(ml.Transforms.DataGate().ComputeImageMetrics(inputColumnName: "Image"))
            .Fit(data).Transform(data)).Single();
        Assert.StartsWith("DG3022", row[DataGateColumns.Error], StringComparison.Ordinal);
        Assert.Equal("NaN", row["luminance_mean"]);
    }
}
