using DataGate.Core.Statistics;

namespace DataGate.Core.Tests.Statistics;

public class DescriptiveSummaryTests
{
    [Fact]
    public void Should_MatchPandasDocstrings_When_SkewAndKurtWithNaN()
    {
        // pandas nanops docstrings: nanskew([1, nan, 1, 2]) and nankurt([1, nan, 1, 3, 2]).
        var skew = DescriptiveSummary.Compute([1, double.NaN, 1, 2]);
        var kurt = DescriptiveSummary.Compute([1, double.NaN, 1, 3, 2]);

        LabelsFixture.AssertRelative(1.7320508075688787, skew.Skewness, 1e-15, "skew");
        LabelsFixture.AssertRelative(-1.2892561983471076, kurt.Kurtosis, 1e-15, "kurt");
        Assert.Equal((3, 1), (skew.Count, skew.Missing));
    }

    [Fact]
    public void Should_InterpolateLikeNumpy_When_Percentiles()
    {
        var s = DescriptiveSummary.Compute([4, 1, 3, 2]);

        Assert.Equal(1.75, s.Percentile25);
        Assert.Equal(3.25, s.Percentile75);
        Assert.Equal(1.5, s.Iqr);
        Assert.Equal(1.15, s.Percentile5, 15);
        Assert.Equal(3.85, s.Percentile95, 15);
        Assert.Equal(2.5, s.Median);
        Assert.Equal(2.5, s.Mean);
        Assert.Equal(1, s.Minimum);
        Assert.Equal(4, s.Maximum);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), s.StdDev, 15);
    }

    [Fact]
    public void Should_PickSmallestMostFrequent_When_ModeTies()
    {
        Assert.Equal(2.0, DescriptiveSummary.Compute([5, 5, 2, 9, 2, 1]).Mode);
        Assert.Equal(-1.0, DescriptiveSummary.Compute([3, -1, 7]).Mode);
    }

    [Fact]
    public void Should_GiveNaNLikePandas_When_SampleSmall()
    {
        var empty = DescriptiveSummary.Compute([double.NaN]);
        Assert.Equal((0, 1), (empty.Count, empty.Missing));
        Assert.All(empty.Values().Skip(1), v => Assert.True(double.IsNaN(v)));

        var one = DescriptiveSummary.Compute([4]);
        Assert.Equal(4, one.Mean);
        Assert.Equal(4, one.Percentile95);
        Assert.True(double.IsNaN(one.StdDev));

        var two = DescriptiveSummary.Compute([1, 2]);
        Assert.Equal(Math.Sqrt(0.5), two.StdDev, 15);
        Assert.True(double.IsNaN(two.Skewness));

        var three = DescriptiveSummary.Compute([1, 2, 4]);
        Assert.False(double.IsNaN(three.Skewness));
        Assert.True(double.IsNaN(three.Kurtosis));
    }

    [Fact]
    public void Should_GiveZeroSkewAndKurt_When_SampleConstant()
    {
        // Six 0.1s have a rounded mean of 0.09999999999999999: the centred sums are ~1e-33 of noise, which pandas
        // zeroes out (|m| < 1e-14) instead of dividing noise by noise.
        var s = DescriptiveSummary.Compute([0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);

        Assert.True(s.StdDev > 0);
        Assert.Equal(0.0, s.Skewness);
        Assert.Equal(0.0, s.Kurtosis);
    }

    [Fact]
    public void Should_ThrowOutOfRange_When_QuantileOutsideUnitInterval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantile.Linear([1.0], 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantile.Linear([1.0], double.NaN));
    }
}
