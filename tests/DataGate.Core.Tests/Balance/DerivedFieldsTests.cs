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

        var edges = DerivedFields.Apply(config, records);

        Assert.Equal([10.0, 27.5, 45, 62.5, 80], edges);
        Assert.Equal(["q1", "q1", "q2", "q2", "q3", "q3", "q4", "q4"], records.Take(8).Select(r => r.Texts[DerivedFields.LuminanceBin]));
        Assert.False(records[8].Texts.ContainsKey(DerivedFields.LuminanceBin));
    }

    [Fact]
    public void Should_KeepAnalyserCategory_When_SkinToneTextIsPresent()
    {
        var config = BalanceFixture.BuildConfig(string.Empty);
        var r = BalanceFixture.Record("a.png", null, null, null, (MetricCatalog.SkinToneIta, 60));
        r.Texts[DerivedFields.SkinTone] = "light";
        var s = BalanceFixture.Record("b.png", null, null, null, (MetricCatalog.SkinToneIta, -45));

        DerivedFields.Apply(config, [r, s]);

        Assert.Equal("light", r.Texts[DerivedFields.SkinTone]);
        Assert.Equal("dark", s.Texts[DerivedFields.SkinTone]);
    }
}
