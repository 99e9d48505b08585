namespace DataGate.Core.Rules;

/// <summary>Percentiles with numpy's default (linear) interpolation.</summary>
public static class Quantiles
{
    /// <summary>The <paramref name="percent"/>th percentile (0–100) of ascending-sorted finite values; NaN when empty.</summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        double pos = percent / 100.0 * (sorted.Count - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Count - 1);
        double frac = pos - lo;
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * frac);
    }
}
