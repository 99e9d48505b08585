using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DataGate.Core.Quality.Brisque;

/// <summary>
/// Asymmetric generalised Gaussian fit by moment matching, as OpenCV contrib's BRISQUE <c>AGGDfit</c>:
/// left/right σ from the mean squares of the negative/positive values, then the shape γ found by scanning
/// γ = 0.2, 0.201, … (step accumulated in double, while γ &lt; 10) for the ρ(γ) = Γ(2/γ)²/(Γ(1/γ)Γ(3/γ)) closest
/// to the normalised moment ratio, stopping at the first step where the distance grows.
/// </summary>
internal static class AggdFit
{
    private static readonly double[] s_gammaGrid = BuildGrid();
    private static readonly double[] s_ratioTable = BuildRatios(s_gammaGrid);

    /// <summary>
    /// Running sums over the values being fitted: squares rounded to float and summed in double, |v| summed in
    /// double, counts of positive and negative values (as OpenCV's max/min, multiply, sum and countNonZero).
    /// Callers pass finite values (OpenCV's AGGD code counts NaN as 0; the caller replaces NaN by 0).
    /// </summary>
    internal struct Stats
    {
        private Vector<double> _posSq;
        private Vector<double> _negSq;
        private Vector<double> _abs;
        private Vector<int> _posCount;
        private Vector<int> _negCount;
        private double _posSqTail;
        private double _negSqTail;
        private double _absTail;
        private long _posTail;
        private long _negTail;

        public readonly double PosSq => Vector.Sum(_posSq) + _posSqTail;

        public readonly double NegSq => Vector.Sum(_negSq) + _negSqTail;

        public readonly double Abs => Vector.Sum(_abs) + _absTail;

        public readonly long PosCount => SumCount(_posCount) + _posTail;

        public readonly long NegCount => SumCount(_negCount) + _negTail;

        /// <summary>Adds one value.</summary>
        public void Add(float v)
        {
            if (v > 0)
            {
                _posSqTail += v * v;
                _posTail++;
                _absTail += v;
            }
            else if (v < 0)
            {
                _negSqTail += v * v;
                _negTail++;
                _absTail -= v;
            }
        }

        /// <summary>Adds every value of <paramref name="values"/>: whole vectors first, then the remainder one by one.</summary>
        public void AddRange(ReadOnlySpan<float> values)
        {
            int lanes = Vector<float>.Count;
            int n = values.Length;
            ref float v0 = ref MemoryMarshal.GetReference(values);

            // Accumulators held in locals (registers) for the loop and written back once.
            var posSq = _posSq;
            var negSq = _negSq;
            var abs = _abs;
            var posCount = _posCount;
            var negCount = _negCount;
            int i = 0;
            for (; i <= n - lanes; i += lanes)
            {
                Accumulate(Vector.LoadUnsafe(ref v0, (nuint)i), ref posSq, ref negSq, ref abs, ref posCount, ref negCount);
            }

            _posSq = posSq;
            _negSq = negSq;
            _abs = abs;
            _posCount = posCount;
            _negCount = negCount;
            for (; i < n; i++)
            {
                Add(values[i]);
            }
        }

