namespace DataGate.Core.Metrics;

/// <summary>
/// The fitted state of cleanvision's odd-size check (see <see cref="OddSize"/>): the band of typical sizes
/// √w·√h of a set of images. Fitted once over a dataset, it scores any image, of that set or not. Immutable.
/// </summary>
internal sealed class OddSizeFences
{
    private const double IqrFactor = 3.0;

    private OddSizeFences(double mid, double norm, double threshold)
    {
        Mid = mid;
        Norm = norm;
        Threshold = threshold;
    }

    /// <summary>Centre of the band [Q1 − 3·IQR, Q3 + 3·IQR].</summary>
    public double Mid { get; }

    /// <summary>Width of the band, or <see cref="Mid"/> when the width is 0.</summary>
    public double Norm { get; }

    /// <summary>Score below which an image is odd: 0.5, or 1.0 when every size is the same band point.</summary>
    public double Threshold { get; }

    /// <summary>Fits the band over the sizes; null for no sizes.</summary>
    public static OddSizeFences? Fit(IReadOnlyList<(int Width, int Height)> sizes)
    {
        if (sizes.Count == 0)
        {
            return null;
        }

        var sorted = new double[sizes.Count];
        for (int i = 0; i < sorted.Length; i++)
        {
            sorted[i] = Size(sizes[i].Width, sizes[i].Height);
        }

        Array.Sort(sorted);
        double q1 = OddSize.Percentile(sorted, 0.25);
        double q3 = OddSize.Percentile(sorted, 0.75);
        double iqr = q3 - q1;
        double min = q1 - (IqrFactor * iqr);
        double max = q3 + (IqrFactor * iqr);
        double mid = (min + max) / 2;
        double gap = max - min;
        return new OddSizeFences(mid, gap > 0 ? gap : mid, iqr > 0 ? 0.5 : 1.0);
    }

    /// <summary>The score 0 … 1 of one image (1 = typical size).</summary>
    /// <summary>Rebuilds fitted fences from their three numbers (a saved <see cref="Rules.FittedGateState"/>).</summary>
    public static OddSizeFences Restore(double mid, double norm, double threshold) => new(mid, norm, threshold);

    public double Score(int width, int height)
    {
        double d = Math.Abs(Size(width, height) - Mid) / Norm;
        return 1 - Math.Clamp(d, 0.0, 1.0);
    }

    /// <summary>True when cleanvision would flag the score.</summary>
    public bool IsOdd(double score) => score < Threshold;

    private static double Size(int width, int height) => Math.Sqrt(width) * Math.Sqrt(height);
}
