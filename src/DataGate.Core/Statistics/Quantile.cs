namespace DataGate.Core.Statistics;

/// <summary>Quantiles of sorted samples, computed the way numpy 1.24 <c>percentile</c>/<c>median</c> do.</summary>
internal static class Quantile
{
    /// <summary>
    /// Quantile with linear interpolation (numpy's default <c>method="linear"</c>, pandas' <c>interpolation="linear"</c>):
    /// virtual index h = (n − 1)·q between the order statistics x[⌊h⌋] and x[⌊h⌋+1], interpolated as numpy does
    /// (from the lower neighbour when the fraction is below 0.5, from the upper one otherwise).
    /// </summary>
    /// <param name="sorted">Ascending values without NaN.</param>
    /// <param name="q">Quantile in [0, 1] (0.25 = 25th percentile).</param>
    /// <returns>The quantile, or NaN when <paramref name="sorted"/> is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="q"/> is outside [0, 1] or NaN.</exception>
    public static double Linear(ReadOnlySpan<double> sorted, double q)
    {
        if (!(q >= 0.0 && q <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "Quantile must be in [0, 1].");
        }

        int n = sorted.Length;
        if (n == 0)
        {
            return double.NaN;
        }

        double h = (n - 1) * q;
        if (h >= n - 1)
        {
            return sorted[n - 1];
        }

        int lo = (int)Math.Floor(h);
        double t = h - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        double diff = b - a;
        return t >= 0.5 ? b - (diff * (1.0 - t)) : a + (diff * t);
    }

    /// <summary>Median as numpy computes it: the middle value, or the mean of the two middle values for even n.</summary>
    /// <param name="sorted">Ascending values without NaN.</param>
    /// <returns>The median, or NaN when empty.</returns>
    public static double Median(ReadOnlySpan<double> sorted)
    {
        int n = sorted.Length;
        if (n == 0)
        {
            return double.NaN;
        }

        int mid = n / 2;
        return (n & 1) == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
