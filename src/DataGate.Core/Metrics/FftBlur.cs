using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;

namespace DataGate.Core.Metrics;

/// <summary>
/// The "FFT blur" score: <c>F = fftshift(fft2(gray))</c>, zero the 120×120 square at the centre, invert, and
/// average <c>20·ln|recon|</c>. Computed as <c>recon = gray − P_y·gray·P_xᵀ</c> where P is the ideal low-pass
/// keeping frequencies −60…59 of an axis longer than 120 (the identity otherwise). P splits into a real symmetric
/// low-pass S (−59…59), done with real-input FFTs that pack two rows per complex transform and keep only the
/// non-negative half of the spectrum, plus the rank-one term of frequency −60, added in closed form.
/// </summary>
internal static partial class FftBlur
{
    /// <summary>Half the side of the zeroed square (the square is 2·60 = 120 frequencies wide).</summary>
    public const int HalfBand = 60;

    private const int Band = 2 * HalfBand;
    private const int Keep = HalfBand - 1;
    private static readonly ConcurrentDictionary<int, (double[] Cos, double[] Sin)> s_lines = new();

    /// <summary>Computes the score of a grayscale image.</summary>
    /// <param name="gray">Row-major 8-bit gray, <paramref name="width"/>·<paramref name="height"/> bytes.</param>
    /// <param name="width">Width ≥ 1.</param>
    /// <param name="height">Height ≥ 1.</param>
    /// <param name="ws">Buffers.</param>
    /// <returns>The mean of <c>20·ln|recon|</c>; −∞ when any reconstructed value is exactly 0.</returns>
    public static double Compute(ReadOnlySpan<byte> gray, int width, int height, MetricsWorkspace ws)
    {
        bool bandX = width > Band;
        bool bandY = height > Band;
        if (!bandX && !bandY)
        {
            // The (clipped) square covers every frequency: recon is identically zero.
            return double.NegativeInfinity;
        }

        return bandX ? ComputeWithBandX(gray, width, height, bandY, ws) : ComputeBandYOnly(gray, width, height, ws);
    }

    /// <summary>cos and sin of 2π·60·t/n for t = 0 … n−1 (the phase of frequency −60 is cos − i·sin).</summary>
    private static (double[] Cos, double[] Sin) Line(int n) => s_lines.GetOrAdd(n, static len =>
    {
        var c = new double[len];
        var s = new double[len];
        for (int t = 0; t < len; t++)
        {
            double angle = 2.0 * Math.PI * ((long)HalfBand * t % len) / len;
            c[t] = Math.Cos(angle);
            s[t] = Math.Sin(angle);
        }

        return (c, s);
    });

