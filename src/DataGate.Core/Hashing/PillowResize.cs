using System.Collections.Concurrent;
using System.Numerics.Tensors;

namespace DataGate.Core.Hashing;

/// <summary>
/// Pillow's LANCZOS resize of an 8-bit single-channel image (<c>Image.resize(size, LANCZOS)</c> on mode "L"),
/// reimplemented from the published algorithm: separable fixed-point convolution, horizontal pass first over
/// only the rows the vertical pass needs, then the vertical pass, with 8-bit rounding and clipping in between.
/// </summary>
internal static class PillowResize
{
    private const int PrecisionBits = 32 - 8 - 2;
    private const double LanczosSupport = 3.0;
    private const int MaxCachedCoefficientSets = 512;

    private static readonly ConcurrentDictionary<long, Coefficients> s_cache = new();

    /// <summary>Resizes a gray image; returns a copy when the size is the same.</summary>
    /// <param name="src">Gray levels 0–255.</param>
    /// <param name="outWidth">Target width, ≥ 1.</param>
    /// <param name="outHeight">Target height, ≥ 1.</param>
    public static byte[] Lanczos(GrayPlane src, int outWidth, int outHeight)
    {
        var dst = new byte[outWidth * outHeight];
        Lanczos(src, outWidth, outHeight, dst);
        return dst;
    }

    /// <summary>Resizes a gray image into <paramref name="dst"/> (exactly outWidth·outHeight bytes).</summary>
    /// <param name="src">Gray levels 0–255.</param>
    /// <param name="outWidth">Target width, ≥ 1.</param>
    /// <param name="outHeight">Target height, ≥ 1.</param>
    /// <param name="dst">Receives the row-major result.</param>
    public static void Lanczos(GrayPlane src, int outWidth, int outHeight, Span<byte> dst)
    {
        int width = src.Width;
        int height = src.Height;
        bool needHorizontal = outWidth != width;
        bool needVertical = outHeight != height;
        dst = dst[..(outWidth * outHeight)];
        if (!needHorizontal && !needVertical)
        {
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] = (byte)src.Rows[i];
            }

