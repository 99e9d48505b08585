using System.Globalization;
using System.Numerics;
using DataGate.Core.Hashing;
using DataGate.Core.Imaging;
using DataGate.Core.Metrics;
using DataGate.Core.Quality.Brisque;
using SkiaSharp;

namespace DataGate.Benchmarks;

/// <summary>
/// Fidelity of the decode engines against the Python references in tests/fixtures/golden (a copy of
/// shared/golden): per column of reference/metrics.csv, on the golden JPEGs, the share of files whose value equals
/// the reference exactly and the largest difference, for each engine; then, for every format, whether Skia's
/// decoder gives Pillow's pixels. Usage: <c>decode-fidelity [golden folder]</c>.
/// </summary>
internal sealed class DecodeFidelityBenchmark : IBenchmark
{
    private static readonly string[] s_hashColumns = ["ahash", "phash", "dhash", "whash", "colorhash"];

    public string Name => "decode-fidelity";

    public string Description => "per-column agreement with the Python references on golden JPEGs for each engine; Skia vs Pillow per format";

    public void Run(string[] args, TextWriter output)
    {
        string root = args.Length > 0 ? args[0] : FindGolden();
        var rows = ReadCsv(Path.Combine(root, "reference", "metrics.csv")).Where(r => r["error"].Length == 0 && File.Exists(Path.Combine(root, "images", r["path"]))).ToList();
        var brisque = new Brisque(BrisqueModel.LoadDefault());
        var jpegs = rows.Where(r => r["format"] == "JPEG").ToList();
        output.WriteLine($"golden JPEGs: {jpegs.Count} ({string.Join(", ", jpegs.GroupBy(r => r["mode"]).Select(g => $"{g.Count()} {g.Key}"))})");
        foreach (var engine in new[] { DecodeEngine.ImageSharp, DecodeEngine.LibJpegTurbo })
        {
            var decoder = new SafeImageDecoder(new DecodeOptions { Engine = engine });
            var stats = new SortedDictionary<string, (int N, int Exact, double Max)>(StringComparer.Ordinal);
            int pixelsIdentical = 0;
            int maxLevel = 0;
            foreach (var row in jpegs)
            {
                var image = decoder.DecodeFile(Path.Combine(root, "images", row["path"]), row["path"]).Image!;
                var reference = Path.Combine(root, "reference", "decoded", row["path"] + ".rgb.png");
                int level = MaxLevelDifference(image, new SafeImageDecoder().DecodeFile(reference, "ref.png").Image!);
                pixelsIdentical += level == 0 ? 1 : 0;
                maxLevel = Math.Max(maxLevel, level);
                var h = PerceptualHash.Compute(image);
                string[] ours = [h.AHash, h.PHash, h.DHash, h.WHash, h.ColorHash];
                for (int c = 0; c < 5; c++)
                {
                    Add(stats, s_hashColumns[c] + " (bits)", BitDistance(ours[c], row[s_hashColumns[c]]));
                }

                var m = QualityMetricsCalculator.Compute(image, row["mode"]);
                Add(stats, "pixel_var_rgb", Rel(m.ColorVariance, row["pixel_var_rgb"]));
                Add(stats, "unique_colors", Rel(m.UniqueColors, row["unique_colors"]));
                Add(stats, "shannon_entropy", Rel(m.Entropy, row["shannon_entropy"]));
                Add(stats, "laplacian_var", Rel(m.LaplacianVariance, row["laplacian_var"]));
                Add(stats, "mean_luma601", Rel(m.LuminanceMean, row["mean_luma601"]));
                Add(stats, "is_grayscale", m.IsGrayscale == (row["is_grayscale"] == "true") ? 0 : 1);
                if (int.Parse(row["width"], CultureInfo.InvariantCulture) >= 120 && int.Parse(row["height"], CultureInfo.InvariantCulture) >= 120 && Number(row["fft_blur"]) > -100)
                {
                    Add(stats, "fft_blur", Rel(m.FftBlur, row["fft_blur"]));
                }

                // OpenCV computes BRISQUE in float32: equal means within 1e-4 relative, the golden BRISQUE tests' tolerance.
                double b = Rel(brisque.Score(image), row["brisque"]);
                Add(stats, "brisque (1e-4)", b <= 1e-4 ? 0 : b);
            }

            output.WriteLine();
            output.WriteLine($"engine {DecodeEngineNames.NameOf(engine)}: pixels identical to Pillow's on {pixelsIdentical}/{jpegs.Count} files, largest level difference {maxLevel}");
            output.WriteLine("| column | equal to the reference | largest difference (hash bits, else relative) |");
            output.WriteLine("|---|---|---|");
            foreach (var (column, s) in stats)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {column} | {s.Exact}/{s.N} ({100.0 * s.Exact / s.N:F1} %) | {s.Max:G4} |"));
            }
        }