    private static double ComputeWithBandX(ReadOnlySpan<byte> gray, int width, int height, bool bandY, MetricsWorkspace ws)
    {
        int lanes = Vector<double>.Count;
        int pairs = (height + 1) / 2;
        int sp = FftPlan.PadStride(pairs);
        int sk = FftPlan.PadStride(HalfBand);
        var planX = FftPlan.For(width);
        var planY = FftPlan.For(height);
        int size = Math.Max(Math.Max(width * sp, height * sk), Math.Max(Math.Max(planX.ScratchSize(sp), planY.ScratchSize(sk)), Math.Max(planX.ScratchSize(lanes), planY.ScratchSize(lanes))));
        size = Math.Max(size, Math.Max(width, height) * lanes);
        var (ar, ai, br, bi, sr, si) = ws.Planes(size);
        var (ge, go, ve, vf) = ws.ExtraPlanes(Math.Max(width * sp, Math.Max(width, height) * lanes));
        var (cw, sw) = Line(width);
        var (ch, sh) = Line(height);

        // a(y) = Σx g·e^{+2πi60x/W} (the −60 x-coefficient of each row) and c(x) = Σy g·e^{+2πi60y/H}.
        var small = ws.Small(4 * Math.Max(width, height) + (8 * sp));
        var aR = small.AsSpan(0, height);
        var aI = small.AsSpan(height, height);
        var cR = small.AsSpan(2 * height, width);
        var cI = small.AsSpan((2 * height) + width, width);
        cR.Clear();
        cI.Clear();
        var rowD = ve.AsSpan(0, width);
        for (int y = 0; y < height; y++)
        {
            var row = gray.Slice(y * width, width);
            for (int x = 0; x < width; x++)
            {
                rowD[x] = row[x];
            }

            aR[y] = Dot(rowD, cw);
            aI[y] = Dot(rowD, sw);
            if (bandY)
            {
                Axpy(ch[y], rowD, cR);
                Axpy(sh[y], rowD, cI);
            }
        }

        double dR = 0, dI = 0;
        for (int y = 0; y < height; y++)
        {
            dR += (ch[y] * aR[y]) - (sh[y] * aI[y]);
            dI += (ch[y] * aI[y]) + (sh[y] * aR[y]);
        }

        // Pack rows 2p (real) and 2p+1 (imaginary) as columns p of a [x][p] batch; keep a copy for the end.
        for (int x = 0; x < width; x++)
        {
            int o = x * sp;
            for (int p = 0; p < sp; p++)
            {
                int y = 2 * p;
                ge[o + p] = p < pairs ? gray[(y * width) + x] : 1.0;
                go[o + p] = y + 1 < height ? gray[((y + 1) * width) + x] : 1.0;
                ar[o + p] = p < pairs ? ge[o + p] : 0.0;
                ai[o + p] = y + 1 < height ? go[o + p] : 0.0;
            }
        }

        planX.Forward(ar, ai, sp, sr, si);

        // Unpack the spectra of the two real rows, k = 0 … 59, into T[y][k].
        for (int k = 0; k < HalfBand; k++)
        {
            int kn = k == 0 ? 0 : width - k;
            int ok = k * sp, okn = kn * sp;
            for (int p = 0; p < pairs; p++)
            {
                double zr = ar[ok + p], zi = ai[ok + p], wr = ar[okn + p], wi = ai[okn + p];
                int y = 2 * p;
                br[(y * sk) + k] = 0.5 * (zr + wr);
                bi[(y * sk) + k] = 0.5 * (zi - wi);
                if (y + 1 < height)
                {
                    br[((y + 1) * sk) + k] = 0.5 * (zi + wi);
                    bi[((y + 1) * sk) + k] = -0.5 * (zr - wr);
                }
            }
        }

        for (int y = 0; y < height; y++)
        {
            Array.Clear(br, (y * sk) + HalfBand, sk - HalfBand);
            Array.Clear(bi, (y * sk) + HalfBand, sk - HalfBand);
        }

        double scale = 1.0 / width;
        if (bandY)
        {
            LowPassColumns(planY, br, bi, sk, height, sr, si);
            scale /= height;
        }

        // Pack T back: Z(k) = T(2p,k) + i·T(2p+1,k) for k = 0 … 59 and its Hermitian partner at −k; inverse along x.
        Array.Clear(ar, 0, width * sp);
        Array.Clear(ai, 0, width * sp);
        for (int k = 0; k < HalfBand; k++)
        {
            int ok = k * sp, okn = (width - k) * sp;
            for (int p = 0; p < pairs; p++)
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

        planX.Forward(ai, ar, sp, si, sr);

        // Rank-one terms of frequency −60: L += α_y·ω_W(x) + β_y·u(x).
        var coef = small.AsSpan((2 * height) + (2 * width), 8 * sp);
        coef.Clear();
        var alphaER = coef[..sp];
        var alphaEI = coef.Slice(sp, sp);
        var alphaOR = coef.Slice(2 * sp, sp);
        var alphaOI = coef.Slice(3 * sp, sp);
        var betaER = coef.Slice(4 * sp, sp);
        var betaEI = coef.Slice(5 * sp, sp);
        var betaOR = coef.Slice(6 * sp, sp);
        var betaOI = coef.Slice(7 * sp, sp);
        if (bandY)
        {
            LowPassVector(planY, aR, aI, ve, vf, sr, si);
        }

        for (int y = 0; y < height; y++)
        {
            int p = y >> 1;
            double alR = aR[y] / width, alI = aI[y] / width;
            double beR = bandY ? ch[y] / height : 0, beI = bandY ? -sh[y] / height : 0;
            if ((y & 1) == 0)
            {
                (alphaER[p], alphaEI[p], betaER[p], betaEI[p]) = (alR, alI, beR, beI);
            }
            else
            {
                (alphaOR[p], alphaOI[p], betaOR[p], betaOI[p]) = (alR, alI, beR, beI);
            }
        }

        var uR = cR;
        var uI = cI;
        if (bandY)
        {
            LowPassVector(planX, cR, cI, ve, vf, sr, si);
            for (int x = 0; x < width; x++)
            {
                uR[x] = cR[x] + ((dR * cw[x]) + (dI * sw[x])) / width;
                uI[x] = cI[x] + ((dI * cw[x]) - (dR * sw[x])) / width;
            }
        }
        else
        {
            uR.Clear();
            uI.Clear();
        }

        return LogMean(ar, ai, ge, go, sp, width, scale, cw, sw, uR, uI, coef, height);
    }
}
