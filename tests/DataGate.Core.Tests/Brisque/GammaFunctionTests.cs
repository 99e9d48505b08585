using DataGate.Core.Quality.Brisque;

namespace DataGate.Core.Tests.Brisque;

public class GammaFunctionTests
{
    [Theory]
    [InlineData(0.1, 9.5135076986687318)]
    [InlineData(0.5, 1.7724538509055160)] // √π
    [InlineData(1.0, 1.0)]
    [InlineData(1.5, 0.88622692545275801)]
    [InlineData(5.0, 24.0)]
    [InlineData(10.0, 362880.0)]
    [InlineData(15.0, 87178291200.0)]
    public void Should_MatchTgammaToDoublePrecision_When_ArgumentIsInBrisqueRange(double x, double expected)
    {
        double actual = GammaFunction.Gamma(x);
        Assert.True(Math.Abs(actual - expected) <= 1e-13 * expected, $"Γ({x}) = {actual:R}, expected {expected:R}");
    }
}
