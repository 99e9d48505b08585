using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DataGate.Core.Hashing;

/// <summary>
/// The Haar steps of PyWavelets' <c>wavedec2</c>/<c>waverec2</c> on square power-of-two arrays, with the same
/// floating-point operations (filters ±1/√2, axis 0 then axis 1 on decomposition, axis 1 then axis 0 on
/// reconstruction), so that ties and exact zeros come out as they do in imagehash's <c>whash</c>.
/// </summary>
internal static class HaarWavelet
{
    private const double H = 0.7071067811865476;

    /// <summary>
    /// imagehash's <c>remove_max_haar_ll</c> step: full-depth decomposition, approximation zeroed, reconstruction.
    /// </summary>
    /// <param name="data">Square array of side <paramref name="n"/> (a power of two), row-major; overwritten.</param>
    /// <param name="n">Side length, a power of two ≥ 1.</param>
    /// <param name="scratch">Work buffer of at least n² values.</param>
    public static void RemoveLowestFrequency(double[] data, int n, double[] scratch)
    {
        int levels = BitOperations.Log2((uint)n);

        // Decompose in place: after each level the top-left (size/2)² holds LL, other quadrants the details
        // in the layout [aa ad; da dd] (first letter = axis 0).
        for (int size = n, l = 0; l < levels; l++, size /= 2)
        {
            Forward(data, n, size, scratch);
        }

        data[0] *= 0;
        for (int size = 2, l = 0; l < levels; l++, size *= 2)
        {
            Inverse(data, n, size, scratch);
        }
    }

    /// <summary>
    /// Approximation (LL) after <paramref name="levels"/> Haar levels, side <c>n &gt;&gt; levels</c>. Only the LL
    /// chain is computed (same operations as the full transform for those values); <paramref name="data"/> is
    /// overwritten.
    /// </summary>
    public static double[] Approximation(double[] data, int n, int levels, double[] scratch)
    {
        int size = n;
        for (int l = 0; l < levels; l++, size /= 2)
        {
            ForwardLowOnly(data, n, size, scratch);
        }

        var ll = new double[size * size];
        for (int y = 0; y < size; y++)
        {
            Array.Copy(data, y * n, ll, y * size, size);
        }

        return ll;
    }

    private static void ForwardLowOnly(double[] a, int n, int size, double[] t)
    {
        int half = size / 2;
        for (int i = 0; i < half; i++)
        {
            int r0 = 2 * i * n;
            int r1 = r0 + n;
            int lo = i * n;
            int x = 0;
            for (; x <= size - Vector<double>.Count; x += Vector<double>.Count)
            {
                ((new Vector<double>(a, r1 + x) * H) + (new Vector<double>(a, r0 + x) * H)).CopyTo(t, lo + x);
            }

            for (; x < size; x++)
            {
                t[lo + x] = (H * a[r1 + x]) + (H * a[r0 + x]);
            }
        }

        for (int y = 0; y < half; y++)
        {
            int r = y * n;
            for (int i = PairsVector(t, a, r, half, highToo: false); i < half; i++)
            {
                a[r + i] = (H * t[r + (2 * i) + 1]) + (H * t[r + (2 * i)]);
            }
        }
    }

    // One 2-D level on the top-left size×size block of a stride-n array.
    private static void Forward(double[] a, int n, int size, double[] t)
    {
        int half = size / 2;

        // Axis 0 (down columns): rows 0..half-1 = lo, half..size-1 = hi.
        for (int i = 0; i < half; i++)
        {
            int r0 = 2 * i * n;
            int r1 = r0 + n;
            int lo = i * n;
            int hi = (i + half) * n;
            int x = 0;
            for (; x <= size - Vector<double>.Count; x += Vector<double>.Count)
            {
                var x0 = new Vector<double>(a, r0 + x);
                var x1 = new Vector<double>(a, r1 + x);
                ((x1 * H) + (x0 * H)).CopyTo(t, lo + x);
                ((x1 * -H) + (x0 * H)).CopyTo(t, hi + x);
            }

            for (; x < size; x++)
            {
                double x0 = a[r0 + x];
                double x1 = a[r1 + x];
                t[lo + x] = (H * x1) + (H * x0);
                t[hi + x] = (-H * x1) + (H * x0);
            }
        }

        // Axis 1 (along rows).
        for (int y = 0; y < size; y++)
        {
            int r = y * n;
            for (int i = PairsVector(t, a, r, half, highToo: true); i < half; i++)
            {
                double x0 = t[r + (2 * i)];
                double x1 = t[r + (2 * i) + 1];
                a[r + i] = (H * x1) + (H * x0);
                a[r + i + half] = (-H * x1) + (H * x0);
            }
        }
    }