        /// <summary>
        /// Adds the products <c>a[i]·b[i]</c> (rounded to float) of two equally long spans: whole vectors first,
        /// then the remainder one by one.
        /// </summary>
        public void AddProducts(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        {
            int lanes = Vector<float>.Count;
            int n = a.Length;
            if (b.Length < n)
            {
                throw new ArgumentException("Spans differ in length.", nameof(b));
            }

            ref float a0 = ref MemoryMarshal.GetReference(a);
            ref float b0 = ref MemoryMarshal.GetReference(b);
            var posSq = _posSq;
            var negSq = _negSq;
            var abs = _abs;
            var posCount = _posCount;
            var negCount = _negCount;
            int i = 0;
            for (; i <= n - lanes; i += lanes)
            {
                var v = Vector.LoadUnsafe(ref a0, (nuint)i) * Vector.LoadUnsafe(ref b0, (nuint)i);
                Accumulate(v, ref posSq, ref negSq, ref abs, ref posCount, ref negCount);
            }

            _posSq = posSq;
            _negSq = negSq;
            _abs = abs;
            _posCount = posCount;
            _negCount = negCount;
            for (; i < n; i++)
            {
                Add(a[i] * b[i]);
            }
        }

        // v·v once, masked by the sign comparisons the counts use: the same float squares as squaring max(v, 0)
        // and min(v, 0) (zero lanes contribute +0 either way); each square widened to double and added pairwise.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Accumulate(
            Vector<float> v,
            ref Vector<double> posSq,
            ref Vector<double> negSq,
            ref Vector<double> abs,
            ref Vector<int> posCount,
            ref Vector<int> negCount)
        {
            var zero = Vector<float>.Zero;
            var gt = Vector.GreaterThan(v, zero);
            var lt = Vector.LessThan(v, zero);
            var sq = v * v;
            Vector.Widen(sq & Vector.AsVectorSingle(gt), out var a, out var b);
            posSq += a + b;
            Vector.Widen(sq & Vector.AsVectorSingle(lt), out a, out b);
            negSq += a + b;
            Vector.Widen(Vector.Abs(v), out a, out b);
            abs += a + b;
            posCount -= gt;
            negCount -= lt;
        }

        private static long SumCount(Vector<int> v)
        {
            long s = 0;
            for (int i = 0; i < Vector<int>.Count; i++)
            {
                s += v[i];
            }

            return s;
        }
    }

    /// <summary>Fits the AGGD to the accumulated statistics of <paramref name="total"/> values (zeros included).</summary>
    /// <returns>Left σ, right σ and shape γ (γ is the last grid value, ≈10, when the ratio is NaN).</returns>
    public static (double LSigma, double RSigma, double Gamma) Fit(in Stats s, long total)
    {
        double lsigma = Math.Pow(s.NegSq / s.NegCount, 0.5);
        double rsigma = Math.Pow(s.PosSq / s.PosCount, 0.5);
        double gammahat = lsigma / rsigma;
        double rhat = Math.Pow(s.Abs / total, 2.0) / ((s.NegSq + s.PosSq) / total);
        double rhatnorm = rhat * (Math.Pow(gammahat, 3) + 1) * (gammahat + 1) / Math.Pow(Math.Pow(gammahat, 2) + 1, 2);

        double prevGamma = 0;
        double prevDiff = 1e10;
        var grid = s_gammaGrid;
        var ratios = s_ratioTable;
        for (int i = 0; i < grid.Length; i++)
        {
            double diff = Math.Abs(ratios[i] - rhatnorm);
            if (diff > prevDiff)
            {
                break;
            }

            prevDiff = diff;
            prevGamma = grid[i];
        }

        return (lsigma, rsigma, prevGamma);
    }

    /// <summary>The AGGD mean parameter (σr − σl)·Γ(2/γ)/Γ(1/γ)·√Γ(1/γ)/√Γ(3/γ).</summary>
    public static double MeanParam(double lsigma, double rsigma, double gamma)
    {
        double g1 = GammaFunction.Gamma(1 / gamma);
        double g2 = GammaFunction.Gamma(2 / gamma);
        double g3 = GammaFunction.Gamma(3 / gamma);
        double constant = Math.Sqrt(g1) / Math.Sqrt(g3);
        return (rsigma - lsigma) * (g2 / g1) * constant;
    }

    private static double[] BuildGrid()
    {
        var grid = new List<double>(9800);
        for (double gam = 0.2; gam < 10; gam += 0.001)
        {
            grid.Add(gam);
        }

        return grid.ToArray();
    }

    private static double[] BuildRatios(double[] grid)
    {
        var r = new double[grid.Length];
        for (int i = 0; i < grid.Length; i++)
        {
            double gam = grid[i];
            double g2 = GammaFunction.Gamma(2 / gam);
            r[i] = g2 * g2 / (GammaFunction.Gamma(1 / gam) * GammaFunction.Gamma(3 / gam));
        }

        return r;
    }
}
