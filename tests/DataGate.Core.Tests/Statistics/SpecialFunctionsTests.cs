using DataGate.Core.Statistics;

namespace DataGate.Core.Tests.Statistics;

public class SpecialFunctionsTests
{
    [Theory]
    [InlineData(10.0, 4.0, 0.040427681994512805)]
    [InlineData(2.0, 3.0, 0.5724067044708798)]
    public void Should_MatchScipyChi2Sf_When_KnownValues(double x, double df, double expected)
    {
        LabelsFixture.AssertRelative(expected, SpecialFunctions.ChiSquareSurvival(x, df), 1e-12, $"chi2.sf({x}, {df})");
    }

    [Fact]
    public void Should_GiveFivePercent_When_ChiSquareCriticalValueOneDf()
    {
        Assert.Equal(0.05004, SpecialFunctions.ChiSquareSurvival(3.84, 1), 5);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(40)]
    public void Should_MatchPoissonClosedForm_When_DegreesOfFreedomEven(int df)
    {
        // For even k, chi2.sf(x, k) = e^{-x/2} Σ_{j<k/2} (x/2)^j / j!.
        foreach (double x in new[] { 0.01, 0.5, 1, 3, 7.5, 20, 45, 80, 150 })
        {
            double half = x / 2;
            double term = Math.Exp(-half);
            double sum = 0;
            for (int j = 0; j < df / 2; j++)
            {
                sum += term;
                term *= half / (j + 1);
            }

            LabelsFixture.AssertRelative(sum, SpecialFunctions.ChiSquareSurvival(x, df), 1e-12, $"chi2.sf({x}, {df})");
        }
    }

    [Fact]
    public void Should_SumToOne_When_LowerAndUpperGammaAdded()
    {
        foreach (double a in new[] { 0.1, 0.5, 1, 2.5, 10, 55.5 })
        {
            foreach (double x in new[] { 0.001, 0.3, 1, 4, 12, 60, 200 })
            {
                double p = SpecialFunctions.RegularizedGammaP(a, x);
                double q = SpecialFunctions.RegularizedGammaQ(a, x);
                Assert.InRange(p, 0, 1);
                Assert.InRange(q, 0, 1);
                Assert.Equal(1.0, p + q, 14);
            }
        }
    }

    [Fact]
    public void Should_MatchFactorials_When_LogGammaOfIntegersAndHalf()
    {
        double factorial = 1;
        for (int n = 1; n <= 30; n++)
        {
            double expected = Math.Log(factorial);
            Assert.True(Math.Abs(expected - SpecialFunctions.LogGamma(n)) <= 1e-13 * Math.Max(1, expected), $"lgamma({n})");
            factorial *= n;
        }

        Assert.Equal(0.5 * Math.Log(Math.PI), SpecialFunctions.LogGamma(0.5), 14);
        Assert.Equal(Math.Log(2 * Math.Sqrt(Math.PI)), SpecialFunctions.LogGamma(-0.5), 13);
    }

    [Fact]
    public void Should_HandleEdges_When_ArgumentsAtLimits()
    {
        Assert.Equal(1.0, SpecialFunctions.ChiSquareSurvival(0, 3));
        Assert.Equal(0.0, SpecialFunctions.ChiSquareSurvival(double.PositiveInfinity, 3));
        Assert.True(double.IsNaN(SpecialFunctions.ChiSquareSurvival(1, 0)));
        Assert.True(double.IsNaN(SpecialFunctions.RegularizedGammaQ(-1, 1)));
        Assert.True(double.IsNaN(SpecialFunctions.RegularizedGammaP(1, double.NaN)));
    }
}
