using System.Numerics;
using System.Runtime.InteropServices;
using DataGate.Core.Caching;

namespace DataGate.Core.Metrics;

/// <summary>
/// A batched complex FFT of one length: transforms many independent sequences at once. Data are split
/// real/imaginary planes laid out as <c>Length</c> rows of <c>stride</c> doubles; each column is one sequence,
/// so every butterfly works on whole rows with <see cref="Vector{T}"/> arithmetic. Mixed radix 4, 2, 3, 5 and
/// small odd primes (Stockham autosort); lengths with a prime factor above 13 use Bluestein's chirp-z algorithm
/// over a power-of-two inner plan.
/// </summary>
internal sealed partial class FftPlan
{
    private const int MaxGenericRadix = 13;
    private const int ChunkColumns = 256;

    // Columns a Bluestein transform works on at once. Its work planes are m ≥ 2·Length − 1 rows deep, so a whole
    // batch (a photo's 400–1,000 row pairs) needs m·stride doubles per plane — 64 MiB for a 2,593-pixel side — that
    // neither stays in cache nor in the per-thread workspace. Columns are independent and every column goes through
    // the same operations at any batch width, so chunking changes no bit of the result (issue 15 §3).
    private const int BluesteinChunk = 32;

    /// <summary>
    /// Byte budget of the plan cache: plans for about a hundred distinct photo-sized lengths (a Bluestein plan of a
    /// prime length near 2,600 holds ~0.3 MiB). Beyond it the least recently used plans are dropped (issue 15 §2).
    /// </summary>
    internal const long CacheBudgetBytes = 32L << 20;

    private static readonly BoundedLruCache<int, FftPlan> s_plans = new(CacheBudgetBytes, static p => p.Bytes);

    private readonly int[] _radices;
    private readonly double[][] _twRe;
    private readonly double[][] _twIm;

    // Bluestein (null when the length factors into small radices).
    private readonly FftPlan? _inner;
    private readonly double[]? _chirpRe;
    private readonly double[]? _chirpIm;
    private readonly double[]? _kernelRe;
    private readonly double[]? _kernelIm;

    private FftPlan(int length)
    {
        Length = length;
        var radices = Factor(length);
        if (radices is null)
        {
            _radices = [];
            _twRe = [];
            _twIm = [];
            int m = 1;
            while (m < (2 * length) - 1)
            {
                m <<= 1;
            }

            _inner = For(m);
            (_chirpRe, _chirpIm, _kernelRe, _kernelIm) = BuildBluestein(length, _inner);
            return;
        }

        _radices = radices;
        _twRe = new double[radices.Length][];
        _twIm = new double[radices.Length][];
        int ns = 1;
        for (int s = 0; s < radices.Length; s++)
        {
            int r = radices[s];
            var tr = new double[ns * (r - 1)];
            var ti = new double[ns * (r - 1)];
            for (int k = 0; k < ns; k++)
            {
                for (int q = 1; q < r; q++)
                {
                    double angle = -2.0 * Math.PI * q * k / (ns * r);
                    tr[(k * (r - 1)) + q - 1] = Math.Cos(angle);
                    ti[(k * (r - 1)) + q - 1] = Math.Sin(angle);
                }
            }

            _twRe[s] = tr;
            _twIm[s] = ti;
            ns *= r;
        }
    }

    /// <summary>Transform length (at least 1).</summary>
    public int Length { get; }

    /// <summary>Doubles per plane the scratch of <see cref="Forward"/> needs for a given stride.</summary>
    public int ScratchSize(int stride)
    {
        if (_inner is null)
        {
            return Length * stride;
        }

        int chunk = Math.Min(stride, BluesteinChunk);
        return (_inner.Length * chunk) + _inner.ScratchSize(chunk);
    }

    /// <summary>Cached plan for a length.</summary>
    public static FftPlan For(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        return s_plans.GetOrAdd(length, static n => new FftPlan(n));
    }

    /// <summary>The plan cache (for tests and benchmarks of retained memory).</summary>
    internal static BoundedLruCache<int, FftPlan> Cache => s_plans;

