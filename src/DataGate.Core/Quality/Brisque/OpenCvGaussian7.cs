using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DataGate.Core.Quality.Brisque;

/// <summary>
/// OpenCV <c>GaussianBlur(src, dst, Size(7, 7), 7/6, 0, BORDER_REPLICATE)</c> on a float32 image, with the same
/// float arithmetic as OpenCV's separable filter on an x86-64 CPU with AVX2/FMA: the row pass accumulates
/// <c>x₀k₀</c> then fused multiply-adds left to right; the column pass starts from the centre tap and adds the
/// symmetric pairs <c>(up + down)·k</c> with fused multiply-adds. Borders replicate the edge pixel.
/// </summary>
internal static class OpenCvGaussian7
{
    /// <summary>Kernel size.</summary>
    public const int Size = 7;

    private const int Half = Size / 2;

    /// <summary>The float kernel of <c>getGaussianKernel(7, 7/6, CV_32F)</c> (OpenCV's bit-exact computation).</summary>
    public static readonly float[] Kernel = BuildKernel(7.0 / 6.0);

    private static float[] BuildKernel(double sigma)
    {
        // getGaussianKernelBitExact: t_i = exp(x² · (−0.125/σ²)) with x = 1 − n, 3 − n, …; sum = 2Σt + 1;
        // k_i = t_i / sum (multiplied by the reciprocal), centre = 1 / sum; then rounded to float.
        double scale2X = -0.125 / (sigma * sigma);
        var values = new double[Half];
        double sum = 0;
        for (int i = 0, x = 1 - Size; i < Half; i++, x += 2)
        {
            values[i] = Math.Exp((x * x) * scale2X);
            sum += values[i];
        }

        sum *= 2;
        sum += 1;
        double mul = 1.0 / sum;
        var k = new float[Size];
        for (int i = 0; i < Half; i++)
        {
            k[i] = (float)(values[i] * mul);
            k[Size - 1 - i] = k[i];
        }

        k[Half] = (float)mul;
        return k;
    }

    /// <summary>Blurs <paramref name="src"/> (width × height, row-major) into <paramref name="dst"/>.</summary>
    /// <param name="src">Source pixels, at least width·height.</param>
    /// <param name="dst">Destination, at least width·height; may be <paramref name="src"/> itself (the source is
    /// fully read by the row pass before the column pass writes).</param>
    /// <param name="width">Width, ≥ 1.</param>
    /// <param name="height">Height, ≥ 1.</param>
    /// <param name="rowPass">Scratch of at least width·height floats.</param>
    /// <param name="ext">Scratch of at least width + 6 floats.</param>
    public static void Blur(ReadOnlySpan<float> src, Span<float> dst, int width, int height, Span<float> rowPass, Span<float> ext) =>
        Blur(src, dst, width, height, rowPass, ext, square: false);

    /// <summary>
    /// Blurs the float squares <c>src[i]·src[i]</c> (each rounded to float, as a separate multiply would) into
    /// <paramref name="dst"/>; parameters as <see cref="Blur(ReadOnlySpan{float}, Span{float}, int, int, Span{float}, Span{float})"/>.
    /// </summary>
    public static void BlurSquares(ReadOnlySpan<float> src, Span<float> dst, int width, int height, Span<float> rowPass, Span<float> ext) =>
        Blur(src, dst, width, height, rowPass, ext, square: true);

