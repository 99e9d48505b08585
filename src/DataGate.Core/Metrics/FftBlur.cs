namespace DataGate.Core.Metrics;

/// <summary>
/// The "FFT blur" score: <c>F = fftshift(fft2(gray))</c>, zero the 120×120 square at the centre, invert, and
/// average <c>20·ln|recon|</c>. Computed as <c>recon = gray − lowpass(gray)</c>, where the low-pass keeps exactly the
/// zeroed frequencies (−60…59 along each axis); only those frequencies are transformed.
/// </summary>
internal static class FftBlur
{
    /// <summary>Half the side of the zeroed square (the square is 2·60 = 120 frequencies wide).</summary>
    public const int HalfBand = 60;

    private const int Band = 2 * HalfBand;

    /// <summary>Computes the score of a grayscale image.</summary>
    /// <param name="gray">Row-major 8-bit gray, <paramref name="width"/>·<paramref name="height"/> bytes.</param>
    /// <param name="width">Width ≥ 1.</param>
    /// <param name="height">Height ≥ 1.</param>
    /// <param name="ws">Buffers.</param>
    /// <returns>The mean of <c>20·ln|recon|</c> in dB-like units; −∞ when any reconstructed value is exactly 0.</returns>
    public static double Compute(ReadOnlySpan<byte> gray, int width, int height, MetricsWorkspace ws)
    {
        bool bandX = width > Band;
        bool bandY = height > Band;
        if (!bandX && !bandY)
        {
            // The (clipped) square covers every frequency: recon is identically zero.
            return double.NegativeInfinity;
        }

        int nx = bandX ? Band : width;
        int sx = FftPlan.PadStride(nx);
        int sy = FftPlan.PadStride(height);
        int pairs = (height + 1) / 2;
        int sp = FftPlan.PadStride(pairs);
        var planX = FftPlan.For(width);
        var planY = FftPlan.For(height);
        int size = Math.Max(Math.Max(width * Math.Max(sp, sy), height * sx), Math.Max(planX.ScratchSize(Math.Max(sp, sy)), planY.ScratchSize(sx)));
        var (ar, ai, br, bi, sr, si) = ws.Planes(size);

        // T[y][b]: the band of each row's spectrum (b indexes kept x-frequencies), or the rows themselves.
        if (bandX)
        {
            // Two real rows per complex column: z = row(2p) + i·row(2p+1), laid out [x][p].
            for (int x = 0; x < width; x++)
            {
                int o = x * sp;
                for (int p = 0; p < pairs; p++)
                {
                    int y = 2 * p;
                    ar[o + p] = gray[(y * width) + x];
                    ai[o + p] = y + 1 < height ? gray[((y + 1) * width) + x] : 0.0;
                }

                Array.Clear(ar, o + pairs, sp - pairs);
                Array.Clear(ai, o + pairs, sp - pairs);
            }

            planX.Forward(ar, ai, sp, sr, si);
            for (int b = 0; b < nx; b++)
            {
                int k = FrequencyOfBand(b, width);
                int kn = k == 0 ? 0 : width - k;
                int ok = k * sp;
                int okn = kn * sp;
                for (int p = 0; p < pairs; p++)
                {
                    double zr = ar[ok + p], zi = ai[ok + p], wr = ar[okn + p], wi = ai[okn + p];
                    int y = 2 * p;
                    br[(y * sx) + b] = 0.5 * (zr + wr);
                    bi[(y * sx) + b] = 0.5 * (zi - wi);
                    if (y + 1 < height)
                    {
                        br[((y + 1) * sx) + b] = 0.5 * (zi + wi);
                        bi[((y + 1) * sx) + b] = -0.5 * (zr - wr);
                    }
                }
            }
        }
        else
        {
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    br[(y * sx) + x] = gray[(y * width) + x];
                    bi[(y * sx) + x] = 0.0;
                }
            }
        }

        for (int y = 0; y < height; y++)
        {
            Array.Clear(br, (y * sx) + nx, sx - nx);
            Array.Clear(bi, (y * sx) + nx, sx - nx);
        }

        double scale = 1.0;
        if (bandY)
        {
            planY.Forward(br, bi, sx, sr, si);
            Array.Clear(br, HalfBand * sx, (height - Band) * sx);
            Array.Clear(bi, HalfBand * sx, (height - Band) * sx);
            planY.Forward(bi, br, sx, si, sr);
            scale /= height;
        }

        if (!bandX)
        {
            return LogMean(gray, width, height, br, bi, sx, scale, transposed: false);
        }

        // U[x][y]: scatter the kept x-frequencies, zero the others, inverse along x.
        Array.Clear(ar, 0, width * sy);
        Array.Clear(ai, 0, width * sy);
        for (int b = 0; b < nx; b++)
        {
            int o = FrequencyOfBand(b, width) * sy;
            for (int y = 0; y < height; y++)
            {
                ar[o + y] = br[(y * sx) + b];
                ai[o + y] = bi[(y * sx) + b];
            }
        }

        planX.Forward(ai, ar, sy, si, sr);
        scale /= width;
        return LogMean(gray, width, height, ar, ai, sy, scale, transposed: true);
    }

    private static int FrequencyOfBand(int b, int n) => b < HalfBand ? b : n - Band + b;

    private static double LogMean(ReadOnlySpan<byte> gray, int width, int height, double[] lr, double[] li, int stride, double scale, bool transposed)
    {
        // Sum of ln|r|² as ln(mantissa product) + exponents: one multiply per pixel instead of one log.
        double mant = 1.0;
        long exponent = 0;
        double extra = 0.0;
        int pending = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int li0 = transposed ? (x * stride) + y : (y * stride) + x;
                double dr = gray[(y * width) + x] - (lr[li0] * scale);
                double di = li[li0] * scale;
                double m = (dr * dr) + (di * di);
                if (m == 0.0)
                {
                    return double.NegativeInfinity;
                }

                if (m is < 1e-30 or > 1e30)
                {
                    extra += Math.Log(m);
                    continue;
                }

                mant *= m;
                if (++pending == 8)
                {
                    Normalize(ref mant, ref exponent);
                    pending = 0;
                }
            }
        }

        double total = Math.Log(mant) + (exponent * Math.Log(2.0)) + extra;
        return 10.0 * total / ((double)width * height);
    }

    private static void Normalize(ref double mant, ref long exponent)
    {
        long bits = BitConverter.DoubleToInt64Bits(mant);
        exponent += ((bits >> 52) & 0x7FF) - 1023;
        mant = BitConverter.Int64BitsToDouble((bits & unchecked((long)0x800FFFFFFFFFFFFFUL)) | (1023L << 52));
    }
}
