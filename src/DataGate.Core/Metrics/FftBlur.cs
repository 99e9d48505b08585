using System.Numerics;
using System.Runtime.InteropServices;
using DataGate.Core.Caching;

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

    /// <summary>Byte budget of the phase-line cache: 16 bytes per pixel of side, so ~400 photo-sized sides (issue 15 §2).</summary>
    internal const long CacheBudgetBytes = 16L << 20;

    private static readonly BoundedLruCache<int, (double[] Cos, double[] Sin)> s_lines = new(CacheBudgetBytes, static l => sizeof(double) * ((long)l.Cos.Length + l.Sin.Length));

    /// <summary>The phase-line cache (for tests and benchmarks of retained memory).</summary>
    internal static BoundedLruCache<int, (double[] Cos, double[] Sin)> Cache => s_lines;

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
        int sk = FftPlan.PadStride(HalfBand + 1);
        var planX = FftPlan.For(width);
        var planY = FftPlan.For(height);
        int scratch = Math.Max(Math.Max(planX.ScratchSize(sp), planY.ScratchSize(sk)), planX.ScratchSize(lanes));
        var (ar, ai, br, bi, sr, si) = ws.Planes(width * sp, height * sk, scratch);
        var (ge, go, ve, vf) = ws.ExtraPlanes(width * sp, width * lanes);
        var (cw, sw) = Line(width);
        var (ch, sh) = Line(height);

        // Transpose into [x][p] planes: rows 2p in ge, rows 2p+1 in go (padding is 1.0, which adds ln 1 = 0 at the end).
        TransposePairs(gray, width, height, ge, go, sp);

        Array.Copy(ge, ar, width * sp);
        Array.Copy(go, ai, width * sp);
        bool oddHeight = (height & 1) == 1;
        for (int x = 0; x < width; x++)
        {
            ar.AsSpan((x * sp) + pairs, sp - pairs).Clear();
            ai.AsSpan((x * sp) + pairs, sp - pairs).Clear();
            if (oddHeight)
            {
                ai[(x * sp) + pairs - 1] = 0.0;
            }
        }

        var small = ws.Small((2 * height) + (2 * width) + (8 * sp));
        var aR = small.AsSpan(0, height);
        var aI = small.AsSpan(height, height);
        var uR = small.AsSpan(2 * height, width);
        var uI = small.AsSpan((2 * height) + width, width);
        planX.Forward(ar, ai, sp, sr, si);

        // Unpack the spectra of the two real rows into T[y][col]: columns 0 … 59 hold k = 0 … 59, column 60 holds
        // k = −60, i.e. a(y) = Σx g·e^{+2πi60x/W}, the coefficient of the rank-one term.
        for (int col = UnpackColumns(ar, ai, br, bi, sp, sk, width, height, HalfBand); col <= HalfBand; col++)
        {
            int k = col < HalfBand ? col : width - HalfBand;
            int kn = k == 0 ? 0 : width - k;
            int ok = k * sp, okn = kn * sp;
            for (int p = 0; p < pairs; p++)
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

        double dR = 0, dI = 0;
        for (int y = 0; y < height; y++)
        {
            Array.Clear(br, (y * sk) + HalfBand + 1, sk - HalfBand - 1);
            Array.Clear(bi, (y * sk) + HalfBand + 1, sk - HalfBand - 1);
            aR[y] = br[(y * sk) + HalfBand];
            aI[y] = bi[(y * sk) + HalfBand];
            dR += (ch[y] * aR[y]) - (sh[y] * aI[y]);
            dI += (ch[y] * aI[y]) + (sh[y] * aR[y]);
        }

        double scale = 1.0 / width;
        uR.Clear();
        uI.Clear();
        if (bandY)
        {
            planY.Forward(br, bi, sk, sr, si);

            // Spectrum of c(x) = Σy g·e^{+2πi60y/H} for kx = −59 … 59: row −60 of the 2-D spectrum (and, for
            // negative kx, the conjugate of row +60), read before those rows are masked.
            Array.Clear(ve, 0, width * lanes);
            Array.Clear(vf, 0, width * lanes);
            int rowMinus = (height - HalfBand) * sk, rowPlus = HalfBand * sk;
            for (int k = 0; k < HalfBand; k++)
            {
                ve[k * lanes] = br[rowMinus + k];
                vf[k * lanes] = bi[rowMinus + k];
                if (k > 0)
                {
                    ve[(width - k) * lanes] = br[rowPlus + k];
                    vf[(width - k) * lanes] = -bi[rowPlus + k];
                }
            }

            Array.Clear(br, HalfBand * sk, (height - (2 * HalfBand) + 1) * sk);
            Array.Clear(bi, HalfBand * sk, (height - (2 * HalfBand) + 1) * sk);
            planY.Forward(bi, br, sk, si, sr);
            scale /= height;
            for (int y = 0; y < height; y++)
            {
                aR[y] = br[(y * sk) + HalfBand] / height;
                aI[y] = bi[(y * sk) + HalfBand] / height;
            }

            // u(x) = (S_x c)(x) + (d/W)·ω_W(x), d = Σy conj(ω_H(y))·a(y).
            planX.Forward(vf, ve, lanes, si, sr);
            for (int x = 0; x < width; x++)
            {
                uR[x] = (ve[x * lanes] + (dR * cw[x]) + (dI * sw[x])) / width;
                uI[x] = (vf[x * lanes] + (dI * cw[x]) - (dR * sw[x])) / width;
            }
        }

        // Pack T back: Z(k) = T(2p,k) + i·T(2p+1,k) for k = 0 … 59 and its Hermitian partner at −k; inverse along x.
        Array.Clear(ar, 0, width * sp);
        Array.Clear(ai, 0, width * sp);
        for (int k = PackBins(ar, ai, br, bi, sp, sk, width, height, HalfBand); k < HalfBand; k++)
        {
            PackBin(ar, ai, br, bi, sp, sk, width, height, k, 0);
        }

        planX.Forward(ai, ar, sp, si, sr);

        // Rank-one terms of frequency −60: L += α_y·ω_W(x) + β_y·u(x), α_y = (S_y a)(y)/W, β_y = ω_H(y)/H.
        var coef = small.AsSpan((2 * height) + (2 * width), 8 * sp);
        coef.Clear();
        for (int y = 0; y < height; y++)
        {
            int p = y >> 1;
            int o = (y & 1) == 0 ? 0 : 2 * sp;
            coef[o + p] = aR[y] / width;
            coef[o + sp + p] = aI[y] / width;
            coef[(4 * sp) + o + p] = bandY ? ch[y] / height : 0;
            coef[(4 * sp) + o + sp + p] = bandY ? -sh[y] / height : 0;
        }

        return LogMean(ar, ai, ge, go, sp, width, scale, cw, sw, uR, uI, coef, height);
    }
}
