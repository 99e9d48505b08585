using DataGate.Core.Caching;
using DataGate.Core.Imaging;

namespace DataGate.Core.Metrics;

/// <summary>
/// Pillow's <c>Image.resize(size, BICUBIC)</c> (its default filter) for 8-bit interleaved RGB: separable
/// convolution with the a = −0.5 cubic kernel widened by the scale factor, coefficients normalised and quantised
/// to 22 fractional bits, horizontal pass first over only the source rows the vertical pass uses, each pass
/// rounding and clipping to 8 bits.
/// </summary>
internal static partial class PillowBicubic
{
    private const int PrecisionBits = PillowCoefficients.PrecisionBits;
    private const double Support = 2.0;

    /// <summary>Byte budget of the coefficient cache (one set per input/output length pair; issue 15 §2).</summary>
    internal const long CacheBudgetBytes = 16L << 20;

    private static readonly BoundedLruCache<(int In, int Out), (int[] Bounds, int[] Kernel, int KSize)> s_cache = new(CacheBudgetBytes, static c => sizeof(int) * ((long)c.Bounds.Length + c.Kernel.Length));

    /// <summary>The coefficient cache (for tests and benchmarks of retained memory).</summary>
    internal static BoundedLruCache<(int In, int Out), (int[] Bounds, int[] Kernel, int KSize)> Cache => s_cache;

    /// <summary>
    /// Resizes <paramref name="src"/> (w×h RGB) into <paramref name="dst"/> (outW×outH RGB); <paramref name="temp"/>
    /// must hold at least <c>outW·h·3</c> bytes for the intermediate rows.
    /// </summary>
    public static void ResizeRgb(ReadOnlySpan<byte> src, int w, int h, Span<byte> dst, int outW, int outH, Span<byte> temp, MetricsWorkspace ws)
    {
        if (outW == w && outH == h)
        {
            src[..(w * h * 3)].CopyTo(dst);
            return;
        }

        var (boundsX, kx, ksizeX) = s_cache.GetOrAdd((w, outW), static key => Coefficients(key.In, key.Out));
        var (boundsY, ky, ksizeY) = s_cache.GetOrAdd((h, outH), static key => Coefficients(key.In, key.Out));
        bool needX = outW != w;
        bool needY = outH != h;
        int yFirst = boundsY[0];
        int yLast = boundsY[(outH * 2) - 2] + boundsY[(outH * 2) - 1];
        int tempRows = needX ? (needY ? yLast - yFirst : h) : h;
        if (needX && needY)
        {
            ResizeBothBlocked(src, w, dst, outW, outH, (boundsX, kx, ksizeX), (boundsY, ky, ksizeY), yFirst, yLast - yFirst, ws);
            return;
        }

        yFirst = 0;

        Span<byte> horizontalOut = needY ? temp : dst;
        if (needX)
        {
            for (int y = 0; y < tempRows; y++)
            {
                var row = src.Slice((y + yFirst) * w * 3, w * 3);
                int o = y * outW * 3;
                for (int xx = 0; xx < outW; xx++)
                {
                    int xmin = boundsX[xx * 2], xmax = boundsX[(xx * 2) + 1];
                    int kbase = xx * ksizeX;
                    int s0 = 1 << (PrecisionBits - 1), s1 = s0, s2 = s0;
                    for (int x = 0; x < xmax; x++)
                    {
                        int k = kx[kbase + x];
                        int p = (x + xmin) * 3;
                        s0 += row[p] * k;
                        s1 += row[p + 1] * k;
                        s2 += row[p + 2] * k;
                    }

                    horizontalOut[o + (xx * 3)] = Clip8(s0);
                    horizontalOut[o + (xx * 3) + 1] = Clip8(s1);
                    horizontalOut[o + (xx * 3) + 2] = Clip8(s2);
                }
            }
        }

        if (needY)
        {
            ReadOnlySpan<byte> vin = needX ? temp : src;
            int inW = needX ? outW : w;
            int shift = needX ? yFirst : 0;
            for (int yy = 0; yy < outH; yy++)
            {
                int ymin = boundsY[yy * 2] - shift, ymax = boundsY[(yy * 2) + 1];
                int kbase = yy * ksizeY;
                for (int xc = 0; xc < inW * 3; xc++)
                {
                    int s = 1 << (PrecisionBits - 1);
                    for (int y = 0; y < ymax; y++)
                    {
                        s += vin[((y + ymin) * inW * 3) + xc] * ky[kbase + y];
                    }

                    dst[(yy * inW * 3) + xc] = Clip8(s);
                }
            }
        }
    }

    private static byte Clip8(int v)
    {
        int s = v >> PrecisionBits;
        return s < 0 ? (byte)0 : s > 255 ? (byte)255 : (byte)s;
    }

    private static double Filter(double x)
    {
        const double a = -0.5;
        if (x < 0.0)
        {
            x = -x;
        }

        if (x < 1.0)
        {
            return ((((a + 2.0) * x) - (a + 3.0)) * x * x) + 1;
        }

        if (x < 2.0)
        {
            return ((((x - 5) * x) + 8) * x - 4) * a;
        }

        return 0.0;
    }

    private static (int[] Bounds, int[] Kernel, int KSize) Coefficients(int inSize, int outSize) =>
        PillowCoefficients.Compute(inSize, outSize, Support, Filter);
}
