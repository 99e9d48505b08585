using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.ML.Tests;

/// <summary>A temporary folder of generated images and a rule file; deleted on dispose.</summary>
internal sealed class TestData : IDisposable
{
    public const string Rules = """
        version: 1
        fields:
          gender: { type: category, names: { 0: male, 1: female } }
        quality:
          - id: not-too-dark
            metric: luminance_mean
            min: 40
            action: exclude
          - id: sharp-enough
            metric: laplacian_variance
            min: { percentile: 10 }
            action: warn
        duplicates:
          exact: { action: exclude, keep: first_path }
        gate:
          max_excluded_fraction: 0.9
        """;

    /// <summary>The rules with the exact copy kept (warn) and a splits: section: halves stratified by gender, 2 folds.</summary>
    public static readonly string SplitRules = Rules.Replace("exact: { action: exclude, keep: first_path }", "exact: { action: warn }", StringComparison.Ordinal) + """

        splits:
          ratios: { train: 0.5, test: 0.5 }
          stratify_by: [gender]
          seed: 7
          folds: 2
          min_cell_images: 1
          action: warn
        """;

    public TestData()
    {
        Folder = Path.Combine(Path.GetTempPath(), "datagate-ml-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        RulesPath = Path.Combine(Folder, "datagate.yml");
        File.WriteAllText(RulesPath, Rules);
        for (int i = 0; i < 10; i++)
        {
            Noise($"img{i:D2}.png", seed: i, brightness: 60 + (i * 12));
        }

        File.Copy(Path.Combine(Folder, "img03.png"), Path.Combine(Folder, "img03-copy.png"));
        Noise("dark.png", seed: 99, brightness: 8);
        File.WriteAllBytes(Path.Combine(Folder, "broken.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
    }

    public string Folder { get; }

    public string RulesPath { get; }

    /// <summary>Rows of the dataset: path, gender label.</summary>
    public static IReadOnlyList<FaceRow> Rows =>
    [
        .. Enumerable.Range(0, 10).Select(i => new FaceRow { ImagePath = $"img{i:D2}.png", Gender = (i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        new FaceRow { ImagePath = "img03-copy.png", Gender = "1" },
        new FaceRow { ImagePath = "dark.png", Gender = "0" },
        new FaceRow { ImagePath = "broken.png", Gender = "1" },
    ];

    /// <summary>Writes a noise image of a mean brightness; returns its file name.</summary>
    public string Noise(string name, int seed, int brightness, int size = 48)
    {
        var random = new Random(seed);
        using var image = new Image<Rgb24>(size, size);
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                byte v(int spread) => (byte)Math.Clamp(brightness + random.Next(-spread, spread + 1), 0, 255);
                image[x, y] = new Rgb24(v(30), v(20), v(10));
            }
        }

        image.SaveAsPng(Path.Combine(Folder, name));
        return name;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A labelled row.</summary>
public sealed class FaceRow
{
    public string ImagePath { get; set; } = string.Empty;

    public string Gender { get; set; } = string.Empty;
}
