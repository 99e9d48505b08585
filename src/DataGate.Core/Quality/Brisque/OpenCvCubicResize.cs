using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DataGate.Core.Quality.Brisque;

/// <summary>
/// OpenCV <c>resize(src, dst, dsize, 0, 0, INTER_CUBIC)</c> for a single-channel float32 image: Keys cubic with
/// A = −0.75, source coordinate <c>(d + 0.5)·scale − 0.5</c> rounded to float, taps clamped to the image
/// (replicated border), horizontal pass then vertical pass in float32 with OpenCV's summation order
/// (SSE2 baseline: 4-lane vertical blocks sum <c>S0b0 + (S1b1 + (S2b2 + S3b3))</c>, the tail left to right).
/// </summary>
internal static class OpenCvCubicResize
{
    private const int VerticalLanes = 4;

    /// <summary>Resizes <paramref name="src"/> (sw × sh) to <paramref name="dst"/> (dw × dh).</summary>
    /// <param name="src">Source pixels, row-major.</param>
    /// <param name="sw">Source width, ≥ 1.</param>
    /// <param name="sh">Source height, ≥ 1.</param>
    /// <param name="dst">Destination, at least dw·dh.</param>
    /// <param name="dw">Destination width, ≥ 1.</param>
    /// <param name="dh">Destination height, ≥ 1.</param>
    /// <param name="horizontal">Scratch of at least sh·dw floats.</param>
    public static void Resize(ReadOnlySpan<float> src, int sw, int sh, Span<float> dst, int dw, int dh, Span<float> horizontal)
    {
        Span<int> xofs = dw <= 1024 ? stackalloc int[dw] : new int[dw];
        Span<float> alpha = dw <= 1024 ? stackalloc float[dw * 4] : new float[dw * 4];
        Coefficients(sw, dw, xofs, alpha);

        // Interior taps (all four inside the row) read without bounds checks; the border ones clamp.
        int xBegin = 0;
        while (xBegin < dw && xofs[xBegin] < 1)
        {
            xBegin++;
        }

        int xEnd = xBegin;
        while (xEnd < dw && xofs[xEnd] >= 1 && xofs[xEnd] + 2 < sw)
        {
            xEnd++;
        }

        // Halving (the BRISQUE case for even sizes): interior taps step by 2 with one set of weights, so 8
        // outputs at a time read two deinterleaved 16-float runs, same products and left-to-right sums.
        int halvingEnd = HalvingVectorEnd(xofs, alpha, xBegin, xEnd);
        ref int ofs0 = ref MemoryMarshal.GetReference(xofs);
        ref float alpha0 = ref MemoryMarshal.GetReference(alpha);
        for (int y = 0; y < sh; y++)
        {
            var s = src.Slice(y * sw, sw);
            var d = horizontal.Slice(y * dw, dw);
            ref float s0 = ref MemoryMarshal.GetReference(s);
            ref float d0 = ref MemoryMarshal.GetReference(d);
            int first = xBegin;
            if (halvingEnd > xBegin)
            {
                var a0 = Vector256.Create(alpha[xBegin * 4]);
                var a1 = Vector256.Create(alpha[(xBegin * 4) + 1]);
                var a2 = Vector256.Create(alpha[(xBegin * 4) + 2]);
                var a3 = Vector256.Create(alpha[(xBegin * 4) + 3]);
                for (; first < halvingEnd; first += 8)
                {
                    ref float p = ref Unsafe.Add(ref s0, xofs[first] - 1);
                    var (ta, tb) = Deinterleave(ref p);
                    var (tc, td) = Deinterleave(ref Unsafe.Add(ref p, 2));
                    ((ta * a0) + (tb * a1) + (tc * a2) + (td * a3)).StoreUnsafe(ref d0, (nuint)first);
                }
            }

            for (int dx = first; dx < xEnd; dx++)
            {
                ref float p = ref Unsafe.Add(ref s0, Unsafe.Add(ref ofs0, dx) - 1);
                ref float a = ref Unsafe.Add(ref alpha0, dx * 4);
                Unsafe.Add(ref d0, dx) = (p * a) + (Unsafe.Add(ref p, 1) * Unsafe.Add(ref a, 1))
                    + (Unsafe.Add(ref p, 2) * Unsafe.Add(ref a, 2)) + (Unsafe.Add(ref p, 3) * Unsafe.Add(ref a, 3));
            }

            for (int dx = 0; dx < dw; dx++)
            {
                if (dx == xBegin && xEnd > xBegin)
                {
                    dx = xEnd - 1;
                    continue;
                }

                int sx = xofs[dx];
                var a = alpha.Slice(dx * 4, 4);
                float v = 0;
                for (int j = 0; j < 4; j++)
                {
                    v += s[Math.Clamp(sx - 1 + j, 0, sw - 1)] * a[j];
                }

                d[dx] = v;
            }
        }

        Span<int> yofs = dh <= 1024 ? stackalloc int[dh] : new int[dh];
        Span<float> beta = dh <= 1024 ? stackalloc float[dh * 4] : new float[dh * 4];
        Coefficients(sh, dh, yofs, beta);
        int vecEnd = dw - (dw % VerticalLanes);
        for (int dy = 0; dy < dh; dy++)
        {
            int sy = yofs[dy];
            var s0 = horizontal.Slice(Math.Clamp(sy - 1, 0, sh - 1) * dw, dw);
            var s1 = horizontal.Slice(Math.Clamp(sy, 0, sh - 1) * dw, dw);
            var s2 = horizontal.Slice(Math.Clamp(sy + 1, 0, sh - 1) * dw, dw);
            var s3 = horizontal.Slice(Math.Clamp(sy + 2, 0, sh - 1) * dw, dw);
            float b0 = beta[dy * 4], b1 = beta[(dy * 4) + 1], b2 = beta[(dy * 4) + 2], b3 = beta[(dy * 4) + 3];
            var d = dst.Slice(dy * dw, dw);
            int x = 0;
            var v0 = new Vector<float>(b0);
            var v1 = new Vector<float>(b1);
            var v2 = new Vector<float>(b2);
            var v3 = new Vector<float>(b3);
            for (; x <= vecEnd - Vector<float>.Count; x += Vector<float>.Count)
            {
                var r = (new Vector<float>(s0[x..]) * v0) + ((new Vector<float>(s1[x..]) * v1)
                    + ((new Vector<float>(s2[x..]) * v2) + (new Vector<float>(s3[x..]) * v3)));
                r.CopyTo(d[x..]);
            }

            for (; x < vecEnd; x++)
            {
                d[x] = (s0[x] * b0) + ((s1[x] * b1) + ((s2[x] * b2) + (s3[x] * b3)));
            }

            for (; x < dw; x++)
            {
                d[x] = (s0[x] * b0) + (s1[x] * b1) + (s2[x] * b2) + (s3[x] * b3);
            }
        }
    }