        output.WriteLine();
        output.WriteLine("Skia (SKCodec → RGBA8888 unpremultiplied, no colour space) vs Pillow's pixels, per format and mode:");
        output.WriteLine("| format | mode | files | Skia identical | Skia largest level difference | ImageSharp identical |");
        output.WriteLine("|---|---|---|---|---|---|");
        var pillowish = new SafeImageDecoder(new DecodeOptions { Engine = DecodeEngine.ImageSharp });
        foreach (var group in rows.GroupBy(r => (r["format"], r["mode"])).OrderBy(g => g.Key))
        {
            int n = 0, same = 0, worst = 0, sharpSame = 0;
            foreach (var row in group)
            {
                // Pillow's pixels: the decoded PNG for lossy files, else ImageSharp's decode (exact on lossless files, tested).
                var reference = Path.Combine(root, "reference", "decoded", row["path"] + ".rgb.png");
                var expected = File.Exists(reference) ? pillowish.DecodeFile(reference, "ref.png").Image : pillowish.DecodeFile(Path.Combine(root, "images", row["path"]), row["path"]).Image;
                var skia = DecodeWithSkia(File.ReadAllBytes(Path.Combine(root, "images", row["path"])));
                var sharp = pillowish.DecodeFile(Path.Combine(root, "images", row["path"]), row["path"]).Image;
                sharpSame += sharp is not null && expected is not null && MaxLevelDifference(sharp, expected) == 0 ? 1 : 0;
                n++;
                if (skia is null || expected is null || skia.Width != expected.Width || skia.Height != expected.Height)
                {
                    worst = 256;
                    continue;
                }

                int level = MaxLevelDifference(skia, expected);
                same += level == 0 ? 1 : 0;
                worst = Math.Max(worst, level);
            }

            output.WriteLine($"| {group.Key.Item1} | {group.Key.Item2} | {n} | {same} | {(worst == 256 ? "not decoded" : worst.ToString(CultureInfo.InvariantCulture))} | {sharpSame} |");
        }

        var gif = Path.Combine(root, "images", "synthetic", "edge", "anim.gif");
        if (File.Exists(gif))
        {
            var a = DecodeWithSkia(File.ReadAllBytes(gif));
            var b = pillowish.DecodeFile(gif, "anim.gif").Image;
            output.WriteLine($"| GIF | P | 1 (no Pillow reference; vs ImageSharp) | {(a is not null && b is not null && MaxLevelDifference(a, b) == 0 ? 1 : 0)} | {(a is null || b is null ? "not decoded" : MaxLevelDifference(a, b).ToString(CultureInfo.InvariantCulture))} |");
        }
    }

    private static RgbImage? DecodeWithSkia(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul, null);
        var rgba = new byte[info.BytesSize];
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(rgba, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            var result = codec.GetPixels(info, handle.AddrOfPinnedObject());
            if (result != SKCodecResult.Success)
            {
                return null;
            }
        }
        finally
        {
            handle.Free();
        }

        var rgb = new byte[info.Width * info.Height * 3];
        for (int i = 0, o = 0; o < rgb.Length; i += 4, o += 3)
        {
            rgb[o] = rgba[i];
            rgb[o + 1] = rgba[i + 1];
            rgb[o + 2] = rgba[i + 2];
        }

        return new RgbImage(info.Width, info.Height, rgb);
    }

    private static int MaxLevelDifference(RgbImage a, RgbImage b)
    {
        if (a.Width != b.Width || a.Height != b.Height)
        {
            return 256;
        }

        int max = 0;
        for (int i = 0; i < a.Pixels.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a.Pixels[i] - b.Pixels[i]));
        }

        return max;
    }

    // "Exact" for a floating-point metric is the lossless golden tests' tolerance: 1e-9 relative (summation order
    // differs from NumPy's); the difference reported is relative.
    private static double Rel(double actual, string expectedText)
    {
        double expected = Number(expectedText);
        double rel = expected == actual ? 0 : Math.Abs(expected - actual) / Math.Max(Math.Abs(expected), 1e-300);
        return rel <= 1e-9 ? 0 : rel;
    }

    private static void Add(SortedDictionary<string, (int N, int Exact, double Max)> stats, string column, double difference)
    {
        var s = stats.GetValueOrDefault(column);
        stats[column] = (s.N + 1, s.Exact + (difference == 0 ? 1 : 0), Math.Max(s.Max, difference));
    }

    private static int BitDistance(string a, string b)
    {
        int d = 0;
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            d += BitOperations.PopCount((uint)(Convert.ToInt32(a[i].ToString(), 16) ^ Convert.ToInt32(b[i].ToString(), 16)));
        }

        return d;
    }

    private static double Number(string text) => text switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" or "" => double.NaN,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    private static string FindGolden()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "fixtures", "golden")))
        {
            dir = dir.Parent;
        }

        return dir is null ? throw new DirectoryNotFoundException("tests/fixtures/golden") : Path.Combine(dir.FullName, "tests", "fixtures", "golden");
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        // The reference CSV has no quoted fields.
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).Where(f => f.Length == header.Length)
            .Select(f => header.Select((h, i) => (h, f[i])).ToDictionary(t => t.h, t => t.Item2, StringComparer.Ordinal)).ToList();
    }
}
