using System.Numerics;

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
    public static void Blur(ReadOnlySpan<float> src, Span<float> dst, int width, int height, Span<float> rowPass, Span<float> ext)
    {
        var k = Kernel;
        int lanes = Vector<float>.Count;
        var k0 = new Vector<float>(k[0]);
        var k1 = new Vector<float>(k[1]);
        var k2 = new Vector<float>(k[2]);
        var k3 = new Vector<float>(k[3]);
        var k4 = new Vector<float>(k[4]);
        var k5 = new Vector<float>(k[5]);
        var k6 = new Vector<float>(k[6]);

        // Row pass on each source row extended by replication.
        for (int y = 0; y < height; y++)
        {
            var row = src.Slice(y * width, width);
            row.CopyTo(ext[Half..]);
            for (int i = 0; i < Half; i++)
            {
                ext[i] = row[0];
                ext[Half + width + i] = row[width - 1];
            }

            var outRow = rowPass.Slice(y * width, width);
            int x = 0;
            for (; x <= width - lanes; x += lanes)
            {
                var s = new Vector<float>(ext[x..]) * k0;
                s = Vector.FusedMultiplyAdd(new Vector<float>(ext[(x + 1)..]), k1, s);
                s = Vector.FusedMultiplyAdd(new Vector<float>(ext[(x + 2)..]), k2, s);
                s = Vector.FusedMultiplyAdd(new Vector<float>(ext[(x + 3)..]), k3, s);
                s = Vector.FusedMultiplyAdd(new Vector<float>(ext[(x + 4)..]), k4, s);
                s = Vector.FusedMultiplyAdd(new Vector<float>(ext[(x + 5)..]), k5, s);
                s = Vector.FusedMultiplyAdd(new Vector<float>(ext[(x + 6)..]), k6, s);
                s.CopyTo(outRow[x..]);
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
            var outRow = dst.Slice(y * width, width);
            int x = 0;
            for (; x <= width - lanes; x += lanes)
            {
                var s = new Vector<float>(c[x..]) * k3;
                s = Vector.FusedMultiplyAdd(new Vector<float>(d1[x..]) + new Vector<float>(u1[x..]), k4, s);
                s = Vector.FusedMultiplyAdd(new Vector<float>(d2[x..]) + new Vector<float>(u2[x..]), k5, s);
                s = Vector.FusedMultiplyAdd(new Vector<float>(d3[x..]) + new Vector<float>(u3[x..]), k6, s);
                s.CopyTo(outRow[x..]);
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