    // End of the interior run [xBegin, end) that can go 8 at a time: AVX2, offsets xofs[xBegin] + 2·i and the
    // same 4 weights throughout; xBegin when it cannot.
    private static int HalvingVectorEnd(ReadOnlySpan<int> xofs, ReadOnlySpan<float> alpha, int xBegin, int xEnd)
    {
        if (!Avx2.IsSupported || xEnd - xBegin < 8)
        {
            return xBegin;
        }

        var w = alpha.Slice(xBegin * 4, 4);
        for (int dx = xBegin; dx < xEnd; dx++)
        {
            if (xofs[dx] != xofs[xBegin] + (2 * (dx - xBegin)) || !alpha.Slice(dx * 4, 4).SequenceEqual(w))
            {
                return xBegin;
            }
        }

        return xBegin + ((xEnd - xBegin) / 8 * 8);
    }

    // Floats p[0], p[2], …, p[14] and p[1], p[3], …, p[15].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Even, Vector256<float> Odd) Deinterleave(ref float p)
    {
        var v0 = Vector256.LoadUnsafe(ref p);
        var v1 = Vector256.LoadUnsafe(ref p, 8);
        var even = Avx2.Permute4x64(Avx.Shuffle(v0, v1, 0x88).AsDouble(), 0xD8).AsSingle();
        var odd = Avx2.Permute4x64(Avx.Shuffle(v0, v1, 0xDD).AsDouble(), 0xD8).AsSingle();
        return (even, odd);
    }

    internal static void Coefficients(int sourceSize, int destSize, Span<int> ofs, Span<float> coeffs)
    {
        double invScale = (double)destSize / sourceSize;
        double scale = 1.0 / invScale;
        for (int d = 0; d < destSize; d++)
        {
            float f = (float)(((d + 0.5) * scale) - 0.5);
            int s = (int)MathF.Floor(f);
            f -= s;
            ofs[d] = s;
            Cubic(f, coeffs.Slice(d * 4, 4));
        }
    }

    private static void Cubic(float x, Span<float> c)
    {
        const float A = -0.75f;
        c[0] = ((((A * (x + 1)) - (5 * A)) * (x + 1)) + (8 * A)) * (x + 1) - (4 * A);
        c[1] = ((((A + 2) * x) - (A + 3)) * x * x) + 1;
        c[2] = ((((A + 2) * (1 - x)) - (A + 3)) * (1 - x) * (1 - x)) + 1;
        c[3] = 1f - c[0] - c[1] - c[2];
    }
}
