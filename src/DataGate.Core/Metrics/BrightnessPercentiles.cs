namespace DataGate.Core.Metrics;

/// <summary>
/// The 1st, 5th, 95th and 99th percentiles of cleanvision's per-pixel brightness, as NumPy's
/// <c>percentile(..., method="linear")</c> gives them: virtual index <c>(n − 1)·q</c>, NumPy's <c>_lerp</c>.
/// Pixels are ranked by the exact integer key <c>K = 1000·(0.241 R² + 0.691 G² + 0.068 B²)</c> (brightness is
/// <c>√(K/1000)/255</c>, monotone in K): a coarse bucket histogram locates each needed rank, then only the pixels
/// of those buckets are ordered.
/// </summary>
internal static class BrightnessPercentiles
{
    private const int SmallSegment = 64;
    private const int FineBits = 14;
    private static readonly double[] s_quantiles = [0.01, 0.05, 0.95, 0.99];

    /// <summary>Computes the four percentiles from the keys and their bucket counts.</summary>
    public static (double P01, double P05, double P95, double P99) Compute(ReadOnlySpan<int> keys, ReadOnlySpan<int> buckets, int shift, MetricsWorkspace ws)
    {
        int n = keys.Length;
        Span<int> ranks = stackalloc int[8];
        Span<double> gammas = stackalloc double[4];
        for (int q = 0; q < 4; q++)
        {
            double vi = (n - 1) * s_quantiles[q];
            double lo = Math.Floor(vi);
            int loIndex = (int)lo;
            if (vi >= n - 1)
            {
                loIndex = n - 1;
            }

            ranks[2 * q] = loIndex;
            ranks[(2 * q) + 1] = Math.Min(loIndex + 1, n - 1);
            gammas[q] = vi - lo;
        }

        // Bucket of each rank and the rank inside it.
        Span<int> rankBucket = stackalloc int[8];
        Span<int> rankInBucket = stackalloc int[8];
        for (int r = 0; r < 8; r++)
        {
            int cumulative = 0;
            int b = 0;
            while (cumulative + buckets[b] <= ranks[r])
            {
                cumulative += buckets[b];
                b++;
            }

            rankBucket[r] = b;
            rankInBucket[r] = ranks[r] - cumulative;
        }

        // Distinct needed buckets → segments of one gather buffer.
        Span<int> slotBucket = stackalloc int[8];
        Span<int> slotStart = stackalloc int[9];
        int slots = 0;
        int total = 0;
        for (int r = 0; r < 8; r++)
        {
            if (slotBucket[..slots].IndexOf(rankBucket[r]) < 0)
            {
                slotBucket[slots] = rankBucket[r];
                slotStart[slots] = total;
                total += buckets[rankBucket[r]];
                slots++;
            }
        }

        slotStart[slots] = total;
        var gathered = ws.Scratch(total * sizeof(int)).AsSpan();
        var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(gathered)[..total];
        Span<int> fill = stackalloc int[8];
        slotStart[..8].CopyTo(fill);
        Span<sbyte> slotOf = stackalloc sbyte[buckets.Length];
        slotOf.Fill(-1);
        for (int s = 0; s < slots; s++)
        {
            slotOf[slotBucket[s]] = (sbyte)s;
        }

        for (int i = 0; i < n; i++)
        {
            int k = keys[i];
            int s = slotOf[k >> shift];
            if (s >= 0)
            {
                values[fill[s]++] = k;
            }
        }

        Span<double> order = stackalloc double[8];
        for (int r = 0; r < 8; r++)
        {
            int s = slotBucket[..slots].IndexOf(rankBucket[r]);
            var segment = values[slotStart[s]..slotStart[s + 1]];
            int key = KeyAtRank(segment, rankInBucket[r], shift);
            order[r] = Math.Sqrt(key / 1000.0) / 255;
        }

        return (Lerp(order[0], order[1], gammas[0]), Lerp(order[2], order[3], gammas[1]), Lerp(order[4], order[5], gammas[2]), Lerp(order[6], order[7], gammas[3]));
    }

    /// <summary>NumPy's <c>_lerp</c>: <c>a + (b − a)·t</c>, or <c>b − (b − a)·(1 − t)</c> when t ≥ 0.5.</summary>
    internal static double Lerp(double a, double b, double t)
    {
        double diff = b - a;
        return t >= 0.5 ? b - (diff * (1 - t)) : a + (diff * t);
    }

    private static int KeyAtRank(Span<int> segment, int rank, int shift)
    {
        if (segment.Length <= SmallSegment)
        {
            segment.Sort();
            return segment[rank];
        }

        // Counting over the low bits of the key (all keys of a segment share the high bits).
        int fineShift = Math.Max(0, shift - FineBits);
        Span<int> counts = stackalloc int[1 << Math.Min(shift, FineBits)];
        counts.Clear();
        int mask = (1 << shift) - 1;
        for (int i = 0; i < segment.Length; i++)
        {
            counts[(segment[i] & mask) >> fineShift]++;
        }

        int cumulative = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            cumulative += counts[c];
            if (cumulative > rank)
            {
                return (segment[0] & ~mask) | (c << fineShift);
            }
        }

        return segment[^1];
    }
}