    // Inverse of one level: the top-left size×size block holds [aa ad; da dd] of side size/2 each.
    private static void Inverse(double[] a, int n, int size, double[] t)
    {
        int half = size / 2;

        // Axis 1 first: for each row combine left (a) and right (d) halves.
        for (int y = 0; y < size; y++)
        {
            int r = y * n;
            for (int i = InterleaveVector(a, t, r, half); i < half; i++)
            {
                double lo = a[r + i];
                double hi = a[r + i + half];
                t[r + (2 * i)] = (H * lo) + (H * hi);
                t[r + (2 * i) + 1] = (H * lo) + (-H * hi);
            }
        }

        // Axis 0: combine top (a) and bottom (d) halves.
        for (int i = 0; i < half; i++)
        {
            int lo = i * n;
            int hi = (i + half) * n;
            int r0 = 2 * i * n;
            int r1 = r0 + n;
            int x = 0;
            for (; x <= size - Vector<double>.Count; x += Vector<double>.Count)
            {
                var l = new Vector<double>(t, lo + x);
                var h = new Vector<double>(t, hi + x);
                ((l * H) + (h * H)).CopyTo(a, r0 + x);
                ((l * H) + (h * -H)).CopyTo(a, r1 + x);
            }

            for (; x < size; x++)
            {
                double l = t[lo + x];
                double h = t[hi + x];
                a[r0 + x] = (H * l) + (H * h);
                a[r1 + x] = (H * l) + (-H * h);
            }
        }
    }

    // Axis-1 decomposition of one row from offset r, 4 pairs per step with AVX2: lo[i] = H·x1 + H·x0 into
    // a[r + i] and (when highToo) hi[i] = −H·x1 + H·x0 into a[r + half + i], x0 = t[r + 2i], x1 = t[r + 2i + 1].
    // Returns the first i not done.
    private static int PairsVector(double[] t, double[] a, int r, int half, bool highToo)
    {
        if (!Avx2.IsSupported || half < 4 || r + (2 * half) > t.Length || r + (highToo ? 2 * half : half) > a.Length)
        {
            return 0;
        }

        var h = Vector256.Create(H);
        var mh = Vector256.Create(-H);
        ref double t0 = ref MemoryMarshal.GetArrayDataReference(t);
        ref double a0 = ref MemoryMarshal.GetArrayDataReference(a);
        int i = 0;
        for (; i <= half - 4; i += 4)
        {
            nuint src = (nuint)(r + (2 * i));
            var v0 = Vector256.LoadUnsafe(ref t0, src);
            var v1 = Vector256.LoadUnsafe(ref t0, src + 4);
            var x0 = Avx2.Permute4x64(Avx.UnpackLow(v0, v1), 0xD8);
            var x1 = Avx2.Permute4x64(Avx.UnpackHigh(v0, v1), 0xD8);
            ((x1 * h) + (x0 * h)).StoreUnsafe(ref a0, (nuint)(r + i));
            if (highToo)
            {
                ((x1 * mh) + (x0 * h)).StoreUnsafe(ref a0, (nuint)(r + half + i));
            }
        }

        return i;
    }

    // Axis-1 reconstruction of one row from offset r, 4 pairs per step with AVX2: t[r + 2i] = H·lo + H·hi and
    // t[r + 2i + 1] = H·lo − H·hi, lo = a[r + i], hi = a[r + half + i]. Returns the first i not done.
    private static int InterleaveVector(double[] a, double[] t, int r, int half)
    {
        if (!Avx2.IsSupported || half < 4 || r + (2 * half) > a.Length || r + (2 * half) > t.Length)
        {
            return 0;
        }

        var h = Vector256.Create(H);
        var mh = Vector256.Create(-H);
        ref double a0 = ref MemoryMarshal.GetArrayDataReference(a);
        ref double t0 = ref MemoryMarshal.GetArrayDataReference(t);
        int i = 0;
        for (; i <= half - 4; i += 4)
        {
            var lo = Vector256.LoadUnsafe(ref a0, (nuint)(r + i));
            var hi = Vector256.LoadUnsafe(ref a0, (nuint)(r + half + i));
            var even = (lo * h) + (hi * h);
            var odd = (lo * h) + (hi * mh);
            var p = Avx.UnpackLow(even, odd);
            var q = Avx.UnpackHigh(even, odd);
            nuint dst = (nuint)(r + (2 * i));
            Avx.Permute2x128(p, q, 0x20).StoreUnsafe(ref t0, dst);
            Avx.Permute2x128(p, q, 0x31).StoreUnsafe(ref t0, dst + 4);
        }

        return i;
    }
}
