namespace DataGate.Core.Statistics;

/// <summary>
/// Compares an observed categorical distribution with a reference one (balance rules). Inputs are non-negative
/// weights per category (counts or shares, aligned by index); each side is normalised to sum 1. A category whose
/// weight is NaN on either side is excluded from both sides (and counted by the keyed <see cref="Compare"/>).
/// </summary>
internal static class DistributionComparison
{
    /// <summary>Total variation distance ½ Σ |p − q|, in [0, 1]. NaN when either side sums to 0.</summary>
    /// <param name="observed">Observed weights, ≥ 0.</param>
    /// <param name="reference">Reference weights, ≥ 0, same length.</param>
    /// <returns>The distance.</returns>
    /// <exception cref="ArgumentException">On length mismatch or a negative weight.</exception>
    public static double TotalVariation(ReadOnlySpan<double> observed, ReadOnlySpan<double> reference)
    {
        (double so, double sr) = Totals(observed, reference);
        if (so == 0 || sr == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            if (!double.IsNaN(observed[i]) && !double.IsNaN(reference[i]))
            {
                sum += Math.Abs((observed[i] / so) - (reference[i] / sr));
            }
        }

        return Math.Min(1.0, 0.5 * sum);
    }

    /// <summary>
    /// Kullback–Leibler divergence D(observed ‖ reference) = Σ p ln(p / q) in nats, ≥ 0. Zeros: a category with
    /// p = 0 contributes 0 (the limit of p ln p); a category with p &gt; 0 and q = 0 makes the divergence +∞
    /// (the reference cannot explain it). No smoothing is applied. NaN when either side sums to 0.
    /// </summary>
    /// <param name="observed">Observed weights, ≥ 0.</param>
    /// <param name="reference">Reference weights, ≥ 0, same length.</param>
    /// <returns>The divergence.</returns>
    /// <exception cref="ArgumentException">On length mismatch or a negative weight.</exception>
    public static double KullbackLeibler(ReadOnlySpan<double> observed, ReadOnlySpan<double> reference)
    {
        (double so, double sr) = Totals(observed, reference);
        if (so == 0 || sr == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            double o = observed[i];
            double r = reference[i];
            if (double.IsNaN(o) || double.IsNaN(r) || o == 0)
            {
                continue;
            }

            if (r == 0)
            {
                return double.PositiveInfinity;
            }

            double p = o / so;
            sum += p * Math.Log(p / (r / sr));
        }

        return Math.Max(0.0, sum);
    }

    /// <summary>
    /// Pearson χ² goodness of fit of observed counts against reference shares: expected_i = N · q_i with N the
    /// observed total. Categories with expected 0 and observed 0 are skipped (and not counted in the degrees of
    /// freedom); expected 0 with observed &gt; 0 gives statistic +∞ and p-value 0.
    /// </summary>
    /// <param name="observedCounts">Observed counts, ≥ 0.</param>
    /// <param name="reference">Reference weights, ≥ 0, same length (normalised here).</param>
    /// <returns>Statistic, degrees of freedom and p-value.</returns>
    /// <exception cref="ArgumentException">On length mismatch or a negative weight.</exception>
    public static ChiSquareTest ChiSquareGoodnessOfFit(ReadOnlySpan<double> observedCounts, ReadOnlySpan<double> reference)
    {
        (double n, double sr) = Totals(observedCounts, reference);
        if (n == 0 || sr == 0)
        {
            return new ChiSquareTest(double.NaN, 0, double.NaN);
        }

        double stat = 0;
        int used = 0;
        bool impossible = false;
        for (int i = 0; i < observedCounts.Length; i++)
        {
            double o = observedCounts[i];
            double r = reference[i];
            if (double.IsNaN(o) || double.IsNaN(r))
            {
                continue;
            }

            double e = n * (r / sr);
            if (e == 0)
            {
                if (o > 0)
                {
                    impossible = true;
                    used++;
                }

                continue;
            }

            double d = o - e;
            stat += d * d / e;
            used++;
        }

        int df = used - 1;
        if (impossible)
        {
            return new ChiSquareTest(double.PositiveInfinity, df, df < 1 ? double.NaN : 0.0);
        }

        return new ChiSquareTest(stat, df, df < 1 ? double.NaN : SpecialFunctions.ChiSquareSurvival(stat, df));
    }

    /// <summary>
    /// All measures for keyed distributions. Categories are the union of both keys (ordinal order); a category
    /// absent on one side has weight 0 there; a NaN reference share excludes the category.
    /// </summary>
    /// <param name="observedCounts">Observed count per category, ≥ 0.</param>
    /// <param name="referenceShares">Reference weight per category, ≥ 0 (normalised here).</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">On a negative weight.</exception>
    public static DistributionComparisonResult Compare(IReadOnlyDictionary<string, long> observedCounts, IReadOnlyDictionary<string, double> referenceShares)
    {
        ArgumentNullException.ThrowIfNull(observedCounts);
        ArgumentNullException.ThrowIfNull(referenceShares);
        var keys = new SortedSet<string>(observedCounts.Keys, StringComparer.Ordinal);
        keys.UnionWith(referenceShares.Keys);
        var categories = new List<string>(keys.Count);
        var observed = new List<double>(keys.Count);
        var reference = new List<double>(keys.Count);
        int excluded = 0;
        foreach (string key in keys)
        {
            double r = referenceShares.TryGetValue(key, out double share) ? share : 0.0;
            if (double.IsNaN(r))
            {
                excluded++;
                continue;
            }

            categories.Add(key);
            observed.Add(observedCounts.TryGetValue(key, out long count) ? count : 0);
            reference.Add(r);
        }

        double[] o = [.. observed];
        double[] q = [.. reference];
        (double so, double sr) = Totals(o, q);
        var observedShares = new double[o.Length];
        var referenceNormalised = new double[q.Length];
        for (int i = 0; i < o.Length; i++)
        {
            observedShares[i] = so == 0 ? double.NaN : o[i] / so;
            referenceNormalised[i] = sr == 0 ? double.NaN : q[i] / sr;
        }

        return new DistributionComparisonResult
        {
            Categories = categories,
            ObservedTotal = (long)so,
            ObservedShares = observedShares,
            ReferenceShares = referenceNormalised,
            TotalVariation = TotalVariation(o, q),
            KullbackLeibler = KullbackLeibler(o, q),
            ChiSquare = ChiSquareGoodnessOfFit(o, q),
            ExcludedCategories = excluded,
        };
    }

    private static (double Observed, double Reference) Totals(ReadOnlySpan<double> observed, ReadOnlySpan<double> reference)
    {
        if (observed.Length != reference.Length)
        {
            throw new ArgumentException($"observed has {observed.Length} categories, reference {reference.Length}.", nameof(reference));
        }

        double so = 0;
        double sr = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            double o = observed[i];
            double r = reference[i];
            if (o < 0 || r < 0)
            {
                throw new ArgumentException($"Negative weight in category {i}.", nameof(observed));
            }

            if (!double.IsNaN(o) && !double.IsNaN(r))
            {
                so += o;
                sr += r;
            }
        }

        return (so, sr);
    }
}
