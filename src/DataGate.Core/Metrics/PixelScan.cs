using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using DataGate.Core.Imaging;

namespace DataGate.Core.Metrics;

/// <summary>
/// The single pass over the pixels behind <see cref="QualityMetricsCalculator"/>: OpenCV gray levels
/// (<see cref="OpenCvGray"/>), cleanvision brightness keys
/// <c>241 R² + 691 G² + 68 B²</c> (exact integers, ≤ 65,025,000), the R, G, B, gray and key-bucket histograms,
/// and the OR of <c>(R^G)|(G^B)</c>. With AVX2 the gray levels, keys and OR are computed 8 pixels at a time
/// (bytes deinterleaved by shuffles); the histograms are counted in two interleaved copies so that runs of equal
/// values do not serialise on one counter.
/// </summary>
internal static class PixelScan
{
    /// <summary>Runs the pass. Returns the OR of all <c>(R^G)|(G^B)</c> (0 iff the image is gray).</summary>
    /// <param name="px">Interleaved RGB, at least 3·<paramref name="n"/> bytes.</param>
    /// <param name="n">Pixel count, ≥ 0.</param>
    /// <param name="gray">Receives the n gray levels.</param>
    /// <param name="keys">Receives the n brightness keys.</param>
    /// <param name="hr">Red histogram (256 bins, overwritten).</param>
    /// <param name="hg">Green histogram (256 bins, overwritten).</param>
    /// <param name="hb">Blue histogram (256 bins, overwritten).</param>
    /// <param name="hgray">Gray-level histogram (256 bins, overwritten).</param>
    /// <param name="buckets">Key-bucket histogram (overwritten).</param>
    /// <param name="bucketShift">Keys are bucketed by <c>key &gt;&gt; bucketShift</c>; buckets must hold every bucket.</param>
    public static int Run(ReadOnlySpan<byte> px, int n, Span<byte> gray, Span<int> keys, Span<int> hr, Span<int> hg, Span<int> hb, Span<int> hgray, Span<int> buckets, int bucketShift)
    {
        px = px[..(n * 3)];
        gray = gray[..n];
        keys = keys[..n];
        if (hr.Length < 256 || hg.Length < 256 || hb.Length < 256 || hgray.Length < 256 || buckets.Length <= ((1000 * 255 * 255) >> bucketShift))
        {
            throw new ArgumentException("Histograms are too small.");
        }

        int diff = Levels(px, n, gray, keys);

        // Two copies of each histogram (even / odd pixels), summed at the end.
        Span<int> extra = stackalloc int[4 * 256];
        extra.Clear();
        hr[..256].Clear();
        hg[..256].Clear();
        hb[..256].Clear();
        hgray[..256].Clear();
        ref byte p = ref MemoryMarshal.GetReference(px);
        ref int r0 = ref MemoryMarshal.GetReference(hr);
        ref int g0 = ref MemoryMarshal.GetReference(hg);
        ref int b0 = ref MemoryMarshal.GetReference(hb);
        ref int r1 = ref extra[0];
        ref int g1 = ref extra[256];
        ref int b1 = ref extra[512];
        int i = 0;
        for (; i <= n - 2; i += 2)
        {
            nuint j = (nuint)(i * 3);
            Unsafe.Add(ref r0, Unsafe.Add(ref p, j))++;
            Unsafe.Add(ref g0, Unsafe.Add(ref p, j + 1))++;
            Unsafe.Add(ref b0, Unsafe.Add(ref p, j + 2))++;
            Unsafe.Add(ref r1, Unsafe.Add(ref p, j + 3))++;
            Unsafe.Add(ref g1, Unsafe.Add(ref p, j + 4))++;
            Unsafe.Add(ref b1, Unsafe.Add(ref p, j + 5))++;
        }

        if (i < n)
        {
            hr[px[i * 3]]++;
            hg[px[(i * 3) + 1]]++;
            hb[px[(i * 3) + 2]]++;
        }

        ref byte gr = ref MemoryMarshal.GetReference(gray);
        ref int y0 = ref MemoryMarshal.GetReference(hgray);
        ref int y1 = ref extra[768];
        for (i = 0; i <= n - 2; i += 2)
        {
            Unsafe.Add(ref y0, Unsafe.Add(ref gr, i))++;
            Unsafe.Add(ref y1, Unsafe.Add(ref gr, i + 1))++;
        }

        if (i < n)
        {
            hgray[gray[i]]++;
        }

        for (int v = 0; v < 256; v++)
        {
            hr[v] += extra[v];
            hg[v] += extra[256 + v];
            hb[v] += extra[512 + v];
            hgray[v] += extra[768 + v];
        }

        // Buckets: the second copy on the stack (the bucket array is a few thousand ints).
        int bucketCount = ((1000 * 255 * 255) >> bucketShift) + 1;
        Span<int> bucketsB = bucketCount <= 8192 ? stackalloc int[bucketCount] : new int[bucketCount];
        bucketsB.Clear();
        buckets[..bucketCount].Clear();
        ref int k = ref MemoryMarshal.GetReference(keys);
        ref int q0 = ref MemoryMarshal.GetReference(buckets);
        ref int q1 = ref MemoryMarshal.GetReference(bucketsB);
        for (i = 0; i <= n - 2; i += 2)
        {
            Unsafe.Add(ref q0, Unsafe.Add(ref k, i) >> bucketShift)++;
            Unsafe.Add(ref q1, Unsafe.Add(ref k, i + 1) >> bucketShift)++;
        }

        if (i < n)
        {
            buckets[keys[i] >> bucketShift]++;
        }

        for (int v = 0; v < bucketCount; v++)
        {
            buckets[v] += bucketsB[v];
        }

        return diff;
    }

