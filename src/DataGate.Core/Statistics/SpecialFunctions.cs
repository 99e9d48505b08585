namespace DataGate.Core.Statistics;

/// <summary>
/// Gamma-family special functions: log Γ (Lanczos, g = 7, 9 terms, relative error ~1e-15) and the regularised
/// incomplete gamma functions P(a, x) and Q(a, x) = 1 − P (power series for x &lt; a + 1, Lentz continued fraction
/// otherwise, each converged to double precision).
/// </summary>
internal static class SpecialFunctions
{
    private const double Epsilon = 2.220446049250313e-16; // machine epsilon of double
    private const double TinyFloat = 1e-300;
    private const int MaxIterations = 10_000;
    private const double LanczosG = 7.0;

    private static readonly double[] s_lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln |Γ(x)| for x &gt; 0 (reflection is used below 0.5). +∞ at x = 0; NaN for NaN.</summary>
    public static double LogGamma(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x <= 0 && x == Math.Floor(x))
        {
            return double.PositiveInfinity;
        }

        if (x < 0.5)
        {
            // Γ(x)Γ(1−x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1.0 - x);
        }

        double z = x - 1.0;
        double sum = s_lanczos[0];
        for (int i = 1; i < s_lanczos.Length; i++)
        {
            sum += s_lanczos[i] / (z + i);
        }

        double t = z + LanczosG + 0.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((z + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>Regularised lower incomplete gamma P(a, x) = γ(a, x)/Γ(a), in [0, 1].</summary>
    /// <param name="a">Shape, &gt; 0.</param>
    /// <param name="x">Upper limit, ≥ 0 (+∞ allowed).</param>
    /// <returns>P(a, x); NaN when an argument is NaN or out of range.</returns>
    public static double RegularizedGammaP(double a, double x)
    {
        if (!(a > 0) || !(x >= 0))
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return 0.0;
        }

        return x < a + 1 ? LowerSeries(a, x) : 1.0 - UpperFraction(a, x);
    }

    /// <summary>Regularised upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x), in [0, 1], accurate in the tail.</summary>
    /// <param name="a">Shape, &gt; 0.</param>
    /// <param name="x">Lower limit, ≥ 0 (+∞ allowed).</param>
    /// <returns>Q(a, x); NaN when an argument is NaN or out of range.</returns>
    public static double RegularizedGammaQ(double a, double x)
    {
        if (!(a > 0) || !(x >= 0))
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return 1.0;
        }

        return x < a + 1 ? 1.0 - LowerSeries(a, x) : UpperFraction(a, x);
    }

    /// <summary>Survival function of the χ² distribution, P(X ≥ x) = Q(k/2, x/2) (scipy <c>chi2.sf</c>).</summary>
    /// <param name="x">Statistic value; values ≤ 0 give 1, +∞ gives 0.</param>
    /// <param name="degreesOfFreedom">k &gt; 0.</param>
    /// <returns>The upper-tail probability in [0, 1]; NaN for NaN or k ≤ 0.</returns>
    public static double ChiSquareSurvival(double x, double degreesOfFreedom)
    {
        if (double.IsNaN(x) || !(degreesOfFreedom > 0))
        {
            return double.NaN;
        }

        return x <= 0 ? 1.0 : RegularizedGammaQ(degreesOfFreedom / 2.0, x / 2.0);
    }

    private static double Prefactor(double a, double x) => Math.Exp((a * Math.Log(x)) - x - LogGamma(a));

    // Σ x^n / (a (a+1) … (a+n)), times x^a e^-x / Γ(a).
    private static double LowerSeries(double a, double x)
    {
        double ap = a;
        double term = 1.0 / a;
        double sum = term;
        for (int n = 0; n < MaxIterations; n++)
        {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }

        return Math.Min(1.0, sum * Prefactor(a, x));
    }

    // Continued fraction 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))), modified Lentz, times x^a e^-x / Γ(a).
    private static double UpperFraction(double a, double x)
    {
        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }

        double b = x + 1.0 - a;
        double c = 1.0 / TinyFloat;
        double d = 1.0 / b;
        double h = d;
        for (int i = 1; i < MaxIterations; i++)
        {
            double an = -i * (i - a);
            b += 2.0;
            d = (an * d) + b;
            if (Math.Abs(d) < TinyFloat)
            {
                d = TinyFloat;
            }

            c = b + (an / c);
            if (Math.Abs(c) < TinyFloat)
            {
                c = TinyFloat;
            }

            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < Epsilon)
            {
                break;
            }
        }

        return Math.Min(1.0, Prefactor(a, x) * h);
    }
}
