using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DataGate.Core.Metrics;

/// <summary>The gray-to-column-plane transpose of <see cref="FftBlur"/>.</summary>
internal static partial class FftBlur
{
    /// <summary>
    /// Writes row 2p of <paramref name="gray"/> into column p of <paramref name="even"/> and row 2p+1 into column p
    /// of <paramref name="odd"/> (planes of <paramref name="width"/> rows × <paramref name="stride"/> columns);
    /// rows past the image are 1.0. With AVX2, blocks of 4 pairs × 4 pixels go through a 4×4 double transpose in
    /// registers; the rest element by element (same values: bytes converted to double exactly).
    /// </summary>
    private static void TransposePairs(ReadOnlySpan<byte> gray, int width, int height, double[] even, double[] odd, int stride)
    {
        if (gray.Length < width * height || even.Length < width * stride || odd.Length < width * stride || stride * 2 < height)
        {
            throw new ArgumentException("Buffers are smaller than the image.");
        }

        int fastP = 0;
        if (Avx2.IsSupported)
        {
            fastP = height / 8 * 4;
            int fastX = width / 4 * 4;
            ref byte g0 = ref MemoryMarshal.GetReference(gray);
            ref double e0 = ref MemoryMarshal.GetArrayDataReference(even);
            ref double o0 = ref MemoryMarshal.GetArrayDataReference(odd);
            for (int p0 = 0; p0 < fastP; p0 += 4)
            {
                int rowBase = 2 * p0 * width;
                for (int x0 = 0; x0 < fastX; x0 += 4)
                {
                    ref byte src = ref Unsafe.Add(ref g0, rowBase + x0);
                    Block(ref src, width * 2, ref Unsafe.Add(ref e0, (x0 * stride) + p0), stride);
                    Block(ref Unsafe.Add(ref src, width), width * 2, ref Unsafe.Add(ref o0, (x0 * stride) + p0), stride);
                }

                for (int p = p0; p < p0 + 4; p++)
                {
                    for (int x = fastX; x < width; x++)
                    {
                        even[(x * stride) + p] = gray[(2 * p * width) + x];
                        odd[(x * stride) + p] = gray[(((2 * p) + 1) * width) + x];
                    }
                }
            }
        }

        for (int p = fastP; p < stride; p++)
        {
            int y = 2 * p;
            for (int x = 0; x < width; x++)
            {
                even[(x * stride) + p] = y < height ? gray[(y * width) + x] : 1.0;
                odd[(x * stride) + p] = y + 1 < height ? gray[((y + 1) * width) + x] : 1.0;
            }
        }
    }

