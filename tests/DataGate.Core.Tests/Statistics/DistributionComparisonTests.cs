using DataGate.Core.Statistics;

namespace DataGate.Core.Tests.Statistics;

public class DistributionComparisonTests
{
    [Fact]
    public void Should_MatchScipyDocs_When_ChiSquareUniformExpected()
    {
        // scipy.stats.chisquare([16, 18, 16, 14, 12, 12]) -> (2.0, 0.84914503608460956)
        var test = DistributionComparison.ChiSquareGoodnessOfFit([16, 18, 16, 14, 12, 12], [1, 1, 1, 1, 1, 1]);

        Assert.Equal(2.0, test.Statistic, 12);
        Assert.Equal(5, test.DegreesOfFreedom);
        LabelsFixture.AssertRelative(0.84914503608460956, test.PValue, 1e-12, "p");
    }

    [Fact]
    public void Should_MatchScipyDocs_When_ChiSquareGivenExpected()
    {
        // scipy.stats.chisquare([16, 18, 16, 14, 12, 12], f_exp=[16, 16, 16, 16, 16, 8]) -> (3.5, 0.62338762774958223)
        var test = DistributionComparison.ChiSquareGoodnessOfFit([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8]);

        Assert.Equal(3.5, test.Statistic, 12);
        LabelsFixture.AssertRelative(0.62338762774958223, test.PValue, 1e-12, "p");
    }

    [Fact]
    public void Should_GiveInfiniteStatistic_When_ObservedCategoryHasNoExpectation()
    {
        var test = DistributionComparison.ChiSquareGoodnessOfFit([5, 1, 0], [1, 0, 0]);

        Assert.Equal(double.PositiveInfinity, test.Statistic);
        Assert.Equal(1, test.DegreesOfFreedom);
        Assert.Equal(0.0, test.PValue);
    }

    [Fact]
    public void Should_ComputeHandValues_When_TwoCategories()
    {
        Assert.Equal(0.25, DistributionComparison.TotalVariation([2, 2], [1, 3]), 15);
        Assert.Equal((0.5 * Math.Log(2)) + (0.5 * Math.Log(2.0 / 3.0)), DistributionComparison.KullbackLeibler([2, 2], [1, 3]), 15);
        Assert.Equal(Math.Log(2), DistributionComparison.KullbackLeibler([7, 0], [1, 1]), 15);
        Assert.Equal(0.0, DistributionComparison.KullbackLeibler([3, 6], [1, 2]), 15);
        Assert.Equal(double.PositiveInfinity, DistributionComparison.KullbackLeibler([1, 1], [1, 0]));
        Assert.Equal(0.5, DistributionComparison.TotalVariation([1, 1], [1, 0]), 15);
        Assert.True(double.IsNaN(DistributionComparison.TotalVariation([0, 0], [1, 0])));
    }

    [Fact]
    public void Should_Throw_When_WeightsNegativeOrMisaligned()
    {
        Assert.Throws<ArgumentException>(() => DistributionComparison.TotalVariation([1, -1], [1, 1]));
        Assert.Throws<ArgumentException>(() => DistributionComparison.KullbackLeibler([1], [1, 1]));
    }

    [Fact]
    public void Should_AlignKeysAndExcludeNaN_When_ComparingDictionaries()
    {
        var observed = new Dictionary<string, long> { ["Male"] = 30, ["Female"] = 10 };
        var reference = new Dictionary<string, double> { ["Male"] = 1, ["Female"] = 1, ["Other"] = double.NaN };

        var result = DistributionComparison.Compare(observed, reference);

        Assert.Equal(["Female", "Male"], result.Categories);
        Assert.Equal(1, result.ExcludedCategories);
        Assert.Equal(40, result.ObservedTotal);
        Assert.Equal([0.25, 0.75], result.ObservedShares);
        Assert.Equal([0.5, 0.5], result.ReferenceShares);
        Assert.Equal(0.25, result.TotalVariation, 15);
        Assert.Equal(10.0, result.ChiSquare.Statistic, 12);
        Assert.Equal(1, result.ChiSquare.DegreesOfFreedom);
        // chi2.sf(10, 1) = erfc(sqrt(5)).
        LabelsFixture.AssertRelative(0.0015654022580025495, result.ChiSquare.PValue, 1e-12, "p");
    }
}
