namespace DataGate.Core.Metrics;

/// <summary>
/// cleanvision's dataset-level <c>odd_size_score</c>: each image's size is <c>√w·√h</c>; with Q1 and Q3 the
/// 25th and 75th percentiles (NumPy linear) over the dataset and the band [Q1 − 3·IQR, Q3 + 3·IQR], the score is
/// <c>1 − clip(|size − mid| / gap, 0, 1)</c>, where mid is the band's centre and gap its width (or mid when the
/// width is 0). cleanvision flags an image when the score is below 0.5 (below 1.0 when the width is 0).
/// </summary>
internal static class OddSize
{
    /// <summary>Scores every image of a dataset, in the order given.</summary>
    /// <param name="sizes">Width and height (≥ 1) of each image.</param>
    /// <returns>One score per image, 0 … 1 (1 = typical size); empty for an empty input.</returns>
    public static double[] Scores(IReadOnlyList<(int Width, int Height)> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var fences = OddSizeFences.Fit(sizes);
        var scores = new double[sizes.Count];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = fences!.Score(sizes[i].Width, sizes[i].Height);
        }

        return scores;
    }

    /// <summary>True when cleanvision would flag a score: below 0.5, or below 1.0 when all sizes share one band point.</summary>
    /// <param name="scores">The output of <see cref="Scores"/> for one dataset.</param>
    /// <param name="sizes">The same sizes.</param>
    public static bool[] Issues(IReadOnlyList<double> scores, IReadOnlyList<(int Width, int Height)> sizes)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(sizes);
        var sorted = sizes.Select(s => Math.Sqrt(s.Width) * Math.Sqrt(s.Height)).Order().ToArray();
        double threshold = sorted.Length == 0 || Percentile(sorted, 0.75) - Percentile(sorted, 0.25) > 0 ? 0.5 : 1.0;
        return scores.Select(s => s < threshold).ToArray();
    }

    internal static double Percentile(double[] sorted, double q)
    {
        double vi = (sorted.Length - 1) * q;
        double lo = Math.Floor(vi);
        int i = (int)lo;
        int j = Math.Min(i + 1, sorted.Length - 1);
        return BrightnessPercentiles.Lerp(sorted[i], sorted[j], vi - lo);
    }
}