    /// <summary>Bytes of this plan's own tables (a Bluestein plan's inner plan is cached on its own).</summary>
    internal long Bytes => sizeof(double) * ((long)_twRe.Sum(a => a.Length) + _twIm.Sum(a => a.Length)
        + (_chirpRe?.Length ?? 0) + (_chirpIm?.Length ?? 0) + (_kernelRe?.Length ?? 0) + (_kernelIm?.Length ?? 0)) + (sizeof(int) * _radices.Length) + 64;

    /// <summary>Rounds a batch width up to a whole number of vectors.</summary>
    public static int PadStride(int columns) => (columns + Vector<double>.Count - 1) / Vector<double>.Count * Vector<double>.Count;

    /// <summary>
    /// In-place unnormalised forward DFT (sign −1) of every column. The inverse (sign +1, unnormalised) is this
    /// call with the real and imaginary planes swapped.
    /// </summary>
    /// <param name="re">Real plane, <c>Length * stride</c> doubles.</param>
    /// <param name="im">Imaginary plane, same size.</param>
    /// <param name="stride">Row stride, a multiple of <c>Vector&lt;double&gt;.Count</c>.</param>
    /// <param name="scratchRe">Scratch of at least <see cref="ScratchSize"/> doubles.</param>
    /// <param name="scratchIm">Scratch of at least <see cref="ScratchSize"/> doubles.</param>
    public void Forward(Span<double> re, Span<double> im, int stride, Span<double> scratchRe, Span<double> scratchIm)
    {
        if (_inner is not null)
        {
            Bluestein(re, im, stride, scratchRe, scratchIm);
            return;
        }

        // The kernels read and write without bounds checks: every plane must hold Length whole rows of vectors.
        int need = Length * stride;
        if (stride <= 0 || stride % Vector<double>.Count != 0 || re.Length < need || im.Length < need || scratchRe.Length < need || scratchIm.Length < need)
        {
            throw new ArgumentException("Planes must hold Length rows of a positive stride that is a multiple of Vector<double>.Count.", nameof(stride));
        }

        // Columns are independent; very wide batches run in chunks of up to ChunkColumns columns.
        for (int c0 = 0; c0 < stride; c0 += ChunkColumns)
        {
            int cols = Math.Min(ChunkColumns, stride - c0);
            Span<double> xr = re, xi = im, yr = scratchRe, yi = scratchIm;
            int ns = 1;
            for (int s = 0; s < _radices.Length; s++)
            {
                int r = _radices[s];
                Stage(r, ns, xr, xi, yr, yi, stride, c0, cols, _twRe[s], _twIm[s]);
                ns *= r;
                var tr = xr;
                xr = yr;
                yr = tr;
                var ti = xi;
                xi = yi;
                yi = ti;
            }

            if ((_radices.Length & 1) == 1)
            {
                for (int row = 0; row < Length; row++)
                {
                    xr.Slice((row * stride) + c0, cols).CopyTo(re.Slice((row * stride) + c0, cols));
                    xi.Slice((row * stride) + c0, cols).CopyTo(im.Slice((row * stride) + c0, cols));
                }
            }
        }
    }

    private void Bluestein(Span<double> re, Span<double> im, int stride, Span<double> scratchRe, Span<double> scratchIm)
    {
        // Planes must hold Length whole rows of a stride that is a multiple of the vector width (as the direct path).
        int need = Length * stride;
        if (stride <= 0 || stride % Vector<double>.Count != 0 || re.Length < need || im.Length < need || scratchRe.Length < ScratchSize(stride) || scratchIm.Length < ScratchSize(stride))
        {
            throw new ArgumentException("Planes must hold Length rows of a positive stride that is a multiple of Vector<double>.Count.", nameof(stride));
        }

        for (int c0 = 0; c0 < stride; c0 += BluesteinChunk)
        {
            BluesteinColumns(re, im, stride, c0, Math.Min(BluesteinChunk, stride - c0), scratchRe, scratchIm);
        }
    }

