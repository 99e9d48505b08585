namespace DataGate.Core.Reports.Html;

/// <summary>Fixed-width binning of finite values on a linear or log10 axis, for the pre-binned charts.</summary>
internal sealed class Binned
{
    private Binned(double lo, double hi, int count, bool log)
    {
        Lo = lo;
        Hi = hi;
        Count = count;
        IsLog = log;
    }

    public double Lo { get; }

    public double Hi { get; }

    public int Count { get; }

    public bool IsLog { get; }

    /// <summary>Bins spanning the values (and the given extra points, e.g. thresholds, when near); log when the values are positive and span over three decades.</summary>
    public static Binned? Over(IReadOnlyList<double> values, int bins, IEnumerable<double>? extra = null)
    {
        if (values.Count == 0)
        {
            return null;
        }

        double lo = values.Min();
        double hi = values.Max();
        bool log = lo > 0 && hi / lo > 1000;
        foreach (var x in extra ?? [])
        {
            if (double.IsFinite(x) && (!log || x > 0))
            {
                // Keep a threshold on the axis when it lies within half the data's span outside it.
                double span = Math.Max(hi - lo, 1e-12);
                if (x < lo && lo - x < span / 2) { lo = x; }
                if (x > hi && x - hi < span / 2) { hi = x; }
            }
        }

        if (hi <= lo)
        {
            hi = lo + (lo == 0 ? 1 : Math.Abs(lo) * 0.01);
        }

        return new Binned(log ? Math.Log10(lo) : lo, log ? Math.Log10(hi) : hi, bins, log);
    }

    public int IndexOf(double value)
    {
        double v = IsLog ? Math.Log10(value) : value;
        int i = (int)Math.Floor((v - Lo) / (Hi - Lo) * Count);
        return Math.Clamp(i, 0, Count - 1);
    }

    public double Edge(int i)
    {
        double v = Lo + (Hi - Lo) * i / Count;
        return IsLog ? Math.Pow(10, v) : v;
    }
}
