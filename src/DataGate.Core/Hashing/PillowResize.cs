using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using DataGate.Core.Caching;
using DataGate.Core.Imaging;

namespace DataGate.Core.Hashing;

/// <summary>
/// Pillow's LANCZOS resize of an 8-bit single-channel image (<c>Image.resize(size, LANCZOS)</c> on mode "L"),
/// reimplemented from the published algorithm: separable fixed-point convolution, horizontal pass first over
/// only the rows the vertical pass needs, then the vertical pass, with 8-bit rounding and clipping in between.
/// </summary>
internal static class PillowResize
{
    private const int PrecisionBits = PillowCoefficients.PrecisionBits;
    private const double LanczosSupport = 3.0;

    /// <summary>
    /// Byte budget of the coefficient cache (one set per input/output length pair; hash sizes are tiny, so each set is
    /// about 12·input-length bytes). Replaces a count cap that cleared everything at 512 sets (issue 15 §2).
    /// </summary>
    internal const long CacheBudgetBytes = 8L << 20;

    private static readonly BoundedLruCache<long, Coefficients> s_cache = new(CacheBudgetBytes, static c => sizeof(int) * ((long)c.Bounds.Length + c.Kernel.Length));

    /// <summary>The coefficient cache (for tests and benchmarks of retained memory).</summary>
    internal static BoundedLruCache<long, Coefficients> Cache => s_cache;

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
    // vectorised multiply-add over the needed rows, Vector<int>.Count rows at a time with the sum kept in a
    // register. Integer sums are exact (wrap-around arithmetic is associative), so the order of accumulation
    // changes nothing. Output: row-major, clipped to 0–255.
    private static void Horizontal(int[] columns, int height, int firstRow, int rows, Coefficients c, int[] dst, int outWidth)
    {
        int[] bounds = c.Bounds;
        int[] k = c.Kernel;
        int ksize = c.KSize;
        int lanes = Vector<int>.Count;
        var half = new Vector<int>(1 << (PrecisionBits - 1));
        var zero = Vector<int>.Zero;
        var max = new Vector<int>(255);
        Span<int> lane = stackalloc int[Vector<int>.Count];
        Span<int> wide = stackalloc int[16];
        for (int xx = 0; xx < outWidth; xx++)
        {
            int xmin = bounds[xx * 2];
            int count = bounds[(xx * 2) + 1];
            int kOff = xx * ksize;
            var taps = k.AsSpan(kOff, count);
            var window = columns.AsSpan((xmin * height) + firstRow, ((count - 1) * height) + rows);

            // Unchecked loads below stay inside window: tap x reads rows y … y+lanes−1 ≤ rows−1 of its column.
            ref int w0 = ref MemoryMarshal.GetReference(window);
            int y = 0;

            // 16 rows at a time where the CPU has 512-bit vectors (integer sums: the same values at any width).
            if (Vector512.IsHardwareAccelerated)
            {
                var half16 = Vector512.Create(1 << (PrecisionBits - 1));
                var max16 = Vector512.Create(255);
                for (; y <= rows - 16; y += 16)
                {
                    var acc = half16;
                    for (int x = 0; x < taps.Length; x++)
                    {
                        acc += Vector512.LoadUnsafe(ref w0, (nuint)((x * height) + y)) * taps[x];
                    }

                    acc = Vector512.Min(Vector512.Max(Vector512.ShiftRightArithmetic(acc, PrecisionBits), Vector512<int>.Zero), max16);
                    acc.CopyTo(wide);
                    for (int i = 0; i < 16; i++)
                    {
                        dst[((y + i) * outWidth) + xx] = wide[i];
                    }
                }
            }

            for (; y <= rows - lanes; y += lanes)
            {
                var acc = half;
                for (int x = 0; x < taps.Length; x++)
                {
                    acc += Vector.LoadUnsafe(ref w0, (nuint)((x * height) + y)) * taps[x];
                }

                acc = Vector.Min(Vector.Max(Vector.ShiftRightArithmetic(acc, PrecisionBits), zero), max);
                acc.CopyTo(lane);
                for (int i = 0; i < lanes; i++)
                {
                    dst[((y + i) * outWidth) + xx] = lane[i];
                }
            }

            for (; y < rows; y++)
            {
                int s = 1 << (PrecisionBits - 1);
                for (int x = 0; x < taps.Length; x++)
                {
                    s += window[(x * height) + y] * taps[x];
                }

                dst[(y * outWidth) + xx] = Clip8(s);
            }
        }
    }

    private static void Vertical(ReadOnlySpan<int> src, int width, Coefficients c, int rowShift, Span<byte> dst, int outHeight)
    {
        int[] bounds = c.Bounds;
        int[] k = c.Kernel;
        int ksize = c.KSize;
        int lanes = Vector<int>.Count;
        var half = new Vector<int>(1 << (PrecisionBits - 1));
        var zero = Vector<int>.Zero;
        var max = new Vector<int>(255);
        Span<int> lane = stackalloc int[Vector<int>.Count];
        for (int yy = 0; yy < outHeight; yy++)
        {
            int ymin = bounds[yy * 2] - rowShift;
            int count = bounds[(yy * 2) + 1];
            var taps = k.AsSpan(yy * ksize, count);
            var window = src.Slice(ymin * width, count * width);

            // Unchecked loads below stay inside window: tap t reads x … x+lanes−1 ≤ width−1 of its row.
            ref int w0 = ref MemoryMarshal.GetReference(window);
            int o = yy * width;
            int x = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                var half16 = Vector512.Create(1 << (PrecisionBits - 1));
                var max16 = Vector512.Create(255);
                ref byte d0 = ref MemoryMarshal.GetReference(dst);
                for (; x <= width - 16; x += 16)
                {
                    var acc = half16;
                    for (int t = 0; t < taps.Length; t++)
                    {
                        acc += Vector512.LoadUnsafe(ref w0, (nuint)((t * width) + x)) * taps[t];
                    }

                    acc = Vector512.Min(Vector512.Max(Vector512.ShiftRightArithmetic(acc, PrecisionBits), Vector512<int>.Zero), max16);

                    // 0..255 in every lane: narrowing twice keeps the values.
                    var shorts = Vector512.Narrow(acc.AsUInt32(), acc.AsUInt32());
                    Vector512.Narrow(shorts, shorts).GetLower().GetLower().StoreUnsafe(ref d0, (nuint)(o + x));
                }
            }

            for (; x <= width - lanes; x += lanes)
            {
                var acc = half;
                for (int t = 0; t < taps.Length; t++)
                {
                    acc += Vector.LoadUnsafe(ref w0, (nuint)((t * width) + x)) * taps[t];
                }

                acc = Vector.Min(Vector.Max(Vector.ShiftRightArithmetic(acc, PrecisionBits), zero), max);
                acc.CopyTo(lane);
                for (int i = 0; i < lanes; i++)
                {
                    dst[o + x + i] = (byte)lane[i];
                }
            }

            for (; x < width; x++)
            {
                int s = 1 << (PrecisionBits - 1);
                for (int t = 0; t < taps.Length; t++)
                {
                    s += window[(t * width) + x] * taps[t];
                }

                dst[o + x] = (byte)Clip8(s);
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
        return s_cache.GetOrAdd(key, static k => Compute((int)(k >> 32), (int)(uint)k));
    }

    private static Coefficients Compute(int inSize, int outSize)
    {
        var (bounds, kernel, ksize) = PillowCoefficients.Compute(inSize, outSize, LanczosSupport, Lanczos3);
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

    internal sealed record Coefficients(int KSize, int[] Bounds, int[] Kernel);
}
