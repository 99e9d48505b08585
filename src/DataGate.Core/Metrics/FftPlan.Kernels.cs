using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DataGate.Core.Metrics;

/// <summary>Butterfly kernels of <see cref="FftPlan"/> (forward sign, one Stockham stage at a time).</summary>
internal sealed partial class FftPlan
{
    private static readonly double s_sin60 = Math.Sqrt(3.0) / 2.0;
    private static readonly double s_c1 = Math.Cos(2.0 * Math.PI / 5.0);
    private static readonly double s_c2 = Math.Cos(4.0 * Math.PI / 5.0);
    private static readonly double s_s1 = Math.Sin(2.0 * Math.PI / 5.0);
    private static readonly double s_s2 = Math.Sin(4.0 * Math.PI / 5.0);

    private void Stage(int r, int ns, Span<double> xr, Span<double> xi, Span<double> yr, Span<double> yi, int stride, int c0, int cols, double[] twr, double[] twi)
    {
        int m = Length / r;
        var chunk = new Chunk(stride, c0, cols);
        for (int j = 0; j < m; j++)
        {
            int k = j % ns;
            int dst = ((j - k) * r) + k;
            int tw = k * (r - 1);
            switch (r)
            {
                case 4:
                    Radix4(xr, xi, yr, yi, chunk, j, m, dst, ns, k == 0 ? null : twr, twi, tw);
                    break;
                case 2:
                    Radix2(xr, xi, yr, yi, chunk, j, m, dst, ns, k == 0 ? null : twr, twi, tw);
                    break;
                case 3:
                    Radix3(xr, xi, yr, yi, chunk, j, m, dst, ns, k == 0 ? null : twr, twi, tw);
                    break;
                case 5:
                    Radix5(xr, xi, yr, yi, chunk, j, m, dst, ns, k == 0 ? null : twr, twi, tw);
                    break;
                default:
                    RadixGeneric(r, xr, xi, yr, yi, chunk, j, m, dst, ns, twr, twi, tw);
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Span<Vector<double>> Row(Span<double> plane, int row, Chunk chunk) =>
        MemoryMarshal.Cast<double, Vector<double>>(plane.Slice((row * chunk.Stride) + chunk.Start, chunk.Columns));

    /// <summary>The columns of one batch a stage works on.</summary>
    private readonly record struct Chunk(int Stride, int Start, int Columns);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Twiddle(ref Vector<double> re, ref Vector<double> im, double wr, double wi)
    {
        var a = re;
        re = (a * wr) - (im * wi);
        im = (a * wi) + (im * wr);
    }

    private static void Radix2(Span<double> xr, Span<double> xi, Span<double> yr, Span<double> yi, Chunk stride, int j, int m, int dst, int ns, double[]? twr, double[] twi, int tw)
    {
        var x0r = Row(xr, j, stride);
        var x0i = Row(xi, j, stride);
        var x1r = Row(xr, j + m, stride);
        var x1i = Row(xi, j + m, stride);
        var y0r = Row(yr, dst, stride);
        var y0i = Row(yi, dst, stride);
        var y1r = Row(yr, dst + ns, stride);
        var y1i = Row(yi, dst + ns, stride);
        double w1r = twr is null ? 1 : twr[tw], w1i = twr is null ? 0 : twi[tw];
        for (int v = 0; v < x0r.Length; v++)
        {
            var ar = x1r[v];
            var ai = x1i[v];
            Twiddle(ref ar, ref ai, w1r, w1i);
            var br = x0r[v];
            var bi = x0i[v];
            y0r[v] = br + ar;
            y0i[v] = bi + ai;
            y1r[v] = br - ar;
            y1i[v] = bi - ai;
        }
    }

    private static void Radix3(Span<double> xr, Span<double> xi, Span<double> yr, Span<double> yi, Chunk stride, int j, int m, int dst, int ns, double[]? twr, double[] twi, int tw)
    {
        var x0r = Row(xr, j, stride);
        var x0i = Row(xi, j, stride);
        var x1r = Row(xr, j + m, stride);
        var x1i = Row(xi, j + m, stride);
        var x2r = Row(xr, j + (2 * m), stride);
        var x2i = Row(xi, j + (2 * m), stride);
        var y0r = Row(yr, dst, stride);
        var y0i = Row(yi, dst, stride);
        var y1r = Row(yr, dst + ns, stride);
        var y1i = Row(yi, dst + ns, stride);
        var y2r = Row(yr, dst + (2 * ns), stride);
        var y2i = Row(yi, dst + (2 * ns), stride);
        bool t = twr is not null;
        double w1r = t ? twr![tw] : 1, w1i = t ? twi[tw] : 0, w2r = t ? twr![tw + 1] : 1, w2i = t ? twi[tw + 1] : 0;
        double s = s_sin60;
        for (int v = 0; v < x0r.Length; v++)
        {
            var ar = x1r[v];
            var ai = x1i[v];
            var br = x2r[v];
            var bi = x2i[v];
            if (t)
            {
                Twiddle(ref ar, ref ai, w1r, w1i);
                Twiddle(ref br, ref bi, w2r, w2i);
            }

            var sr = ar + br;
            var si = ai + bi;
            var dr = (ar - br) * s;
            var di = (ai - bi) * s;
            var cr = x0r[v] - (sr * 0.5);
            var ci = x0i[v] - (si * 0.5);
            y0r[v] = x0r[v] + sr;
            y0i[v] = x0i[v] + si;
            y1r[v] = cr + di;
            y1i[v] = ci - dr;
            y2r[v] = cr - di;
            y2i[v] = ci + dr;
        }
    }

    private static void Radix4(Span<double> xr, Span<double> xi, Span<double> yr, Span<double> yi, Chunk stride, int j, int m, int dst, int ns, double[]? twr, double[] twi, int tw)
    {
        var x0r = Row(xr, j, stride);
        var x0i = Row(xi, j, stride);
        var x1r = Row(xr, j + m, stride);
        var x1i = Row(xi, j + m, stride);
        var x2r = Row(xr, j + (2 * m), stride);
        var x2i = Row(xi, j + (2 * m), stride);
        var x3r = Row(xr, j + (3 * m), stride);
        var x3i = Row(xi, j + (3 * m), stride);
        var y0r = Row(yr, dst, stride);
        var y0i = Row(yi, dst, stride);
        var y1r = Row(yr, dst + ns, stride);
        var y1i = Row(yi, dst + ns, stride);
        var y2r = Row(yr, dst + (2 * ns), stride);
        var y2i = Row(yi, dst + (2 * ns), stride);
        var y3r = Row(yr, dst + (3 * ns), stride);
        var y3i = Row(yi, dst + (3 * ns), stride);
        bool t = twr is not null;
        double w1r = t ? twr![tw] : 1, w1i = t ? twi[tw] : 0;
        double w2r = t ? twr![tw + 1] : 1, w2i = t ? twi[tw + 1] : 0;
        double w3r = t ? twr![tw + 2] : 1, w3i = t ? twi[tw + 2] : 0;
        for (int v = 0; v < x0r.Length; v++)
        {
            var ar = x0r[v];
            var ai = x0i[v];
            var br = x1r[v];
            var bi = x1i[v];
            var cr = x2r[v];
            var ci = x2i[v];
            var dr = x3r[v];
            var di = x3i[v];
            if (t)
            {
                Twiddle(ref br, ref bi, w1r, w1i);
                Twiddle(ref cr, ref ci, w2r, w2i);
                Twiddle(ref dr, ref di, w3r, w3i);
            }

            var t0r = ar + cr;
            var t0i = ai + ci;
            var t1r = ar - cr;
            var t1i = ai - ci;
            var t2r = br + dr;
            var t2i = bi + di;
            var t3r = br - dr;
            var t3i = bi - di;
            y0r[v] = t0r + t2r;
            y0i[v] = t0i + t2i;
            y2r[v] = t0r - t2r;
            y2i[v] = t0i - t2i;
            y1r[v] = t1r + t3i;
            y1i[v] = t1i - t3r;
            y3r[v] = t1r - t3i;
            y3i[v] = t1i + t3r;
        }
    }

    private static void Radix5(Span<double> xr, Span<double> xi, Span<double> yr, Span<double> yi, Chunk stride, int j, int m, int dst, int ns, double[]? twr, double[] twi, int tw)
    {
        var x0r = Row(xr, j, stride);
        var x0i = Row(xi, j, stride);
        var x1r = Row(xr, j + m, stride);
        var x1i = Row(xi, j + m, stride);
        var x2r = Row(xr, j + (2 * m), stride);
        var x2i = Row(xi, j + (2 * m), stride);
        var x3r = Row(xr, j + (3 * m), stride);
        var x3i = Row(xi, j + (3 * m), stride);
        var x4r = Row(xr, j + (4 * m), stride);
        var x4i = Row(xi, j + (4 * m), stride);
        var y0r = Row(yr, dst, stride);
        var y0i = Row(yi, dst, stride);
        var y1r = Row(yr, dst + ns, stride);
        var y1i = Row(yi, dst + ns, stride);
        var y2r = Row(yr, dst + (2 * ns), stride);
        var y2i = Row(yi, dst + (2 * ns), stride);
        var y3r = Row(yr, dst + (3 * ns), stride);
        var y3i = Row(yi, dst + (3 * ns), stride);
        var y4r = Row(yr, dst + (4 * ns), stride);
        var y4i = Row(yi, dst + (4 * ns), stride);
        bool t = twr is not null;
        double w1r = t ? twr![tw] : 1, w1i = t ? twi[tw] : 0;
        double w2r = t ? twr![tw + 1] : 1, w2i = t ? twi[tw + 1] : 0;
        double w3r = t ? twr![tw + 2] : 1, w3i = t ? twi[tw + 2] : 0;
        double w4r = t ? twr![tw + 3] : 1, w4i = t ? twi[tw + 3] : 0;
        double c1 = s_c1, c2 = s_c2, s1 = s_s1, s2 = s_s2;
        for (int v = 0; v < x0r.Length; v++)
        {
            var ar = x1r[v];
            var ai = x1i[v];
            var br = x2r[v];
            var bi = x2i[v];
            var cr = x3r[v];
            var ci = x3i[v];
            var dr = x4r[v];
            var di = x4i[v];
            if (t)
            {
                Twiddle(ref ar, ref ai, w1r, w1i);
                Twiddle(ref br, ref bi, w2r, w2i);
                Twiddle(ref cr, ref ci, w3r, w3i);
                Twiddle(ref dr, ref di, w4r, w4i);
            }

            var x0 = x0r[v];
            var x0j = x0i[v];
            var a1r = ar + dr;
            var a1i = ai + di;
            var b1r = ar - dr;
            var b1i = ai - di;
            var a2r = br + cr;
            var a2i = bi + ci;
            var b2r = br - cr;
            var b2i = bi - ci;
            y0r[v] = x0 + a1r + a2r;
            y0i[v] = x0j + a1i + a2i;
            var t1r = x0 + (a1r * c1) + (a2r * c2);
            var t1i = x0j + (a1i * c1) + (a2i * c2);
            var t2r = x0 + (a1r * c2) + (a2r * c1);
            var t2i = x0j + (a1i * c2) + (a2i * c1);
            var u1r = (b1r * s1) + (b2r * s2);
            var u1i = (b1i * s1) + (b2i * s2);
            var u2r = (b1r * s2) - (b2r * s1);
            var u2i = (b1i * s2) - (b2i * s1);
            y1r[v] = t1r + u1i;
            y1i[v] = t1i - u1r;
            y4r[v] = t1r - u1i;
            y4i[v] = t1i + u1r;
            y2r[v] = t2r + u2i;
            y2i[v] = t2i - u2r;
            y3r[v] = t2r - u2i;
            y3i[v] = t2i + u2r;
        }
    }

    private static void RadixGeneric(int r, Span<double> xr, Span<double> xi, Span<double> yr, Span<double> yi, Chunk stride, int j, int m, int dst, int ns, double[] twr, double[] twi, int tw)
    {
        Span<Vector<double>> tr = stackalloc Vector<double>[MaxGenericRadix];
        Span<Vector<double>> ti = stackalloc Vector<double>[MaxGenericRadix];
        Span<double> rootR = stackalloc double[MaxGenericRadix];
        Span<double> rootI = stackalloc double[MaxGenericRadix];
        for (int q = 0; q < r; q++)
        {
            rootR[q] = Math.Cos(-2.0 * Math.PI * q / r);
            rootI[q] = Math.Sin(-2.0 * Math.PI * q / r);
        }

        int vectors = stride.Columns / Vector<double>.Count;
        for (int v = 0; v < vectors; v++)
        {
            for (int p = 0; p < r; p++)
            {
                var a = Row(xr, j + (p * m), stride)[v];
                var b = Row(xi, j + (p * m), stride)[v];
                if (p > 0)
                {
                    Twiddle(ref a, ref b, twr[tw + p - 1], twi[tw + p - 1]);
                }

                tr[p] = a;
                ti[p] = b;
            }

            for (int q = 0; q < r; q++)
            {
                var sr = tr[0];
                var si = ti[0];
                for (int p = 1; p < r; p++)
                {
                    int e = p * q % r;
                    sr += (tr[p] * rootR[e]) - (ti[p] * rootI[e]);
                    si += (tr[p] * rootI[e]) + (ti[p] * rootR[e]);
                }

                Row(yr, dst + (q * ns), stride)[v] = sr;
                Row(yi, dst + (q * ns), stride)[v] = si;
            }
        }
    }
}