    // Columns c0 … c0+cw−1 of the batch, through work planes of stride cw.
    private void BluesteinColumns(Span<double> re, Span<double> im, int stride, int c0, int cw, Span<double> scratchRe, Span<double> scratchIm)
    {
        var inner = _inner!;
        int m = inner.Length;
        int n = Length;
        var ar = scratchRe[..(m * cw)];
        var ai = scratchIm[..(m * cw)];
        var innerScratchRe = scratchRe[(m * cw)..];
        var innerScratchIm = scratchIm[(m * cw)..];
        for (int k = 0; k < n; k++)
        {
            MultiplyRow(re.Slice((k * stride) + c0, cw), im.Slice((k * stride) + c0, cw), _chirpRe![k], _chirpIm![k], ar.Slice(k * cw, cw), ai.Slice(k * cw, cw));
        }

        ar[(n * cw)..].Clear();
        ai[(n * cw)..].Clear();
        inner.Forward(ar, ai, cw, innerScratchRe, innerScratchIm);
        for (int k = 0; k < m; k++)
        {
            var rr = ar.Slice(k * cw, cw);
            var ri = ai.Slice(k * cw, cw);
            MultiplyRow(rr, ri, _kernelRe![k], _kernelIm![k], rr, ri);
        }

        inner.Forward(ai, ar, cw, innerScratchIm, innerScratchRe);
        double scale = 1.0 / m;
        for (int k = 0; k < n; k++)
        {
            MultiplyRow(ar.Slice(k * cw, cw), ai.Slice(k * cw, cw), _chirpRe![k] * scale, _chirpIm![k] * scale, re.Slice((k * stride) + c0, cw), im.Slice((k * stride) + c0, cw));
        }
    }

    private static void MultiplyRow(ReadOnlySpan<double> xr, ReadOnlySpan<double> xi, double wr, double wi, Span<double> yr, Span<double> yi)
    {
        var vxr = MemoryMarshal.Cast<double, Vector<double>>(xr);
        var vxi = MemoryMarshal.Cast<double, Vector<double>>(xi);
        var vyr = MemoryMarshal.Cast<double, Vector<double>>(yr);
        var vyi = MemoryMarshal.Cast<double, Vector<double>>(yi);
        for (int v = 0; v < vxr.Length; v++)
        {
            var a = vxr[v];
            var b = vxi[v];
            vyr[v] = (a * wr) - (b * wi);
            vyi[v] = (a * wi) + (b * wr);
        }
    }

    private static (double[] Cr, double[] Ci, double[] Kr, double[] Ki) BuildBluestein(int n, FftPlan inner)
    {
        int m = inner.Length;
        var cr = new double[n];
        var ci = new double[n];
        for (int k = 0; k < n; k++)
        {
            long k2 = (long)k * k % (2L * n);
            double angle = -Math.PI * k2 / n;
            cr[k] = Math.Cos(angle);
            ci[k] = Math.Sin(angle);
        }

        int stride = Vector<double>.Count;
        var kr = new double[m * stride];
        var ki = new double[m * stride];
        for (int k = 0; k < n; k++)
        {
            kr[k * stride] = cr[k];
            ki[k * stride] = -ci[k];
            if (k > 0)
            {
                kr[(m - k) * stride] = cr[k];
                ki[(m - k) * stride] = -ci[k];
            }
        }

        var sr = new double[inner.ScratchSize(stride)];
        var si = new double[inner.ScratchSize(stride)];
        inner.Forward(kr, ki, stride, sr, si);
        var outR = new double[m];
        var outI = new double[m];
        for (int k = 0; k < m; k++)
        {
            outR[k] = kr[k * stride];
            outI[k] = ki[k * stride];
        }

        return (cr, ci, outR, outI);
    }

    private static int[]? Factor(int n)
    {
        var list = new List<int>();
        while (n % 4 == 0)
        {
            list.Add(4);
            n /= 4;
        }

        if (n % 2 == 0)
        {
            list.Add(2);
            n /= 2;
        }

        for (int p = 3; n > 1; p += 2)
        {
            if (p > MaxGenericRadix)
            {
                return null;
            }

            while (n % p == 0)
            {
                list.Add(p);
                n /= p;
            }
        }

        return [.. list];
    }
}
