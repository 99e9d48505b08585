namespace DataGate.Core.Statistics;

/// <summary>
/// Floating-point summation in the pairwise scheme numpy uses for <c>float64</c> reductions: runs shorter than 8 are
/// summed left to right, blocks of up to 128 use eight interleaved accumulators, longer runs are split in two halves
/// (the first a multiple of 8). Error grows as O(log n) instead of O(n) for a plain loop.
/// </summary>
internal static class PairwiseSum
{
    private const int BlockSize = 128;

    /// <summary>Sum of <paramref name="values"/>; 0 for an empty span.</summary>
    public static double Sum(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n < 8)
        {
            double res = 0.0;
            for (int i = 0; i < n; i++)
            {
                res += values[i];
            }

            return res;
        }

        if (n <= BlockSize)
        {
            double r0 = values[0], r1 = values[1], r2 = values[2], r3 = values[3];
            double r4 = values[4], r5 = values[5], r6 = values[6], r7 = values[7];
            int i = 8;
            int end = n - (n % 8);
            for (; i < end; i += 8)
            {
                r0 += values[i];
                r1 += values[i + 1];
                r2 += values[i + 2];
                r3 += values[i + 3];
                r4 += values[i + 4];
                r5 += values[i + 5];
                r6 += values[i + 6];
                r7 += values[i + 7];
            }

            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++)
            {
                res += values[i];
            }

            return res;
        }

        int half = n / 2;
        half -= half % 8;
        return Sum(values[..half]) + Sum(values[half..]);
    }
}
