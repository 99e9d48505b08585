using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Metrics;

namespace DataGate.Core.Init;

/// <summary>
/// <c>datagate init</c>: proposes a starting datagate.yml for a dataset folder. It detects the label source (a CSV
/// manifest beside the images, UTKFace-style file names, or one folder per class), declares the fields it found, and
/// proposes quality thresholds from the dataset's own distribution (percentiles), each with a comment saying what was
/// measured. Every proposed rule warns; the user decides which to make exclude or fail.
/// </summary>
public static partial class RuleFileProposer
{
    /// <summary>Share of file names that must match the UTKFace pattern for it to be proposed.</summary>
    public const double NamePatternShare = 0.8;

    /// <summary>Measures the dataset and returns the proposed rule file's text.</summary>
    /// <param name="datasetDirectory">The image folder.</param>
    /// <param name="configPath">Where the rule file will be written (the dataset root is written relative to its folder).</param>
    /// <param name="cancellationToken">Stops the measurement.</param>
    /// <returns>The YAML text, or null with a DG1032 (or DG1012) diagnostic when nothing could be measured.</returns>
    public static (string? Yaml, IReadOnlyList<Diagnostic> Diagnostics) Propose(string datasetDirectory, string configPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(datasetDirectory);
        ArgumentNullException.ThrowIfNull(configPath);
        var root = Path.GetFullPath(datasetDirectory);
        if (!Directory.Exists(root))
        {
            return (null, [DiagnosticCodes.BadPath.Create($"dataset folder '{datasetDirectory}' does not exist")]);
        }

        var analysis = DatasetAnalyzer.Run(GateConfig.ForFolder(root), new GateRunOptions(), cancellationToken);
        var measured = analysis.Records.Where(r => r.IsAnalysed).ToList();
        if (measured.Count == 0)
        {
            return (null, [DiagnosticCodes.InitNoImages.Create($"no image in '{datasetDirectory}' could be measured ({analysis.Records.Count} file(s) found)")]);
        }

        var configDir = Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? root;
        var relativeRoot = Path.GetRelativePath(configDir, root).Replace('\\', '/');
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"# Proposed by `datagate init` from {measured.Count} measured image(s) of {analysis.Records.Count} file(s) in {relativeRoot}.");
        yaml.AppendLine("# Every threshold below is a percentile of this dataset, written as a number so the gate does not move when");
        yaml.AppendLine("# the data does. All rules warn: review report.html, then make the ones you trust `exclude` or `fail`.");
        yaml.AppendLine("version: 1");
        yaml.AppendLine("dataset:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  root: {Quote(relativeRoot.Length == 0 ? "." : relativeRoot)}");
        var labels = LabelProposal.Detect(root, configDir, analysis.Records.Select(r => r.Path).ToList());
        labels.Write(yaml);
        WriteQuality(yaml, measured);
        yaml.AppendLine("duplicates:");
        yaml.AppendLine("  exact: { action: exclude, keep: best_quality }   # same bytes or same pixels: keep one copy");
        yaml.AppendLine("  near: { action: warn }                           # perceptual hashes within the default distance");
        if (labels.HasFields)
        {
            yaml.AppendLine("  label_conflicts: warn                            # copies whose labels disagree");
        }

        int errored = analysis.Records.Count - measured.Count;
        yaml.AppendLine("gate:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  max_errored_fraction: {Number(Math.Max(0.02, Math.Ceiling(100.0 * errored / analysis.Records.Count) / 100))}   # measured: {errored} of {analysis.Records.Count} file(s) could not be decoded");
        labels.WriteBalance(yaml);
        return (yaml.ToString(), []);
    }

    private static void WriteQuality(StringBuilder yaml, List<ImageRecord> measured)
    {
        yaml.AppendLine("quality:");
        Rule(yaml, measured, "sharp-enough", MetricCatalog.LaplacianVariance, lowPercentile: 1, highPercentile: null, "blurriest 1 %");
        Rule(yaml, measured, "not-too-dark", MetricCatalog.LuminanceMean, lowPercentile: 1, highPercentile: null, "darkest 1 %");
        Rule(yaml, measured, "not-washed-out", MetricCatalog.LuminanceMean, lowPercentile: null, highPercentile: 99, "brightest 1 %");
        Rule(yaml, measured, "enough-detail", MetricCatalog.Entropy, lowPercentile: 1, highPercentile: null, "lowest-entropy 1 %");
        int gray = measured.Count(r => r[MetricCatalog.IsGrayscale] == 1);
        yaml.AppendLine("  - id: colour-images");
        yaml.AppendLine("    metric: is_grayscale");
        yaml.AppendLine("    max: 0");
        yaml.AppendLine("    action: warn");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"    # measured: {gray} of {measured.Count} image(s) are grayscale");
    }

    private static void Rule(StringBuilder yaml, List<ImageRecord> measured, string id, MetricDefinition metric, double? lowPercentile, double? highPercentile, string what)
    {
        var sorted = measured.Select(r => r[metric]).Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return;
        }

        double p = lowPercentile ?? highPercentile!.Value;
        double bound = Round(OddSize.Percentile(sorted, p / 100));
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  - id: {id}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"    metric: {metric.Name}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"    {(lowPercentile is null ? "max" : "min")}: {Number(bound)}");
        yaml.AppendLine("    action: warn");
        yaml.AppendLine(CultureInfo.InvariantCulture,
            $"    # measured on {sorted.Length} image(s): p{Number(p)} = {Number(bound)} (flags the {what}), min {Number(Round(sorted[0]))}, median {Number(Round(OddSize.Percentile(sorted, 0.5)))}, max {Number(Round(sorted[^1]))}");
    }

    internal static double Round(double value) => value == 0 || !double.IsFinite(value) ? value : Math.Round(value, Math.Max(0, 3 - (int)Math.Floor(Math.Log10(Math.Abs(value)))));

    internal static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    internal static string Quote(string text) => SafeScalar().IsMatch(text) ? text : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^[A-Za-z0-9_./-]+$")]
    private static partial Regex SafeScalar();
}
