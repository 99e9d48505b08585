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
        if (r > 5)
        {
            for (int j = 0; j < m; j++)
            {
                int k = j % ns;
                RadixGeneric(r, xr, xi, yr, yi, chunk, j, m, ((j - k) * r) + k, ns, twr, twi, k * (r - 1));
            }

            return;
        }

        // Every row index below is < Length, so each access stays inside the Length·stride planes (checked by Forward).
        var rows = new Rows(
            ref MemoryMarshal.GetReference(xr), ref MemoryMarshal.GetReference(xi),
            ref MemoryMarshal.GetReference(yr), ref MemoryMarshal.GetReference(yi),
            (nuint)stride, (nuint)c0, (nuint)cols);
        for (int j = 0; j < m; j++)
        {
            int k = j % ns;
            int dst = ((j - k) * r) + k;
            int tw = k * (r - 1);
            double[]? w = k == 0 ? null : twr;
            switch (r)
            {
                case 4:
                    Radix4(ref rows, j, m, dst, ns, w, twi, tw);
                    break;
                case 2:
                    Radix2(ref rows, j, m, dst, ns, w, twi, tw);
                    break;
                case 3:
                    Radix3(ref rows, j, m, dst, ns, w, twi, tw);
                    break;
                default:
                    Radix5(ref rows, j, m, dst, ns, w, twi, tw);
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Span<Vector<double>> Row(Span<double> plane, int row, Chunk chunk) =>
        MemoryMarshal.Cast<double, Vector<double>>(plane.Slice((row * chunk.Stride) + chunk.Start, chunk.Columns));

    /// <summary>The columns of one batch a stage works on.</summary>
    private readonly record struct Chunk(int Stride, int Start, int Columns);

    /// <summary>Unchecked views of the four planes of one stage (the radix kernels' hot loops).</summary>
    private readonly ref struct Rows(ref double xr, ref double xi, ref double yr, ref double yi, nuint stride, nuint start, nuint columns)
    {
        public readonly ref double Xr = ref xr;
        public readonly ref double Xi = ref xi;
        public readonly ref double Yr = ref yr;
        public readonly ref double Yi = ref yi;
        public readonly nuint Stride = stride;
        public readonly nuint Start = start;
        public readonly nuint Columns = columns;

        /// <summary>Offset of the chunk's first column in a row.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public nuint At(int row) => ((nuint)row * Stride) + Start;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Twiddle(ref Vector<double> re, ref Vector<double> im, double wr, double wi)
    {
        var a = re;
        re = (a * wr) - (im * wi);
        im = (a * wi) + (im * wr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Twiddle(ref Vector<double> re, ref Vector<double> im, Vector<double> wr, Vector<double> wi)
    {
        var a = re;
        re = (a * wr) - (im * wi);
        im = (a * wi) + (im * wr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Load(ref double plane, nuint offset) => Vector.LoadUnsafe(ref plane, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<double> value, ref double plane, nuint offset) => value.StoreUnsafe(ref plane, offset);

    private static void Radix2(ref Rows p, int j, int m, int dst, int ns, double[]? twr, double[] twi, int tw)
    {
        nuint x0 = p.At(j), x1 = p.At(j + m), y0 = p.At(dst), y1 = p.At(dst + ns);
        nuint lanes = (nuint)Vector<double>.Count, columns = p.Columns;
        ref double pxr = ref p.Xr, pxi = ref p.Xi, pyr = ref p.Yr, pyi = ref p.Yi;
        var w1r = new Vector<double>(twr is null ? 1 : twr[tw]);
        var w1i = new Vector<double>(twr is null ? 0 : twi[tw]);
        for (nuint v = 0; v < columns; v += lanes)
        {
            var ar = Load(ref pxr, x1 + v);
            var ai = Load(ref pxi, x1 + v);
            Twiddle(ref ar, ref ai, w1r, w1i);
            var br = Load(ref pxr, x0 + v);
            var bi = Load(ref pxi, x0 + v);
            Store(br + ar, ref pyr, y0 + v);
            Store(bi + ai, ref pyi, y0 + v);
            Store(br - ar, ref pyr, y1 + v);
            Store(bi - ai, ref pyi, y1 + v);
        }
    }

    private static void Radix3(ref Rows p, int j, int m, int dst, int ns, double[]? twr, double[] twi, int tw)
    {
        nuint x0 = p.At(j), x1 = p.At(j + m), x2 = p.At(j + (2 * m));
        nuint y0 = p.At(dst), y1 = p.At(dst + ns), y2 = p.At(dst + (2 * ns));
        nuint lanes = (nuint)Vector<double>.Count, columns = p.Columns;
        ref double pxr = ref p.Xr, pxi = ref p.Xi, pyr = ref p.Yr, pyi = ref p.Yi;
        bool t = twr is not null;
        var w1r = new Vector<double>(t ? twr![tw] : 1);
        var w1i = new Vector<double>(t ? twi[tw] : 0);
        var w2r = new Vector<double>(t ? twr![tw + 1] : 1);
        var w2i = new Vector<double>(t ? twi[tw + 1] : 0);
        var s = new Vector<double>(s_sin60);
        var half = new Vector<double>(0.5);
        for (nuint v = 0; v < columns; v += lanes)
        {
            var ar = Load(ref pxr, x1 + v);
            var ai = Load(ref pxi, x1 + v);
            var br = Load(ref pxr, x2 + v);
            var bi = Load(ref pxi, x2 + v);
            if (t)
            {
                Twiddle(ref ar, ref ai, w1r, w1i);
                Twiddle(ref br, ref bi, w2r, w2i);
            }

            var zr = Load(ref pxr, x0 + v);
            var zi = Load(ref pxi, x0 + v);
            var sr = ar + br;
            var si = ai + bi;
            var dr = (ar - br) * s;
            var di = (ai - bi) * s;
            var cr = zr - (sr * half);
            var ci = zi - (si * half);
            Store(zr + sr, ref pyr, y0 + v);
            Store(zi + si, ref pyi, y0 + v);
            Store(cr + di, ref pyr, y1 + v);
            Store(ci - dr, ref pyi, y1 + v);
            Store(cr - di, ref pyr, y2 + v);
            Store(ci + dr, ref pyi, y2 + v);
        }
    }

    private static void Radix4(ref Rows p, int j, int m, int dst, int ns, double[]? twr, double[] twi, int tw)
    {
        nuint x0 = p.At(j), x1 = p.At(j + m), x2 = p.At(j + (2 * m)), x3 = p.At(j + (3 * m));
        nuint y0 = p.At(dst), y1 = p.At(dst + ns), y2 = p.At(dst + (2 * ns)), y3 = p.At(dst + (3 * ns));
        nuint lanes = (nuint)Vector<double>.Count, columns = p.Columns;
        ref double pxr = ref p.Xr, pxi = ref p.Xi, pyr = ref p.Yr, pyi = ref p.Yi;
        bool t = twr is not null;
        var w1r = new Vector<double>(t ? twr![tw] : 1);
        var w1i = new Vector<double>(t ? twi[tw] : 0);
        var w2r = new Vector<double>(t ? twr![tw + 1] : 1);
        var w2i = new Vector<double>(t ? twi[tw + 1] : 0);
        var w3r = new Vector<double>(t ? twr![tw + 2] : 1);
        var w3i = new Vector<double>(t ? twi[tw + 2] : 0);
        for (nuint v = 0; v < columns; v += lanes)
        {
            var ar = Load(ref pxr, x0 + v);
            var ai = Load(ref pxi, x0 + v);
            var br = Load(ref pxr, x1 + v);
            var bi = Load(ref pxi, x1 + v);
            var cr = Load(ref pxr, x2 + v);
            var ci = Load(ref pxi, x2 + v);
            var dr = Load(ref pxr, x3 + v);
            var di = Load(ref pxi, x3 + v);
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
            Store(t0r + t2r, ref pyr, y0 + v);
            Store(t0i + t2i, ref pyi, y0 + v);
            Store(t0r - t2r, ref pyr, y2 + v);
            Store(t0i - t2i, ref pyi, y2 + v);
            Store(t1r + t3i, ref pyr, y1 + v);
            Store(t1i - t3r, ref pyi, y1 + v);
            Store(t1r - t3i, ref pyr, y3 + v);
            Store(t1i + t3r, ref pyi, y3 + v);
        }
    }

    private static void Radix5(ref Rows p, int j, int m, int dst, int ns, double[]? twr, double[] twi, int tw)
    {
        nuint x0 = p.At(j), x1 = p.At(j + m), x2 = p.At(j + (2 * m)), x3 = p.At(j + (3 * m)), x4 = p.At(j + (4 * m));
        nuint y0 = p.At(dst), y1 = p.At(dst + ns), y2 = p.At(dst + (2 * ns)), y3 = p.At(dst + (3 * ns)), y4 = p.At(dst + (4 * ns));
        nuint lanes = (nuint)Vector<double>.Count, columns = p.Columns;
        ref double pxr = ref p.Xr, pxi = ref p.Xi, pyr = ref p.Yr, pyi = ref p.Yi;
        bool t = twr is not null;
        var w1r = new Vector<double>(t ? twr![tw] : 1);
        var w1i = new Vector<double>(t ? twi[tw] : 0);
        var w2r = new Vector<double>(t ? twr![tw + 1] : 1);
        var w2i = new Vector<double>(t ? twi[tw + 1] : 0);
        var w3r = new Vector<double>(t ? twr![tw + 2] : 1);
        var w3i = new Vector<double>(t ? twi[tw + 2] : 0);
        var w4r = new Vector<double>(t ? twr![tw + 3] : 1);
        var w4i = new Vector<double>(t ? twi[tw + 3] : 0);
        var c1 = new Vector<double>(s_c1);
        var c2 = new Vector<double>(s_c2);
        var s1 = new Vector<double>(s_s1);
        var s2 = new Vector<double>(s_s2);
        for (nuint v = 0; v < columns; v += lanes)
        {
            var ar = Load(ref pxr, x1 + v);
            var ai = Load(ref pxi, x1 + v);
            var br = Load(ref pxr, x2 + v);
            var bi = Load(ref pxi, x2 + v);
            var cr = Load(ref pxr, x3 + v);
            var ci = Load(ref pxi, x3 + v);
            var dr = Load(ref pxr, x4 + v);
            var di = Load(ref pxi, x4 + v);
            if (t)
            {
                Twiddle(ref ar, ref ai, w1r, w1i);
                Twiddle(ref br, ref bi, w2r, w2i);
                Twiddle(ref cr, ref ci, w3r, w3i);
                Twiddle(ref dr, ref di, w4r, w4i);
            }

            var x0r = Load(ref pxr, x0 + v);
            var x0i = Load(ref pxi, x0 + v);
            var a1r = ar + dr;
            var a1i = ai + di;
            var b1r = ar - dr;
            var b1i = ai - di;
            var a2r = br + cr;
            var a2i = bi + ci;
            var b2r = br - cr;
            var b2i = bi - ci;
            Store(x0r + a1r + a2r, ref pyr, y0 + v);
            Store(x0i + a1i + a2i, ref pyi, y0 + v);
            var t1r = x0r + (a1r * c1) + (a2r * c2);
            var t1i = x0i + (a1i * c1) + (a2i * c2);
            var t2r = x0r + (a1r * c2) + (a2r * c1);
            var t2i = x0i + (a1i * c2) + (a2i * c1);
            var u1r = (b1r * s1) + (b2r * s2);
            var u1i = (b1i * s1) + (b2i * s2);
            var u2r = (b1r * s2) - (b2r * s1);
            var u2i = (b1i * s2) - (b2i * s1);
            Store(t1r + u1i, ref pyr, y1 + v);
            Store(t1i - u1r, ref pyi, y1 + v);
            Store(t1r - u1i, ref pyr, y4 + v);
            Store(t1i + u1r, ref pyi, y4 + v);
            Store(t2r + u2i, ref pyr, y2 + v);
            Store(t2i - u2r, ref pyi, y2 + v);
            Store(t2r - u2i, ref pyr, y3 + v);
            Store(t2i + u2r, ref pyi, y3 + v);
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
