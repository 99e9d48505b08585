using System.Globalization;
using System.Text;
using DataGate.Core.Metrics;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Metrics;

/// <summary>Compares <see cref="QualityMetrics"/> with golden rows and collects readable mismatches.</summary>
internal sealed class MetricsGoldenComparer
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> s_cleanvision = new(() =>
        Golden.ReadCsv(Path.Combine(Golden.Root, "reference", "cleanvision.csv")).ToDictionary(r => r["path"], StringComparer.Ordinal));

    private readonly StringBuilder _failures = new();
    private readonly Dictionary<string, (int Compared, int Within, double MaxRel)> _stats = new(StringComparer.Ordinal);

    public static Dictionary<string, string>? CleanVisionRow(string path) => s_cleanvision.Value.GetValueOrDefault(path);

    /// <summary>Modes whose cleanvision values are defined on the same pixels we decode.</summary>
    public static bool CleanVisionComparable(Dictionary<string, string> metricsRow) => metricsRow["mode"] is "RGB" or "L";

    public int Failures { get; private set; }

    public void CompareAll(string label, Dictionary<string, string> row, QualityMetrics m, double tolerance)
    {
        Relative(label, "pixel_var_rgb", Golden.Number(row["pixel_var_rgb"]), m.ColorVariance, tolerance);
        Relative(label, "unique_colors", Golden.Number(row["unique_colors"]), m.UniqueColors, tolerance);
        Relative(label, "shannon_entropy", Golden.Number(row["shannon_entropy"]), m.Entropy, tolerance);
        Relative(label, "laplacian_var", Golden.Number(row["laplacian_var"]), m.LaplacianVariance, tolerance);
        Relative(label, "mean_luma601", Golden.Number(row["mean_luma601"]), m.LuminanceMean, tolerance);
        Check(label, "is_grayscale", row["is_grayscale"] == "true", m.IsGrayscale);
        double fft = Golden.Number(row["fft_blur"]);
        if (int.Parse(row["width"], CultureInfo.InvariantCulture) >= 120 && int.Parse(row["height"], CultureInfo.InvariantCulture) >= 120 && fft > -100)
        {
            // Constant images give numerical noise (−700) in NumPy; only real images are comparable.
            Relative(label, "fft_blur", fft, m.FftBlur, tolerance);
        }

        var cv = CleanVisionRow(row["path"]);
        if (cv is null || !CleanVisionComparable(row))
        {
            return;
        }

        Relative(label, "brightness_perc_1", Golden.Number(cv["brightness_perc_1"]), m.BrightnessP01, tolerance);
        Relative(label, "brightness_perc_5", Golden.Number(cv["brightness_perc_5"]), m.BrightnessP05, tolerance);
        Relative(label, "brightness_perc_95", Golden.Number(cv["brightness_perc_95"]), m.BrightnessP95, tolerance);
        Relative(label, "brightness_perc_99", Golden.Number(cv["brightness_perc_99"]), m.BrightnessP99, tolerance);
        Relative(label, "brightness", Golden.Number(cv["brightness"]), m.BrightnessMean, tolerance);
        Relative(label, "dark_score", Golden.Number(cv["dark_score"]), m.DarkScore, tolerance);
        Relative(label, "light_score", Golden.Number(cv["light_score"]), m.LightScore, tolerance);
        Relative(label, "low_information_score", Golden.Number(cv["low_information_score"]), m.LowInformationScore, tolerance);
        Relative(label, "odd_aspect_ratio_score", Golden.Number(cv["odd_aspect_ratio_score"]), m.OddAspectRatioScore, tolerance);
        Relative(label, "blurry_score", Golden.Number(cv["blurry_score"]), m.BlurryScore, tolerance);
    }

    public void Relative(string label, string column, double expected, double actual, double tolerance)
    {
        double rel = expected == actual ? 0 : Math.Abs(expected - actual) / Math.Max(Math.Abs(expected), 1e-300);
        if (double.IsInfinity(expected) && expected == actual)
        {
            rel = 0;
        }

        bool ok = rel <= tolerance || Math.Abs(expected - actual) <= 1e-12;
        var s = _stats.GetValueOrDefault(column);
        _stats[column] = (s.Compared + 1, s.Within + (ok ? 1 : 0), Math.Max(s.MaxRel, double.IsNaN(rel) ? double.PositiveInfinity : rel));
        if (!ok)
        {
            Failures++;
            _failures.AppendLine(CultureInfo.InvariantCulture, $"{label} {column}: expected {expected:R}, got {actual:R} (relative {rel:E2})");
        }
    }

    public string Summary()
    {
        var sb = new StringBuilder();
        foreach (var (column, s) in _stats.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{column}: {s.Within}/{s.Compared} within tolerance, max relative {s.MaxRel:E2}");
        }

        return sb.ToString();
    }

    public string FailureText() => _failures.ToString();

    private void Check(string label, string column, bool expected, bool actual)
    {
        var s = _stats.GetValueOrDefault(column);
        _stats[column] = (s.Compared + 1, s.Within + (expected == actual ? 1 : 0), 0);
        if (expected != actual)
        {
            Failures++;
            _failures.AppendLine(CultureInfo.InvariantCulture, $"{label} {column}: expected {expected}, got {actual}");
        }
    }
}
