using DataGate.Core.Analysis;
using DataGate.Core.Labels;

namespace DataGate.Core.Tests.Balance;

public class DerivedFieldsTests
{
    [Theory]
    [InlineData(70, "very_light")]
    [InlineData(55.001, "very_light")]
    [InlineData(55, "light")]
    [InlineData(41, "intermediate")]
    [InlineData(28, "tan")]
    [InlineData(10, "brown")]
    [InlineData(-29.9, "brown")]
    [InlineData(-30, "dark")]
    [InlineData(double.NaN, null)]
    public void Should_UseStandardItaThresholds_When_SkinToneIsDerived(double ita, string? expected) =>
        Assert.Equal(expected, DerivedFields.SkinToneOf(ita));

    [Fact]
    public void Should_SplitIntoQuantileBins_When_LuminanceIsDerived()
    {
        var config = BalanceFixture.BuildConfig("derived: { luminance_bins: 4 }\n");
        var records = Enumerable.Range(1, 8).Select(i => BalanceFixture.Record($"{i}.png", null, null, null, (MetricCatalog.LuminanceMean, i * 10.0))).ToList();
        records.Add(new ImageRecord("broken.png") { Error = DataGate.Core.Diagnostics.DiagnosticCodes.Corrupt.Create("bad") });

        var (derived, edges) = DerivedFields.Derive(config, records);

        Assert.Equal([10.0, 27.5, 45, 62.5, 80], edges);
        Assert.Equal(["q1", "q1", "q2", "q2", "q3", "q3", "q4", "q4"], derived.Take(8).Select(r => r.Texts[DerivedFields.LuminanceBin]));
        Assert.False(derived[8].Texts.ContainsKey(DerivedFields.LuminanceBin));
        Assert.All(records, r => Assert.False(r.Texts.ContainsKey(DerivedFields.LuminanceBin))); // the input is not written
    }

    [Fact]
    public void Should_KeepAnalyserCategory_When_SkinToneTextIsPresent()
    {
        var config = BalanceFixture.BuildConfig(string.Empty);
        var r = BalanceFixture.Record("a.png", null, null, null, (MetricCatalog.SkinToneIta, 60));
        r.TextSlots[DerivedFields.SkinTone] = "light";
        var s = BalanceFixture.Record("b.png", null, null, null, (MetricCatalog.SkinToneIta, -45));

        var (derived, _) = DerivedFields.Derive(config, [r, s]);

        Assert.Equal("light", derived[0].Texts[DerivedFields.SkinTone]);
        Assert.Equal("dark", derived[1].Texts[DerivedFields.SkinTone]);
    }
}
