using System.Numerics;
using System.Runtime.InteropServices;

namespace DataGate.Core.Metrics;

/// <summary>Helpers of <see cref="FftBlur"/>: low-pass filters, the narrow-image path and the log-mean.</summary>
internal static partial class FftBlur
{
    // W ≤ 120 < H: P_x is the identity, so recon = g − S_y g − (1/H)·ω_H(y)·c(x).
    private static double ComputeBandYOnly(ReadOnlySpan<byte> gray, int width, int height, MetricsWorkspace ws)
    {
        int sx = FftPlan.PadStride(width);
        var planY = FftPlan.For(height);
        var (br, bi, sr, si, _, _) = ws.Planes(height * sx, planY.ScratchSize(sx), 0);
        var (ch, sh) = Line(height);
        var small = ws.Small(2 * width);
        var cR = small.AsSpan(0, width);
        var cI = small.AsSpan(width, width);
        cR.Clear();
        cI.Clear();
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < sx; x++)
            {
                double v = x < width ? gray[(y * width) + x] : 0.0;
                br[(y * sx) + x] = v;
                bi[(y * sx) + x] = 0.0;
                if (x < width)
                {
                    cR[x] += v * ch[y];
                    cI[x] += v * sh[y];
                }
            }
        }

        LowPassColumns(planY, br, bi, sx, height, sr, si);
        double scale = 1.0 / height;
        var sum = default(LogSum);
        for (int y = 0; y < height; y++)
        {
            double bR = ch[y] / height, bI = -sh[y] / height;
            for (int x = 0; x < width; x++)
            {
                double re = gray[(y * width) + x] - (br[(y * sx) + x] * scale) - ((bR * cR[x]) - (bI * cI[x]));
                double im = -((bR * cI[x]) + (bI * cR[x]));
                if (!sum.Add((re * re) + (im * im)))
                {
                    return double.NegativeInfinity;
                }
            }
        }

        return 10.0 * sum.Total() / ((double)width * height);
    }

    /// <summary>Unnormalised S along the columns: forward FFT, zero frequencies 60 … n−60, inverse FFT.</summary>
    private static void LowPassColumns(FftPlan plan, double[] re, double[] im, int stride, int n, double[] sr, double[] si)
    {
        plan.Forward(re, im, stride, sr, si);
        Array.Clear(re, HalfBand * stride, (n - (2 * HalfBand) + 1) * stride);
        Array.Clear(im, HalfBand * stride, (n - (2 * HalfBand) + 1) * stride);
        plan.Forward(im, re, stride, si, sr);
    }

    // recon(y, x) for the rows of pair p: g − scale·L0 − (α_y·ω_W(x) + β_y·u(x)), vectorised over p.
    private static double LogMean(
        double[] l0Even, double[] l0Odd, double[] gEven, double[] gOdd, int sp, int width, double scale,
        double[] cw, double[] sw, ReadOnlySpan<double> uR, ReadOnlySpan<double> uI, ReadOnlySpan<double> coef, int height)
    {
        var alphaER = MemoryMarshal.Cast<double, Vector<double>>(coef[..sp]);
        var alphaEI = MemoryMarshal.Cast<double, Vector<double>>(coef.Slice(sp, sp));
        var alphaOR = MemoryMarshal.Cast<double, Vector<double>>(coef.Slice(2 * sp, sp));
        var alphaOI = MemoryMarshal.Cast<double, Vector<double>>(coef.Slice(3 * sp, sp));
        var betaER = MemoryMarshal.Cast<double, Vector<double>>(coef.Slice(4 * sp, sp));
        var betaEI = MemoryMarshal.Cast<double, Vector<double>>(coef.Slice(5 * sp, sp));
        var betaOR = MemoryMarshal.Cast<double, Vector<double>>(coef.Slice(6 * sp, sp));
        var betaOI = MemoryMarshal.Cast<double, Vector<double>>(coef.Slice(7 * sp, sp));
        var sum = default(VectorLogSum);
        sum.Init();
        for (int x = 0; x < width; x++)
        {
            double wr = cw[x], wi = -sw[x], ur = uR[x], ui = uI[x];
            var le = MemoryMarshal.Cast<double, Vector<double>>(l0Even.AsSpan(x * sp, sp));
            var lo = MemoryMarshal.Cast<double, Vector<double>>(l0Odd.AsSpan(x * sp, sp));
            var ge = MemoryMarshal.Cast<double, Vector<double>>(gEven.AsSpan(x * sp, sp));
            var go = MemoryMarshal.Cast<double, Vector<double>>(gOdd.AsSpan(x * sp, sp));
            for (int v = 0; v < le.Length; v++)
            {
                var exR = Vector.FusedMultiplyAdd(alphaER[v], new Vector<double>(wr), Vector.FusedMultiplyAdd(alphaEI[v], new Vector<double>(-wi), Vector.FusedMultiplyAdd(betaER[v], new Vector<double>(ur), betaEI[v] * -ui)));
                var exI = Vector.FusedMultiplyAdd(alphaER[v], new Vector<double>(wi), Vector.FusedMultiplyAdd(alphaEI[v], new Vector<double>(wr), Vector.FusedMultiplyAdd(betaER[v], new Vector<double>(ui), betaEI[v] * ur)));
                var oxR = Vector.FusedMultiplyAdd(alphaOR[v], new Vector<double>(wr), Vector.FusedMultiplyAdd(alphaOI[v], new Vector<double>(-wi), Vector.FusedMultiplyAdd(betaOR[v], new Vector<double>(ur), betaOI[v] * -ui)));
                var oxI = Vector.FusedMultiplyAdd(alphaOR[v], new Vector<double>(wi), Vector.FusedMultiplyAdd(alphaOI[v], new Vector<double>(wr), Vector.FusedMultiplyAdd(betaOR[v], new Vector<double>(ui), betaOI[v] * ur)));
                var re = ge[v] - Vector.FusedMultiplyAdd(le[v], new Vector<double>(scale), exR);
                var ro = go[v] - Vector.FusedMultiplyAdd(lo[v], new Vector<double>(scale), oxR);
                if (!sum.AddPair(Vector.FusedMultiplyAdd(re, re, exI * exI), Vector.FusedMultiplyAdd(ro, ro, oxI * oxI)))
                {
                    return double.NegativeInfinity;
                }
            }
        }

        return 10.0 * sum.Total() / ((double)width * height);
    }
}
