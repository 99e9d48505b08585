using DataGate.Core.Statistics;

namespace DataGate.Core.Tests.Statistics;

public class BinningTests
{
    [Fact]
    public void Should_LabelBinsLikeEda_When_AgeDecades()
    {
        Assert.Equal(["0-10", "10-20", "20-30", "30-40", "40-50", "50-60", "60-70", "70-80", "80-90", "90-inf"], Binning.AgeDecades.Labels);
    }

    [Theory]
    [InlineData(10.0, "0-10")]
    [InlineData(0.5, "0-10")]
    [InlineData(10.000001, "10-20")]
    [InlineData(90.0, "80-90")]
    [InlineData(90.5, "90-inf")]
    [InlineData(1e300, "90-inf")]
    [InlineData(double.PositiveInfinity, "90-inf")]
    public void Should_UseRightInclusiveBins_When_ValueInRange(double value, string expected)
    {
        Assert.Equal(expected, Binning.AgeDecades.LabelOf(value));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Should_GiveNoBin_When_ValueAtOrBelowFirstEdgeOrNaN(double value)
    {
        Assert.Equal(-1, Binning.AgeDecades.IndexOf(value));
        Assert.Null(Binning.AgeDecades.LabelOf(value));
    }

    [Fact]
    public void Should_GiveNoBin_When_ValueAboveClosedLastEdge()
    {
        var bins = new Binning([0.5, 1.25, 2]);

        Assert.Equal(["0.5-1.25", "1.25-2"], bins.Labels);
        string?[] expected = [null, "0.5-1.25", "1.25-2", "1.25-2", null];
        Assert.Equal((IEnumerable<string?>)expected, bins.Assign([0.5, 1.25, 1.5, 2, 2.5]));
    }

    [Fact]
    public void Should_Throw_When_EdgesNotIncreasing()
    {
        Assert.Throws<ArgumentException>(() => new Binning([1.0]));
        Assert.Throws<ArgumentException>(() => new Binning([1.0, 1.0]));
        Assert.Throws<ArgumentException>(() => new Binning([0.0, double.NaN]));
    }
}