    // Gray levels and brightness keys of every pixel; returns the OR of (R^G)|(G^B).
    private static int Levels(ReadOnlySpan<byte> px, int n, Span<byte> gray, Span<int> keys)
    {
        int diff = 0;
        int i = 0;
        if (RgbShuffle.IsSupported)
        {
            var diffV = Vector128<byte>.Zero;
            ref byte p = ref MemoryMarshal.GetReference(px);
            ref byte g0 = ref MemoryMarshal.GetReference(gray);
            ref int k0 = ref MemoryMarshal.GetReference(keys);
            for (; i <= n - 8; i += 8)
            {
                nuint j = (nuint)(i * 3);
                var lo = Vector128.LoadUnsafe(ref p, j);
                var hi = Vector128.LoadUnsafe(ref p, j + 8);
                var (r, g, b) = RgbShuffle.Split8(lo, hi);
                diffV |= (r ^ g) | (g ^ b);
                var ri = Avx2.ConvertToVector256Int32(r);
                var gi = Avx2.ConvertToVector256Int32(g);
                var bi = Avx2.ConvertToVector256Int32(b);
                var level = OpenCvGray.Levels(ri, gi, bi);
                var key = (ri * ri * 241) + (gi * gi * 691) + (bi * bi * 68);
                key.StoreUnsafe(ref k0, (nuint)i);
                var bytes = Vector128.Narrow(Vector256.Narrow(level, level).GetLower(), Vector128<short>.Zero);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref g0, i), bytes.AsUInt64().ToScalar());
            }

            for (int l = 0; l < Vector128<byte>.Count; l++)
            {
                diff |= diffV.GetElement(l);
            }
        }

        for (int j = i * 3; i < n; i++, j += 3)
        {
            int r = px[j], g = px[j + 1], b = px[j + 2];
            gray[i] = (byte)OpenCvGray.Level(r, g, b);
            diff |= (r ^ g) | (g ^ b);
            keys[i] = (241 * r * r) + (691 * g * g) + (68 * b * b);
        }

        return diff;
    }
}