    private static void Blur(ReadOnlySpan<float> src, Span<float> dst, int width, int height, Span<float> rowPass, Span<float> ext, bool square)
    {
        if (src.Length < width * height || dst.Length < width * height || rowPass.Length < width * height || ext.Length < width + Size - 1)
        {
            throw new ArgumentException("Buffers are smaller than the image.");
        }

        var k = Kernel;
        int lanes = Vector<float>.Count;
        var k0 = new Vector<float>(k[0]);
        var k1 = new Vector<float>(k[1]);
        var k2 = new Vector<float>(k[2]);
        var k3 = new Vector<float>(k[3]);
        var k4 = new Vector<float>(k[4]);
        var k5 = new Vector<float>(k[5]);
        var k6 = new Vector<float>(k[6]);
        ref float e = ref MemoryMarshal.GetReference(ext);
        ref float rp = ref MemoryMarshal.GetReference(rowPass);
        ref float d0 = ref MemoryMarshal.GetReference(dst);

        // Row pass on each source row extended by replication.
        for (int y = 0; y < height; y++)
        {
            var row = src.Slice(y * width, width);
            var inner = ext.Slice(Half, width);
            if (square)
            {
                ref float r0 = ref MemoryMarshal.GetReference(row);
                int q = 0;
                for (; q <= width - lanes; q += lanes)
                {
                    var v = Vector.LoadUnsafe(ref r0, (nuint)q);
                    (v * v).StoreUnsafe(ref e, (nuint)(Half + q));
                }

                for (; q < width; q++)
                {
                    inner[q] = row[q] * row[q];
                }
            }
            else
            {
                row.CopyTo(inner);
            }

            float first = inner[0], last = inner[width - 1];
            for (int i = 0; i < Half; i++)
            {
                ext[i] = first;
                ext[Half + width + i] = last;
            }

            var outRow = rowPass.Slice(y * width, width);
            nuint o = (nuint)(y * width);
            int x = 0;

            // 16 lanes where the CPU has them (each output is the same chain of fused multiply-adds whatever the
            // width), then 8, then one by one.
            if (Vector512.IsHardwareAccelerated)
            {
                var w0 = Vector512.Create(k[0]);
                var w1 = Vector512.Create(k[1]);
                var w2 = Vector512.Create(k[2]);
                var w3 = Vector512.Create(k[3]);
                var w4 = Vector512.Create(k[4]);
                var w5 = Vector512.Create(k[5]);
                var w6 = Vector512.Create(k[6]);
                for (; x <= width - 16; x += 16)
                {
                    nuint u = (nuint)x;
                    var s = Vector512.LoadUnsafe(ref e, u) * w0;
                    s = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref e, u + 1), w1, s);
                    s = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref e, u + 2), w2, s);
                    s = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref e, u + 3), w3, s);
                    s = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref e, u + 4), w4, s);
                    s = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref e, u + 5), w5, s);
                    s = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref e, u + 6), w6, s);
                    s.StoreUnsafe(ref rp, o + u);
                }
            }

            for (; x <= width - lanes; x += lanes)
            {
                nuint u = (nuint)x;
                var s = Vector.LoadUnsafe(ref e, u) * k0;
                s = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref e, u + 1), k1, s);
                s = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref e, u + 2), k2, s);
                s = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref e, u + 3), k3, s);
                s = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref e, u + 4), k4, s);
                s = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref e, u + 5), k5, s);
                s = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref e, u + 6), k6, s);
                s.StoreUnsafe(ref rp, o + u);
            }

            for (; x < width; x++)
            {
                float s = ext[x] * k[0];
                for (int t = 1; t < Size; t++)
                {
                    s = MathF.FusedMultiplyAdd(ext[x + t], k[t], s);
                }

                outRow[x] = s;
            }
        }

        // Column pass: centre tap, then the symmetric pairs, rows clamped (replicated) at the borders.
        for (int y = 0; y < height; y++)
        {
            var c = rowPass.Slice(y * width, width);
            var u1 = RowAt(rowPass, y - 1, width, height);
            var d1 = RowAt(rowPass, y + 1, width, height);
            var u2 = RowAt(rowPass, y - 2, width, height);
            var d2 = RowAt(rowPass, y + 2, width, height);
            var u3 = RowAt(rowPass, y - 3, width, height);
            var d3 = RowAt(rowPass, y + 3, width, height);
            ref float cr = ref MemoryMarshal.GetReference(c);
            ref float u1r = ref MemoryMarshal.GetReference(u1);
            ref float d1r = ref MemoryMarshal.GetReference(d1);
            ref float u2r = ref MemoryMarshal.GetReference(u2);
            ref float d2r = ref MemoryMarshal.GetReference(d2);
            ref float u3r = ref MemoryMarshal.GetReference(u3);
            ref float d3r = ref MemoryMarshal.GetReference(d3);
            var outRow = dst.Slice(y * width, width);
            nuint o = (nuint)(y * width);
            int x = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                var w3 = Vector512.Create(k[3]);
                var w4 = Vector512.Create(k[4]);
                var w5 = Vector512.Create(k[5]);
                var w6 = Vector512.Create(k[6]);
                for (; x <= width - 16; x += 16)
                {
                    nuint u = (nuint)x;
                    var s = Vector512.LoadUnsafe(ref cr, u) * w3;
                    s = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref d1r, u) + Vector512.LoadUnsafe(ref u1r, u), w4, s);
                    s = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref d2r, u) + Vector512.LoadUnsafe(ref u2r, u), w5, s);
                    s = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref d3r, u) + Vector512.LoadUnsafe(ref u3r, u), w6, s);
                    s.StoreUnsafe(ref d0, o + u);
                }
            }

            for (; x <= width - lanes; x += lanes)
            {
                nuint u = (nuint)x;
                var s = Vector.LoadUnsafe(ref cr, u) * k3;
                s = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref d1r, u) + Vector.LoadUnsafe(ref u1r, u), k4, s);
                s = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref d2r, u) + Vector.LoadUnsafe(ref u2r, u), k5, s);
                s = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref d3r, u) + Vector.LoadUnsafe(ref u3r, u), k6, s);
                s.StoreUnsafe(ref d0, o + u);
            }

            for (; x < width; x++)
            {
                float s = c[x] * k[3];
                s = MathF.FusedMultiplyAdd(d1[x] + u1[x], k[4], s);
                s = MathF.FusedMultiplyAdd(d2[x] + u2[x], k[5], s);
                s = MathF.FusedMultiplyAdd(d3[x] + u3[x], k[6], s);
                outRow[x] = s;
            }
        }
    }

    private static ReadOnlySpan<float> RowAt(Span<float> plane, int y, int width, int height)
    {
        y = y < 0 ? 0 : (y >= height ? height - 1 : y);
        return plane.Slice(y * width, width);
    }
}
