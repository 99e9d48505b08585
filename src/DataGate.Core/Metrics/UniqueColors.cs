namespace DataGate.Core.Metrics;

/// <summary>
/// Counts distinct RGB triples cache-friendly: the pixels are partitioned by red (a counting sort keyed by the red
/// histogram) and each red slice is counted with a 65,536-bit (8 KiB) green-blue bitset that stays in L1 cache,
/// instead of one 2 MiB bitset hit at random.
/// </summary>
internal static class UniqueColors
{
    /// <summary>Counts the distinct colours of interleaved RGB pixels.</summary>
    /// <param name="px">Interleaved RGB, <paramref name="n"/>·3 bytes.</param>
    /// <param name="n">Pixel count.</param>
    /// <param name="redHistogram">The 256-bin histogram of the red channel of the same pixels.</param>
    /// <param name="ws">Buffers.</param>
    public static int Count(ReadOnlySpan<byte> px, int n, ReadOnlySpan<int> redHistogram, MetricsWorkspace ws)
    {
        Span<int> start = stackalloc int[257];
        Span<int> up = stackalloc int[256];
        Span<int> down = stackalloc int[256];
        int total = 0;
        for (int r = 0; r < 256; r++)
        {
            start[r] = total;
            up[r] = total;
            total += redHistogram[r];
            down[r] = total;
        }

        start[256] = total;

        // Even pixels fill each red slice from its start upwards, odd pixels from its end downwards: two
        // independent counters per slice, so runs of equal red do not wait on one another (order within a slice
        // does not matter for the count).
        var slices = ws.UShorts(n).AsSpan(0, n);
        int pairEnd = (n & ~1) * 3;
        int j = 0;
        for (; j < pairEnd; j += 6)
        {
            slices[up[px[j]]++] = (ushort)((px[j + 1] << 8) | px[j + 2]);
            slices[--down[px[j + 3]]] = (ushort)((px[j + 4] << 8) | px[j + 5]);
        }

        if (j < n * 3)
        {
            slices[up[px[j]]++] = (ushort)((px[j + 1] << 8) | px[j + 2]);
        }

        var bits = ws.SliceBits;
        int unique = 0;
        for (int r = 0; r < 256; r++)
        {
            var slice = slices[start[r]..start[r + 1]];
            if (slice.Length == 0)
            {
                continue;
            }

            // Set the slice's bits, then count them while clearing: each touched word is counted once (it is
            // zero when a later pixel of the slice reaches it again), so the setting pass carries no count.
            for (int i = 0; i < slice.Length; i++)
            {
                int c = slice[i];
                bits[c >> 6] |= 1UL << (c & 63);
            }

            for (int i = 0; i < slice.Length; i++)
            {
                ref ulong word = ref bits[slice[i] >> 6];
                unique += System.Numerics.BitOperations.PopCount(word);
                word = 0;
            }
        }

        return unique;
    }
}
