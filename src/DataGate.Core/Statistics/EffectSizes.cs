namespace DataGate.Core.Statistics;

/// <summary>
/// Two-sample effect sizes for parity rules. NaN values are excluded from each sample. Every measure is NaN when
/// a sample has no non-NaN value. O(n log n) (sorting); the inputs are not modified.
/// </summary>
internal static class EffectSizes
{
    /// <summary>
    /// Cohen's d = (mean A − mean B) / s_p with s_p² = (SS_A + SS_B) / (n_A + n_B − 2) (ddof-1 pooled variance,
    /// SS = sum of squared deviations). NaN when n_A + n_B &lt; 3 or s_p = 0.
    /// </summary>
    public static double CohensD(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => CohensDClean(Clean(a, out _), Clean(b, out _));

    /// <summary>
    /// Two-sample Kolmogorov–Smirnov statistic as scipy <c>ks_2samp</c>: D = max over all observed values of
    /// |F_A(x) − F_B(x)| with right-continuous empirical CDFs, so tied values move both CDFs together. In [0, 1].
    /// </summary>
    public static double KolmogorovSmirnov(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double[] x = Clean(a, out _);
        double[] y = Clean(b, out _);
        Array.Sort(x);
        Array.Sort(y);
        return KsSorted(x, y);
    }

    /// <summary>
    /// Area under the ROC curve of A against B: the Mann–Whitney U of A over n_A·n_B, i.e. the share of (a, b) pairs
    /// with a &gt; b, ties counting ½. In [0, 1]; 1 when every value of A exceeds every value of B.
    /// </summary>
    public static double Auc(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => AucClean(Clean(a, out _), Clean(b, out _));

    /// <summary>All effect sizes at once, with counts and NaN counts.</summary>
    /// <param name="a">Sample A; NaN = missing.</param>
    /// <param name="b">Sample B; NaN = missing.</param>
    /// <returns>The effect sizes.</returns>
    public static TwoSampleEffects Compare(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double[] x = Clean(a, out int missingA);
        double[] y = Clean(b, out int missingB);
        double d = CohensDClean(x, y);
        double auc = AucClean(x, y);
        Array.Sort(x);
        Array.Sort(y);
        return new TwoSampleEffects
        {
            CountA = x.Length,
            CountB = y.Length,
            MissingA = missingA,
            MissingB = missingB,
            CohensD = d,
            KolmogorovSmirnov = KsSorted(x, y),
            Auc = auc,
        };
    }

    private static double CohensDClean(double[] x, double[] y)
    {
        int n1 = x.Length;
        int n2 = y.Length;
        if (n1 == 0 || n2 == 0 || n1 + n2 < 3)
        {
            return double.NaN;
        }

        double m1 = PairwiseSum.Sum(x) / n1;
        double m2 = PairwiseSum.Sum(y) / n2;
        double pooled = Math.Sqrt((SumSquaredDeviations(x, m1) + SumSquaredDeviations(y, m2)) / (n1 + n2 - 2));
        return pooled == 0 ? double.NaN : (m1 - m2) / pooled;
    }

    private static double SumSquaredDeviations(double[] values, double mean)
    {
        var sq = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double d = values[i] - mean;
            sq[i] = d * d;
        }

        return PairwiseSum.Sum(sq);
    }

    private static double KsSorted(double[] x, double[] y)
    {
        int n1 = x.Length;
        int n2 = y.Length;
        if (n1 == 0 || n2 == 0)
        {
            return double.NaN;
        }

        int i = 0;
        int j = 0;
        double d = 0;
        while (i < n1 && j < n2)
        {
            double v = Math.Min(x[i], y[j]);
            while (i < n1 && x[i] == v)
            {
                i++;
            }

            while (j < n2 && y[j] == v)
            {
                j++;
            }

            double diff = Math.Abs(((double)i / n1) - ((double)j / n2));
            if (diff > d)
            {
                d = diff;
            }
        }

        // Past this point one CDF is 1 and the other only rises towards it: the gap only shrinks.
        return d;
    }

    private static double AucClean(double[] x, double[] y)
    {
        int n1 = x.Length;
        int n2 = y.Length;
        if (n1 == 0 || n2 == 0)
        {
            return double.NaN;
        }

        var keys = new double[n1 + n2];
        var fromA = new bool[n1 + n2];
        x.CopyTo(keys, 0);
        y.CopyTo(keys, n1);
        for (int i = 0; i < n1; i++)
        {
            fromA[i] = true;
        }

        Array.Sort(keys, fromA);

        // Rank-sum form of U_A, accumulated per tie group: each a beats all earlier b and half the tied b.
        double u = 0;
        long bBelow = 0;
        int start = 0;
        while (start < keys.Length)
        {
            int end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            long aTied = 0;
            for (int k = start; k < end; k++)
            {
                aTied += fromA[k] ? 1 : 0;
            }

            long bTied = end - start - aTied;
            u += aTied * (bBelow + (0.5 * bTied));
            bBelow += bTied;
            start = end;
        }

        return u / ((double)n1 * n2);
    }

    private static double[] Clean(ReadOnlySpan<double> values, out int missing)
    {
        missing = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                missing++;
            }
        }

        var result = new double[values.Length - missing];
        int k = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                result[k++] = values[i];
            }
        }

        return result;
    }
}
