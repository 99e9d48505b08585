namespace DataGate.Core.Quality.Brisque;

/// <summary>
/// The Euler gamma function Γ(x) for real x (the C library's <c>tgamma</c>), by the Lanczos approximation
/// (g = 7, 9 coefficients; relative error about 1e−15) with the reflection formula below 0.5.
/// </summary>
internal static class GammaFunction
{
    private const double G = 7;

    private static readonly double[] s_coefficients =
    [
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>Γ(x). Valid for any real x except 0 and negative integers (which give ±∞ or NaN).</summary>
    public static double Gamma(double x)
    {
        if (x < 0.5)
        {
            return Math.PI / (Math.Sin(Math.PI * x) * Gamma(1 - x));
        }

        x -= 1;
        double a = s_coefficients[0];
        double t = x + G + 0.5;
        for (int i = 1; i < s_coefficients.Length; i++)
        {
            a += s_coefficients[i] / (x + i);
        }

        return Math.Sqrt(2 * Math.PI) * Math.Pow(t, x + 0.5) * Math.Exp(-t) * a;
    }
}
