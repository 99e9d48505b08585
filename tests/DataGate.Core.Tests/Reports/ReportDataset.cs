using DataGate.Core.Reports;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Core.Tests.Reports;

/// <summary>
/// A small UTKFace-style dataset generated once per test class, checked with every report format on: noisy colour
/// images of two genders, a flat gray one (flagged), a dark one (excluded), an exact copy with another gender (a label
/// conflict), a corrupt file (errored) and a file whose name carries no labels.
/// </summary>
public sealed class ReportDataset : IDisposable
{
    public ReportDataset()
    {
        Root = Directory.CreateTempSubdirectory("dg-reports-").FullName;
        var images = Path.Combine(Root, "images");
        Directory.CreateDirectory(images);
        for (int i = 0; i < 24; i++)
        {
            Noise(Path.Combine(images, $"{20 + i}_{i % 2}_{i % 3}_{i:D3}.png"), i, brightness: 1.0);
        }

        Noise(Path.Combine(images, "31_0_1_dark.png"), 99, brightness: 0.08);
        File.Copy(Path.Combine(images, "21_1_1_001.png"), Path.Combine(images, "21_0_1_copy.png"));
        using (var gray = new Image<Rgb24>(48, 48, new Rgb24(120, 120, 120)))
        {
            gray.SaveAsPng(Path.Combine(images, "40_1_2_gray.png"));
        }

        File.WriteAllBytes(Path.Combine(images, "50_0_0_broken.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3]);
        Noise(Path.Combine(images, "nolabel.png"), 7, brightness: 1.0);
        ConfigPath = Path.Combine(Root, "datagate.yml");
        File.WriteAllText(ConfigPath, """
            version: 1
            dataset:
              root: images
              labels:
                filename: '^(?<age>\d+)_(?<gender>[01])_(?<race>[0-2])_'
            fields:
              age:    { type: integer, bins: [0, 30, 60] }
              gender: { type: category, names: { 0: male, 1: female } }
              race:   { type: category }
            quality:
              - id: colourful
                metric: is_grayscale
                max: 0
                action: warn
              - id: bright-enough
                metric: luminance_mean
                min: 30
                action: exclude
            duplicates:
              exact: { action: exclude, keep: first_path }
              label_conflicts: fail
            gate:
              max_errored_fraction: 0.5
            balance:
              - id: gender-share
                field: gender
                min_share: 0.2
            parity:
              - id: colour-cue
                metric: color_variance
                across: gender
                max_effect: { cohens_d: 5 }
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        Out = Path.Combine(Root, "out");
        Outcome = GateRunner.Run(ConfigPath, new GateRunOptions
        {
            OutputDirectory = Out,
            JUnitPath = Path.Combine(Root, "ci", "junit.xml"),
            SarifPath = Path.Combine(Root, "ci", "datagate.sarif"),
            DisplayBasePath = Root,
            HtmlReport = new HtmlReportOptions { ThumbnailsPerRule = 4, ThumbnailSize = 32, ColourSamplePerClass = 5 },
        });
    }

    public string Root { get; }

    public string ConfigPath { get; }

    public string Out { get; }

    public GateRunOutcome Outcome { get; }

    public string Written(string name) =>
        Outcome.Written.SingleOrDefault(f => f.Name == name)?.Path ?? throw new InvalidOperationException($"no {name} written: " + string.Join("; ", Outcome.Diagnostics));

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void Noise(string path, int seed, double brightness)
    {
        var rng = new Random(seed);
        using var image = new Image<Rgb24>(48, 48);
        for (int y = 0; y < 48; y++)
        {
            for (int x = 0; x < 48; x++)
            {
                image[x, y] = new Rgb24((byte)(rng.Next(256) * brightness), (byte)(rng.Next(256) * brightness), (byte)(rng.Next(256) * brightness));
            }
        }

        image.SaveAsPng(path);
    }
}
