using DataGate.Core.Imaging;
using DataGate.Core.Metrics.Eda;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Metrics.Eda;

/// <summary>The rows of reference/seed_profile.csv and the pixels to compute them from.</summary>
internal static class EdaGolden
{
    /// <summary>The eda columns of seed_profile.csv, in file order.</summary>
    public static readonly string[] Columns =
        ["eda_variance", "eda_unique_colors", "eda_entropy", "eda_brisque", "eda_laplacian_variance", "eda_fft_blur", "eda_luminance", "eda_luminance_bin"];

    /// <summary>
    /// The golden folder: tests/fixtures/golden, or the whole shared set when DATAGATE_GOLDEN_FULL names it
    /// (it adds the photos, which are too large to copy into the repository).
    /// </summary>
    public static string Root => Environment.GetEnvironmentVariable("DATAGATE_GOLDEN_FULL") is { Length: > 0 } full ? full : Golden.Root;

    /// <summary>
    /// Files whose pixels cv2.imread and DataGate's decoder (Pillow's semantics) disagree on, so no eda value can
    /// match: cv2 converts Adobe CMYK JPEGs with its own formula and scales 16-bit PNGs by 1/256 where Pillow clips.
    /// </summary>
    public static readonly Dictionary<string, string> DecoderDifferences = new(StringComparer.Ordinal)
    {
        ["synthetic/variants/b00_cmyk.jpg"] = "CMYK JPEG: cv2's CMYK→BGR differs from Pillow's",
        ["synthetic/variants/b05_cmyk.jpg"] = "CMYK JPEG: cv2's CMYK→BGR differs from Pillow's",
        ["synthetic/variants/b10_cmyk.jpg"] = "CMYK JPEG: cv2's CMYK→BGR differs from Pillow's",
        ["synthetic/edge/ramp16.png"] = "16-bit PNG: cv2 keeps the high byte, Pillow clips to 255",
    };

    /// <summary>Rows with values (cv2 could read the file) whose image is present.</summary>
    public static IEnumerable<Dictionary<string, string>> Rows() =>
        Golden.ReadCsv(Path.Combine(Golden.Root, "reference", "seed_profile.csv"))
            .Where(r => r["error"].Length == 0 && File.Exists(Path.Combine(Root, "images", r["path"])));

    /// <summary>Path of the Pillow-decoded PNG of a lossy file, or null.</summary>
    public static string? Decoded(string path)
    {
        var p = Path.Combine(Root, "reference", "decoded", path + ".rgb.png");
        return File.Exists(p) ? p : null;
    }

    /// <summary>
    /// The exact pixels libjpeg-turbo/Pillow gave (the decoded PNG for a lossy file, the file itself otherwise) and
    /// the original file's EXIF orientation (the decoded PNG has none).
    /// </summary>
    /// <returns>Null when DataGate refuses the file (a truncated JPEG, which cv2 reads with gray fill).</returns>
    public static (RgbImage Image, int Orientation)? ExactPixels(string path)
    {
        var original = Path.Combine(Root, "images", path);
        var decoder = new SafeImageDecoder();
        var facts = decoder.DecodeFile(original, Path.GetFileName(original));
        int orientation = facts.Facts?.ExifOrientation ?? 0;
        var source = Decoded(path) ?? original;
        var result = source == original ? facts : decoder.DecodeFile(source, Path.GetFileName(source));
        return result.Succeeded ? (result.Image!, orientation) : null;
    }

    /// <summary>Our values in <see cref="Columns"/> order.</summary>
    public static double[] Values(EdaValues v) =>
        [v.Variance, v.UniqueColors, v.Entropy, v.Brisque, v.LaplacianVariance, v.FftBlur, v.Luminance, v.LuminanceBin];

    /// <summary>The 100×100 image the eda metrics are computed on (cv2 orientation, INTER_AREA).</summary>
    public static byte[] Small(RgbImage image, int orientation)
    {
        ReadOnlySpan<byte> src = image.Pixels;
        int w = image.Width, h = image.Height;
        if (ExifOrientation.Changes(orientation))
        {
            (var o, w, h) = ExifOrientation.Apply(src, w, h, orientation);
            src = o;
        }

        var small = new byte[EdaMetrics.Side * EdaMetrics.Side * 3];
        OpenCvAreaResize.Resize(src, w, h, small, EdaMetrics.Side, EdaMetrics.Side);
        return small;
    }

    /// <summary>|a − e| ≤ tol·max(1, |e|), NaN = NaN.</summary>
    public static bool Close(double actual, double expected, double tolerance) =>
        double.IsNaN(expected) ? double.IsNaN(actual) : Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected));
}
