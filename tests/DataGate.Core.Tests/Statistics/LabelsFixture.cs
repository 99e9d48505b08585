using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Statistics;

/// <summary>labels.csv of the golden set, parsed once.</summary>
internal static class LabelsFixture
{
    private static readonly Lazy<IReadOnlyList<Dictionary<string, string>>> s_rows =
        new(() => Golden.ReadCsv(Path.Combine(Golden.Root, "labels", "labels.csv")));

    public static IReadOnlyList<Dictionary<string, string>> Rows => s_rows.Value;

    public static double[] Ages => Rows.Select(r => Golden.Number(r["age"])).ToArray();

    public static string?[] Genders => Rows.Select(r => (string?)(r["gender"] switch { "0" => "Male", "1" => "Female", _ => null })).ToArray();

    // UTKFace race codes.
    public static string?[] Races => Rows.Select(r => (string?)(r["race"] switch
    {
        "0" => "White",
        "1" => "Black",
        "2" => "Asian",
        "3" => "Indian",
        "4" => "Others",
        _ => null,
    })).ToArray();

    public static IReadOnlyList<Dictionary<string, string>> Table(string name) =>
        Golden.ReadCsv(Path.Combine(Golden.Root, "labels", name));

    public static void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
            return;
        }

        double scale = Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
