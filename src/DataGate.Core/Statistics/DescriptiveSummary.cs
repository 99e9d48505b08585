namespace DataGate.Core.Statistics;

/// <summary>
/// Descriptive statistics of one numeric sample with pandas 1.5 semantics (the UTKFace EDA table). NaN values are
/// excluded from every statistic and counted in <see cref="Missing"/>; infinities are kept as values, as in pandas.
/// </summary>
/// <remarks>
/// Small samples: with n = 0 every statistic is NaN; <see cref="StdDev"/> needs n ≥ 2, <see cref="Skewness"/>
/// n ≥ 3 and <see cref="Kurtosis"/> n ≥ 4, otherwise NaN (as pandas). A constant sample has skewness and kurtosis 0
/// (pandas' convention), not NaN. Units are those of the input values (skewness and kurtosis are unitless).
/// </remarks>
public sealed record DescriptiveSummary
{
    /// <summary>Names of the statistics in the EDA table order, matching <see cref="Values"/>.</summary>
    public static IReadOnlyList<string> StatisticNames { get; } =
    [
        "Count", "Mean", "Median", "Mode", "Std Dev", "IQR", "5th Percentile", "25th Percentile", "75th Percentile",
        "95th Percentile", "Minimum", "Maximum", "Skewness", "Kurtosis",
    ];

    /// <summary>Number of non-NaN values (≥ 0).</summary>
    public required int Count { get; init; }

    /// <summary>Number of NaN values that were excluded (≥ 0).</summary>
    public required int Missing { get; init; }

    /// <summary>Arithmetic mean (numpy pairwise sum / n).</summary>
    public required double Mean { get; init; }

    /// <summary>Median (mean of the two middle values for even n).</summary>
    public required double Median { get; init; }

    /// <summary>Most frequent value; the smallest one when several are equally frequent (pandas <c>mode()[0]</c>).</summary>
    public required double Mode { get; init; }

    /// <summary>Sample standard deviation, ddof 1 (two-pass). NaN when n &lt; 2.</summary>
    public required double StdDev { get; init; }

    /// <summary>Interquartile range: 75th minus 25th percentile.</summary>
    public required double Iqr { get; init; }

    /// <summary>5th percentile, linear interpolation (numpy default).</summary>
    public required double Percentile5 { get; init; }

    /// <summary>25th percentile, linear interpolation.</summary>
    public required double Percentile25 { get; init; }

    /// <summary>75th percentile, linear interpolation.</summary>
    public required double Percentile75 { get; init; }

    /// <summary>95th percentile, linear interpolation.</summary>
    public required double Percentile95 { get; init; }

    /// <summary>Smallest value.</summary>
    public required double Minimum { get; init; }

    /// <summary>Largest value.</summary>
    public required double Maximum { get; init; }

    /// <summary>pandas <c>skew()</c>: adjusted Fisher–Pearson coefficient G1 (bias-corrected). NaN when n &lt; 3.</summary>
    public required double Skewness { get; init; }

    /// <summary>pandas <c>kurt()</c>: excess kurtosis G2 (bias-corrected, 0 for a normal law). NaN when n &lt; 4.</summary>
    public required double Kurtosis { get; init; }

    /// <summary>The statistics in the order of <see cref="StatisticNames"/> (Count as a double).</summary>
    public double[] Values() =>
    [
        Count, Mean, Median, Mode, StdDev, Iqr, Percentile5, Percentile25, Percentile75, Percentile95, Minimum, Maximum,
        Skewness, Kurtosis,
    ];

    /// <summary>Computes the summary of <paramref name="values"/>, excluding NaN. O(n log n); the input is not modified.</summary>
    /// <param name="values">Sample values; NaN marks a missing value.</param>
    /// <returns>The summary; all statistics NaN when there is no non-NaN value.</returns>
    public static DescriptiveSummary Compute(ReadOnlySpan<double> values)
    {
        int missing = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                missing++;
            }
        }

        double[] data = new double[values.Length - missing];
        int k = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                data[k++] = values[i];
            }
        }

        return FromClean(data, missing);
    }

    /// <summary>Summary of NaN-free <paramref name="data"/> (in input order; sorted in place here).</summary>
    internal static DescriptiveSummary FromClean(double[] data, int missing)
    {
        // Moments first, on the input order, as pandas sums in the order of the column.
        double mean = SampleMoments.Mean(data);
        double variance = SampleMoments.Variance(data, 1);
        double skew = SampleMoments.Skewness(data);
        double kurt = SampleMoments.Kurtosis(data);

        Array.Sort(data);
        double p25 = Quantile.Linear(data, 0.25);
        double p75 = Quantile.Linear(data, 0.75);
        bool empty = data.Length == 0;
        return new DescriptiveSummary
        {
            Count = data.Length,
            Missing = missing,
            Mean = mean,
            Median = Quantile.Median(data),
            Mode = ModeOfSorted(data),
            StdDev = Math.Sqrt(variance),
            Iqr = p75 - p25,
            Percentile5 = Quantile.Linear(data, 0.05),
            Percentile25 = p25,
            Percentile75 = p75,
            Percentile95 = Quantile.Linear(data, 0.95),
            Minimum = empty ? double.NaN : data[0],
            Maximum = empty ? double.NaN : data[^1],
            Skewness = skew,
            Kurtosis = kurt,
        };
    }

    private static double ModeOfSorted(double[] sorted)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        double best = sorted[0];
        int bestRun = 0;
        int i = 0;
        while (i < sorted.Length)
        {
            int j = i + 1;
            while (j < sorted.Length && sorted[j] == sorted[i])
            {
                j++;
            }

            if (j - i > bestRun)
            {
                bestRun = j - i;
                best = sorted[i];
            }

            i = j;
        }

        return best;
    }
}