    /// <summary>
    /// Unpacks the spectra of the row pairs (column-major <paramref name="ar"/>/<paramref name="ai"/>, stride
    /// <paramref name="sp"/>) into <paramref name="br"/>/<paramref name="bi"/> (row-major, stride <paramref name="sk"/>)
    /// for the columns 0 … <paramref name="columns"/> − 1, which must all be ordinary bins k = col (k = 0 pairs with
    /// itself, k &gt; 0 with width − k). With AVX2, 4 columns × 4 pairs per step through 4×4 transposes.
    /// Returns the first column not done.
    /// </summary>
    private static int UnpackColumns(double[] ar, double[] ai, double[] br, double[] bi, int sp, int sk, int width, int height, int columns)
    {
        if (!Avx2.IsSupported || columns < 4 || ar.Length < width * sp || ai.Length < width * sp || br.Length < height * sk
            || bi.Length < height * sk || columns > sk || columns > width)
        {
            return 0;
        }

        int fastP = height / 2 / 4 * 4;
        int done = columns / 4 * 4;
        var half = Vector256.Create(0.5);
        var mhalf = Vector256.Create(-0.5);
        ref double ar0 = ref MemoryMarshal.GetArrayDataReference(ar);
        ref double ai0 = ref MemoryMarshal.GetArrayDataReference(ai);
        ref double br0 = ref MemoryMarshal.GetArrayDataReference(br);
        ref double bi0 = ref MemoryMarshal.GetArrayDataReference(bi);
        Span<Vector256<double>> t = stackalloc Vector256<double>[16];
        for (int c0 = 0; c0 < done; c0 += 4)
        {
            for (int p0 = 0; p0 < fastP; p0 += 4)
            {
                for (int q = 0; q < 4; q++)
                {
                    int k = c0 + q;
                    int kn = k == 0 ? 0 : width - k;
                    nuint ok = (nuint)((k * sp) + p0), okn = (nuint)((kn * sp) + p0);
                    var zr = Vector256.LoadUnsafe(ref ar0, ok);
                    var zi = Vector256.LoadUnsafe(ref ai0, ok);
                    var wr = Vector256.LoadUnsafe(ref ar0, okn);
                    var wi = Vector256.LoadUnsafe(ref ai0, okn);
                    t[q] = half * (zr + wr);
                    t[4 + q] = half * (zi - wi);
                    t[8 + q] = half * (zi + wi);
                    t[12 + q] = mhalf * (zr - wr);
                }

                Transpose4(t[..4]);
                Transpose4(t.Slice(4, 4));
                Transpose4(t.Slice(8, 4));
                Transpose4(t.Slice(12, 4));
                for (int j = 0; j < 4; j++)
                {
                    nuint even = (nuint)((2 * (p0 + j) * sk) + c0);
                    nuint odd = even + (nuint)sk;
                    t[j].StoreUnsafe(ref br0, even);
                    t[4 + j].StoreUnsafe(ref bi0, even);
                    t[8 + j].StoreUnsafe(ref br0, odd);
                    t[12 + j].StoreUnsafe(ref bi0, odd);
                }
            }

            // Remaining pairs (and the lone last row of an odd height) element by element.
            for (int col = c0; col < c0 + 4; col++)
            {
                int kn = col == 0 ? 0 : width - col;
                int ok = col * sp, okn = kn * sp;
                for (int p = fastP; 2 * p < height; p++)
                {
                    double zr = ar[ok + p], zi = ai[ok + p], wr = ar[okn + p], wi = ai[okn + p];
                    int y = 2 * p;
                    br[(y * sk) + col] = 0.5 * (zr + wr);
                    bi[(y * sk) + col] = 0.5 * (zi - wi);
                    if (y + 1 < height)
                    {
                        br[((y + 1) * sk) + col] = 0.5 * (zi + wi);
                        bi[((y + 1) * sk) + col] = -0.5 * (zr - wr);
                    }
                }
            }
        }

        return done;
    }

    /// <summary>
    /// Packs bins k = 0 … <paramref name="bins"/> − 1 of the row-major <paramref name="br"/>/<paramref name="bi"/>
    /// back into pair spectra Z(k) = T(2p, k) + i·T(2p+1, k) and, for k &gt; 0, Z(width − k); with AVX2, 4 bins × 4
    /// pairs per step. Returns the first bin not done.
    /// </summary>
    private static int PackBins(double[] ar, double[] ai, double[] br, double[] bi, int sp, int sk, int width, int height, int bins)
    {
        if (!Avx2.IsSupported || bins < 4 || ar.Length < width * sp || ai.Length < width * sp || br.Length < height * sk
            || bi.Length < height * sk || bins > sk || bins > width)
        {
            return 0;
        }

        int fastP = height / 2 / 4 * 4;
        int done = bins / 4 * 4;
        ref double ar0 = ref MemoryMarshal.GetArrayDataReference(ar);
        ref double ai0 = ref MemoryMarshal.GetArrayDataReference(ai);
        ref double br0 = ref MemoryMarshal.GetArrayDataReference(br);
        ref double bi0 = ref MemoryMarshal.GetArrayDataReference(bi);
        Span<Vector256<double>> t = stackalloc Vector256<double>[16];
        for (int k0 = 0; k0 < done; k0 += 4)
        {
            for (int p0 = 0; p0 < fastP; p0 += 4)
            {
                for (int j = 0; j < 4; j++)
                {
                    nuint even = (nuint)((2 * (p0 + j) * sk) + k0);
                    nuint odd = even + (nuint)sk;
                    t[j] = Vector256.LoadUnsafe(ref br0, even);
                    t[4 + j] = Vector256.LoadUnsafe(ref bi0, even);
                    t[8 + j] = Vector256.LoadUnsafe(ref br0, odd);
                    t[12 + j] = Vector256.LoadUnsafe(ref bi0, odd);
                }

                Transpose4(t[..4]);
                Transpose4(t.Slice(4, 4));
                Transpose4(t.Slice(8, 4));
                Transpose4(t.Slice(12, 4));
                for (int q = 0; q < 4; q++)
                {
                    int k = k0 + q;
                    var t1r = t[q];
                    var t1i = t[4 + q];
                    var t2r = t[8 + q];
                    var t2i = t[12 + q];
                    nuint ok = (nuint)((k * sp) + p0);
                    (t1r - t2i).StoreUnsafe(ref ar0, ok);
                    (t1i + t2r).StoreUnsafe(ref ai0, ok);
                    if (k > 0)
                    {
                        nuint okn = (nuint)(((width - k) * sp) + p0);
                        (t1r + t2i).StoreUnsafe(ref ar0, okn);
                        (t2r - t1i).StoreUnsafe(ref ai0, okn);
                    }
                }
            }

            for (int k = k0; k < k0 + 4; k++)
            {
                PackBin(ar, ai, br, bi, sp, sk, width, height, k, fastP);
            }
        }

        return done;
    }

