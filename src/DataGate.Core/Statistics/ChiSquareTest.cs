namespace DataGate.Core.Statistics;

/// <summary>Result of Pearson's χ² goodness-of-fit test (scipy <c>chisquare</c>).</summary>
/// <param name="Statistic">Σ (observed − expected)² / expected, ≥ 0; +∞ when a category with expected 0 was observed.</param>
/// <param name="DegreesOfFreedom">Categories used minus 1 (categories with both observed and expected 0 are not used).</param>
/// <param name="PValue">Upper-tail probability of the statistic under χ²(df), in [0, 1]; NaN when df &lt; 1 or nothing was observed.</param>
public sealed record ChiSquareTest(double Statistic, int DegreesOfFreedom, double PValue);
