namespace DataGate.Core.Statistics;

/// <summary>
/// Moment statistics reimplemented after pandas 1.5 <c>nanops</c> (<c>nanmean</c>, <c>nanvar</c>, <c>nanskew</c>,
/// <c>nankurt</c>): two-pass centred sums, numpy pairwise summation, and pandas' rule that sums of centred powers whose
/// magnitude is below 1e-14 are floating-point noise and count as exactly zero.
/// </summary>
internal static class SampleMoments
{
    /// <summary>Magnitude below which pandas treats a moment sum as zero (<c>_zero_out_fperr</c>).</summary>
    private const double FpNoise = 1e-14;

    /// <summary>Arithmetic mean; NaN when empty. Values must not contain NaN.</summary>
    public static double Mean(ReadOnlySpan<double> values) =>
        values.Length == 0 ? double.NaN : PairwiseSum.Sum(values) / values.Length;

    /// <summary>Variance with <paramref name="ddof"/> delta degrees of freedom; NaN when n ≤ ddof.</summary>
    public static double Variance(ReadOnlySpan<double> values, int ddof)
    {
        int n = values.Length;
        if (n <= ddof)
        {
            return double.NaN;
        }

        double mean = PairwiseSum.Sum(values) / n;
        double[] sq = new double[n];
        for (int i = 0; i < n; i++)
        {
            double d = mean - values[i];
            sq[i] = d * d;
        }

        return PairwiseSum.Sum(sq) / (n - ddof);
    }

    /// <summary>pandas <c>Series.skew()</c>: adjusted Fisher–Pearson G1 = n·√(n−1)/(n−2) · m3/m2^1.5 on centred sums.</summary>
    /// <returns>NaN when n &lt; 3; 0 when the centred square sum is (numerically) zero.</returns>
    public static double Skewness(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n < 3)
        {
            return double.NaN;
        }

        double count = n;
        double mean = PairwiseSum.Sum(values) / count;
        double[] a2 = new double[n];
        double[] a3 = new double[n];
        for (int i = 0; i < n; i++)
        {
            double d = values[i] - mean;
            double d2 = d * d;
            a2[i] = d2;
            a3[i] = d2 * d;
        }

        double m2 = ZeroOutNoise(PairwiseSum.Sum(a2));
        double m3 = ZeroOutNoise(PairwiseSum.Sum(a3));
        if (m2 == 0.0)
        {
            return 0.0;
        }

        return (count * Math.Sqrt(count - 1) / (count - 2)) * (m3 / Math.Pow(m2, 1.5));
    }

    /// <summary>pandas <c>Series.kurt()</c>: bias-corrected excess kurtosis G2 from centred sums.</summary>
    /// <returns>NaN when n &lt; 4; 0 when the denominator is (numerically) zero, e.g. constant samples.</returns>
    public static double Kurtosis(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n < 4)
        {
            return double.NaN;
        }

        double count = n;
        double mean = PairwiseSum.Sum(values) / count;
        double[] a2 = new double[n];
        double[] a4 = new double[n];
        for (int i = 0; i < n; i++)
        {
            double d = values[i] - mean;
            double d2 = d * d;
            a2[i] = d2;
            a4[i] = d2 * d2;
        }

        double m2 = PairwiseSum.Sum(a2);
        double m4 = PairwiseSum.Sum(a4);
        double adj = 3 * (count - 1) * (count - 1) / ((count - 2) * (count - 3));
        double numerator = ZeroOutNoise(count * (count + 1) * (count - 1) * m4);
        double denominator = ZeroOutNoise((count - 2) * (count - 3) * (m2 * m2));
        if (denominator == 0.0)
        {
            return 0.0;
        }

        return (numerator / denominator) - adj;
    }

    private static double ZeroOutNoise(double x) => Math.Abs(x) < FpNoise ? 0.0 : x;
}