    /// <summary>Packs bin <paramref name="k"/> for the pairs from <paramref name="firstPair"/> on, element by element.</summary>
    private static void PackBin(double[] ar, double[] ai, double[] br, double[] bi, int sp, int sk, int width, int height, int k, int firstPair)
    {
        int ok = k * sp, okn = (width - k) * sp;
        for (int p = firstPair; 2 * p < height; p++)
        {
            int y = 2 * p;
            double t1r = br[(y * sk) + k], t1i = bi[(y * sk) + k];
            double t2r = 0, t2i = 0;
            if (y + 1 < height)
            {
                t2r = br[((y + 1) * sk) + k];
                t2i = bi[((y + 1) * sk) + k];
            }

            ar[ok + p] = t1r - t2i;
            ai[ok + p] = t1i + t2r;
            if (k > 0)
            {
                ar[okn + p] = t1r + t2i;
                ai[okn + p] = t2r - t1i;
            }
        }
    }

    // In-register 4×4 transpose: m[i][j] becomes m[j][i].
    private static void Transpose4(Span<Vector256<double>> m)
    {
        var t0 = Avx.UnpackLow(m[0], m[1]);
        var t1 = Avx.UnpackHigh(m[0], m[1]);
        var t2 = Avx.UnpackLow(m[2], m[3]);
        var t3 = Avx.UnpackHigh(m[2], m[3]);
        m[0] = Avx.Permute2x128(t0, t2, 0x20);
        m[1] = Avx.Permute2x128(t1, t3, 0x20);
        m[2] = Avx.Permute2x128(t0, t2, 0x31);
        m[3] = Avx.Permute2x128(t1, t3, 0x31);
    }

    // 4 rows (rowStep bytes apart) × 4 bytes → 4 columns of 4 doubles at dst, dst + stride, …
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block(ref byte src, int rowStep, ref double dst, int stride)
    {
        var r0 = Row4(ref src);
        var r1 = Row4(ref Unsafe.Add(ref src, rowStep));
        var r2 = Row4(ref Unsafe.Add(ref src, 2 * rowStep));
        var r3 = Row4(ref Unsafe.Add(ref src, 3 * rowStep));
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        Avx.Permute2x128(t0, t2, 0x20).StoreUnsafe(ref dst);
        Avx.Permute2x128(t1, t3, 0x20).StoreUnsafe(ref Unsafe.Add(ref dst, stride));
        Avx.Permute2x128(t0, t2, 0x31).StoreUnsafe(ref Unsafe.Add(ref dst, 2 * stride));
        Avx.Permute2x128(t1, t3, 0x31).StoreUnsafe(ref Unsafe.Add(ref dst, 3 * stride));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Row4(ref byte src)
    {
        var bytes = Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(ref src)).AsByte();
        return Avx.ConvertToVector256Double(Sse41.ConvertToVector128Int32(bytes));
    }
}