            return;
        }

        var vert = GetCoefficients(height, outHeight);
        if (!needHorizontal)
        {
            Vertical(src.Rows, width, vert, 0, dst, outHeight);
            return;
        }

        var horiz = GetCoefficients(width, outWidth);
        int firstRow = 0;
        int tempRows = height;
        if (needVertical)
        {
            firstRow = vert.Bounds[0];
            tempRows = vert.Bounds[(outHeight * 2) - 2] + vert.Bounds[(outHeight * 2) - 1] - firstRow;
        }

        var temp = ScratchBuffers.Rent<int>(outWidth * tempRows);
        try
        {
            Horizontal(src.Columns, height, firstRow, tempRows, horiz, temp, outWidth);
            if (!needVertical)
            {
                for (int i = 0; i < dst.Length; i++)
                {
                    dst[i] = (byte)temp[i];
                }

                return;
            }

            Vertical(temp.AsSpan(0, outWidth * tempRows), outWidth, vert, firstRow, dst, outHeight);
        }
        finally
        {
            ScratchBuffers.Return(temp);
        }
    }

    // Horizontal pass, computed column by column on the transposed source so that each kernel tap is one
    // vectorised multiply-add over all needed rows. Integer sums are exact (wrap-around arithmetic is
    // associative), so the order of accumulation changes nothing. Output: row-major, clipped to 0–255.
    private static void Horizontal(int[] columns, int height, int firstRow, int rows, Coefficients c, int[] dst, int outWidth)
    {
        int[] bounds = c.Bounds;
        int[] k = c.Kernel;
        int ksize = c.KSize;
        Span<int> acc = rows <= 1024 ? stackalloc int[rows] : new int[rows];
        for (int xx = 0; xx < outWidth; xx++)
        {
            int xmin = bounds[xx * 2];
            int count = bounds[(xx * 2) + 1];
            int kOff = xx * ksize;
            acc.Fill(1 << (PrecisionBits - 1));
            for (int x = 0; x < count; x++)
            {
                TensorPrimitives.MultiplyAdd(columns.AsSpan(((xmin + x) * height) + firstRow, rows), k[kOff + x], acc, acc);
            }

            for (int y = 0; y < acc.Length; y++)
            {
                dst[(y * outWidth) + xx] = Clip8(acc[y]);
            }
        }
    }

    private static void Vertical(ReadOnlySpan<int> src, int width, Coefficients c, int rowShift, Span<byte> dst, int outHeight)
    {
        int[] bounds = c.Bounds;
        int[] k = c.Kernel;
        int ksize = c.KSize;
        Span<int> acc = width <= 1024 ? stackalloc int[width] : new int[width];
        for (int yy = 0; yy < outHeight; yy++)
        {
            int ymin = bounds[yy * 2] - rowShift;
            int count = bounds[(yy * 2) + 1];
            int kOff = yy * ksize;
            acc.Fill(1 << (PrecisionBits - 1));
            for (int y = 0; y < count; y++)
            {
                TensorPrimitives.MultiplyAdd(src.Slice((ymin + y) * width, width), k[kOff + y], acc, acc);
            }

            int o = yy * width;
            for (int x = 0; x < acc.Length; x++)
            {
                dst[o + x] = (byte)Clip8(acc[x]);
            }
        }
    }

    private static int Clip8(int value)
    {
        int v = value >> PrecisionBits;
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    private static Coefficients GetCoefficients(int inSize, int outSize)
    {
        long key = ((long)inSize << 32) | (uint)outSize;
        if (s_cache.TryGetValue(key, out var found))
        {
            return found;
        }

        var created = Compute(inSize, outSize);
        if (s_cache.Count >= MaxCachedCoefficientSets)
        {
            s_cache.Clear();
        }

        s_cache[key] = created;
        return created;
    }

    private static Coefficients Compute(int inSize, int outSize)
    {
        double scale = (double)inSize / outSize;
        double filterScale = scale < 1.0 ? 1.0 : scale;
        double support = LanczosSupport * filterScale;
        int ksize = ((int)Math.Ceiling(support) * 2) + 1;
        var bounds = new int[outSize * 2];
        var kernel = new int[outSize * ksize];
        var weights = new double[ksize];
        double ss = 1.0 / filterScale;
        for (int xx = 0; xx < outSize; xx++)
        {
            double center = (xx + 0.5) * scale;
            int xmin = (int)(center - support + 0.5);
            if (xmin < 0)
            {
                xmin = 0;
            }

            int xmax = (int)(center + support + 0.5);
            if (xmax > inSize)
            {
                xmax = inSize;
            }

            xmax -= xmin;
            double ww = 0.0;
            for (int x = 0; x < xmax; x++)
            {
                double w = Lanczos3((x + xmin - center + 0.5) * ss);
                weights[x] = w;
                ww += w;
            }

            for (int x = 0; x < xmax; x++)
            {
                double w = ww != 0.0 ? weights[x] / ww : weights[x];
                kernel[(xx * ksize) + x] = w < 0
                    ? (int)(-0.5 + (w * (1 << PrecisionBits)))
                    : (int)(0.5 + (w * (1 << PrecisionBits)));
            }

            bounds[xx * 2] = xmin;
            bounds[(xx * 2) + 1] = xmax;
        }

        return new Coefficients(ksize, bounds, kernel);
    }

    private static double Lanczos3(double x) => x >= -3.0 && x < 3.0 ? Sinc(x) * Sinc(x / 3) : 0.0;

    private static double Sinc(double x)
    {
        if (x == 0.0)
        {
            return 1.0;
        }

        x *= Math.PI;
        return Math.Sin(x) / x;
    }

    private sealed record Coefficients(int KSize, int[] Bounds, int[] Kernel);
}
