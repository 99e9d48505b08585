using DataGate.Core.Metrics.Eda;
using DataGate.Core.Tests.Support;
using Xunit.Abstractions;

namespace DataGate.Core.Tests.Metrics.Eda;

/// <summary>
/// The eda_* columns against reference/seed_profile.csv (the notebook's definitions run by Python on the golden
/// images). Set DATAGATE_GOLDEN_FULL=/path/to/shared/golden to include the photos, which the repository does not copy.
/// </summary>
public class EdaGoldenTests
{
    /// <summary>
    /// The rule for eda_brisque: 1e-6 relative, except on images where at least this many MSCN coefficients are pure
    /// round-off (non-zero, below 1e-9: flat or linear areas, where the order of floating-point operations decides
    /// their sign); there the score may move by up to 1 % (the golden README: "round-off decides"). The threshold is
    /// empirical: every golden image under it matches to 1e-6, and the four that do not (JPEG q8 ×3, 8×8 upscaled)
    /// have 21 to 1917.
    /// </summary>
    private const int RoundOffThreshold = 20;

    private readonly ITestOutputHelper _output;

    public EdaGoldenTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Should_ReproduceSeedProfile_When_ExactPixelsAreMeasured()
    {
        var rows = EdaGolden.Rows().ToList();
        Assert.True(rows.Count >= 60, $"only {rows.Count} golden rows found");
        var failures = new List<string>();
        int compared = 0, roundOff = 0;
        foreach (var row in rows)
        {
            var path = row["path"];
            if (EdaGolden.DecoderDifferences.TryGetValue(path, out var why))
            {
                _output.WriteLine($"{path}: not compared ({why})");
                continue;
            }

            if (EdaGolden.ExactPixels(path) is not var (image, orientation))
            {
                _output.WriteLine($"{path}: refused by DataGate's decoder (cv2 reads it with gray fill), not compared");
                continue;
            }

            compared++;
            var actual = EdaGolden.Values(EdaMetrics.Compute(image, orientation, PackageBrisqueModel.Embedded));
            int roundOffCoefficients = PackageBrisque.RoundOffCoefficients(EdaGolden.Small(image, orientation), EdaMetrics.Side, EdaMetrics.Side);
            for (int c = 0; c < EdaGolden.Columns.Length; c++)
            {
                var column = EdaGolden.Columns[c];
                double expected = Golden.Number(row[column]);
                double tolerance = 1e-9;
                if (column == "eda_brisque")
                {
                    tolerance = roundOffCoefficients >= RoundOffThreshold ? 1e-2 : 1e-6;
                    roundOff += roundOffCoefficients >= RoundOffThreshold ? 1 : 0;
                }

                if (column is "eda_unique_colors" or "eda_luminance_bin" ? actual[c] != expected : !EdaGolden.Close(actual[c], expected, tolerance))
                {
                    failures.Add($"{path} {column}: expected {expected:R}, got {actual[c]:R}");
                }
            }
        }

        _output.WriteLine($"{compared} images compared, {roundOff} with eda_brisque decided by round-off (1 % tolerance)");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
