using DataGate.Core.Quality.Brisque;
using DataGate.Core.Statistics;

namespace DataGate.Core.Metrics.Eda;

/// <summary>
/// The BRISQUE score of the PyPI <c>brisque</c> package, which the UTKFace EDA notebook used (not OpenCV's quality
/// module, which <c>brisque</c> follows): skimage <c>rgb2gray</c>; MSCN with a normalised 7×7 Gaussian (σ 7/6) by
/// scipy's zero-padded <c>convolve2d(..., 'same')</c> and √|μ² − E[x²]| + 1/255; an AGGD fit of the MSCN and of its
/// four pair products (α by root-finding, σl/σr from the negative/non-negative values); the same at half size
/// (<c>cv2.resize</c> INTER_CUBIC of the float gray); features scaled to [−1, 1]; libsvm ε-SVR. Unclamped; NaN for a
/// constant image. Hand-written step by step in the reference's own order of operations, because the score must
/// equal the package's (1e-6) and on flat areas the sign of round-off decides which values count as negative.
/// </summary>
internal static class PackageBrisque
{
    private const int KernelSize = 7;
    private const double Sigma = 7.0 / 6.0;
    private const double C = 1.0 / 255;
    private static readonly double[] s_kernel = BuildKernel();

    /// <summary>Score of a 3-channel image.</summary>
    /// <param name="rgb">Interleaved R, G, B bytes.</param>
    /// <param name="width">Width.</param>
    /// <param name="height">Height.</param>
    /// <param name="model">The package model.</param>
    public static double Score(ReadOnlySpan<byte> rgb, int width, int height, PackageBrisqueModel model)
    {
        Span<double> features = stackalloc double[PackageBrisqueModel.FeatureCount];
        Features(rgb, width, height, features);
        Span<double> scaled = stackalloc double[PackageBrisqueModel.FeatureCount];
        model.Scale(features, scaled);
        foreach (var f in scaled)
        {
            if (double.IsNaN(f))
            {
                return double.NaN;
            }
        }

        return model.Predict(scaled);
    }

    /// <summary>The 36 features before scaling: per scale [α, (σl²+σr²)/2, then H, V, D1, D2: α, mean, σl², σr²].</summary>
    public static void Features(ReadOnlySpan<byte> rgb, int width, int height, Span<double> features)
    {
        var gray = RgbToGray(rgb, width * height);
        ScaleFeatures(gray, width, height, features[..18]);
        int hw = (int)(width * 0.5), hh = (int)(height * 0.5);
        var half = new double[hw * hh];
        OpenCvCubicResize64.Resize(gray, width, height, half, hw, hh);
        ScaleFeatures(half, hw, hh, features[18..]);
    }

    /// <summary>
    /// skimage 0.19 <c>rgb2gray</c>: <c>img_as_float</c> (x · (1/255)) then <c>rgb @ [0.2125, 0.7154, 0.0721]</c>.
    /// </summary>
    internal static double[] RgbToGray(ReadOnlySpan<byte> rgb, int count)
    {
        const double inv = 1.0 / 255;
        var gray = new double[count];
        for (int i = 0, j = 0; i < count; i++, j += 3)
        {
            gray[i] = (rgb[j] * inv * 0.2125) + (rgb[j + 1] * inv * 0.7154) + (rgb[j + 2] * inv * 0.0721);
        }

        return gray;
    }

    private static double[] BuildKernel()
    {
        // gaussian_kernel2d(7, 7/6): 1/(2π σ²) · exp(−(X² + Y²)/(2σ²)), X, Y = −3..3, then divided by its sum.
        var k = new double[KernelSize * KernelSize];
        double scale = 1 / (2 * Math.PI * (Sigma * Sigma));
        double den = 2 * (Sigma * Sigma);
        for (int y = 0; y < KernelSize; y++)
        {
            for (int x = 0; x < KernelSize; x++)
            {
                int dx = x - (KernelSize / 2), dy = y - (KernelSize / 2);
                k[(y * KernelSize) + x] = scale * Math.Exp(-((dx * dx) + (dy * dy)) / den);
            }
        }

        double sum = PairwiseSum.Sum(k);
        for (int i = 0; i < k.Length; i++)
        {
            k[i] /= sum;
        }

        return k;
    }

    /// <summary>
    /// scipy.signal <c>convolve2d(image, kernel, 'same')</c>, zero fill: out[m, n] = Σⱼ Σₖ h[j, k] · in[m + 3 − j, n + 3 − k],
    /// j and k ascending, out-of-range inputs contributing 0 (scipy's <c>_correlate2d</c> loop order).
    /// </summary>
    internal static double[] Convolve(ReadOnlySpan<double> image, int width, int height)
    {
        var k = s_kernel;
        var result = new double[width * height];
        const int half = (KernelSize - 1) >> 1;
        for (int m = 0; m < height; m++)
        {
            for (int n = 0; n < width; n++)
            {
                double sum = 0;
                for (int j = 0; j < KernelSize; j++)
                {
                    int r = m + half - j;
                    if (r < 0 || r >= height)
                    {
                        continue;
                    }

                    var row = image.Slice(r * width, width);
                    for (int kk = 0; kk < KernelSize; kk++)
                    {
                        int c = n + half - kk;
                        if (c >= 0 && c < width)
                        {
                            sum += k[(j * KernelSize) + kk] * row[c];
                        }
                    }
                }

                result[(m * width) + n] = sum;
            }
        }

        return result;
    }

    /// <summary>
    /// How many MSCN coefficients (both scales) are pure round-off: non-zero but below 1e-9 in magnitude, where the
    /// image equals its local mean mathematically (flat or linear areas) and the order of floating-point operations,
    /// not the image, decides their sign, which moves a value between σl and σr and the score by up to about 1 %.
    /// </summary>
    internal static int RoundOffCoefficients(ReadOnlySpan<byte> rgb, int width, int height)
    {
        var gray = RgbToGray(rgb, width * height);
        int hw = (int)(width * 0.5), hh = (int)(height * 0.5);
        var half = new double[hw * hh];
        OpenCvCubicResize64.Resize(gray, width, height, half, hw, hh);
        int count = 0;
        foreach (var v in Mscn(gray, width, height))
        {
            count += v != 0 && Math.Abs(v) < 1e-9 ? 1 : 0;
        }

        foreach (var v in Mscn(half, hw, hh))
        {
            count += v != 0 && Math.Abs(v) < 1e-9 ? 1 : 0;
        }

        return count;
    }

    private static double[] Mscn(double[] image, int width, int height)
    {
        var mu = Convolve(image, width, height);
        var squares = new double[image.Length];
        for (int i = 0; i < image.Length; i++)
        {
            squares[i] = image[i] * image[i];
        }

        var ex2 = Convolve(squares, width, height);
        var mscn = new double[image.Length];
        for (int i = 0; i < image.Length; i++)
        {
            double sd = Math.Sqrt(Math.Abs((mu[i] * mu[i]) - ex2[i]));
            mscn[i] = (image[i] - mu[i]) / (sd + C);
        }

        return mscn;
    }

    private static void ScaleFeatures(double[] image, int width, int height, Span<double> features)
    {
        var mscn = Mscn(image, width, height);

        var (alpha, _, l, r) = AggdFit(mscn);
        features[0] = alpha;
        features[1] = ((l * l) + (r * r)) / 2;
        var products = new double[(width - 1) * height];
        int f = 2;

        // Horizontal m[:, :-1]·m[:, 1:], vertical m[:-1, :]·m[1:, :], main diagonal m[:-1, :-1]·m[1:, 1:],
        // secondary diagonal m[1:, :-1]·m[:-1, 1:]; each row-major like numpy's result.
        for (int kind = 0; kind < 4; kind++)
        {
            int count = 0;
            int rows = kind == 0 ? height : height - 1, cols = kind == 1 ? width : width - 1;
            for (int y = 0; y < rows; y++)
            {
                for (int x = 0; x < cols; x++)
                {
                    products[count++] = kind switch
                    {
                        0 => mscn[(y * width) + x] * mscn[(y * width) + x + 1],
                        1 => mscn[(y * width) + x] * mscn[((y + 1) * width) + x],
                        2 => mscn[(y * width) + x] * mscn[((y + 1) * width) + x + 1],
                        _ => mscn[((y + 1) * width) + x] * mscn[(y * width) + x + 1],
                    };
                }
            }

            var (a, mean, sl, sr) = AggdFit(products.AsSpan(0, count));
            features[f++] = a;
            features[f++] = mean;
            features[f++] = sl * sl;
            features[f++] = sr * sr;
        }
    }

    /// <summary>
    /// The package's <c>asymmetric_generalized_gaussian_fit</c>: r̂ = (mean|x|)² / mean(x²), γ = σl/σr,
    /// R̂ = r̂ (γ³ + 1)(γ + 1) / (γ² + 1)², α the root of Γ(2/α)² / (Γ(1/α) Γ(3/α)) = R̂, σl/σr the root mean squares
    /// of the negative / non-negative values, mean = (σr − σl) √(Γ(1/α)/Γ(3/α)) · Γ(2/α)/Γ(1/α).
    /// </summary>
    internal static (double Alpha, double Mean, double SigmaLeft, double SigmaRight) AggdFit(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        var buffer = new double[n];
        for (int i = 0; i < n; i++)
        {
            buffer[i] = Math.Abs(x[i]);
        }

        double absMean = PairwiseSum.Sum(buffer) / n;
        for (int i = 0; i < n; i++)
        {
            buffer[i] = x[i] * x[i];
        }

        double sqMean = PairwiseSum.Sum(buffer) / n;
        double rHat = absMean * absMean / sqMean;
        double left = MeanSquares(x, negative: true, buffer);
        double right = MeanSquares(x, negative: false, buffer);
        double gamma = Math.Sqrt(left) / Math.Sqrt(right);
        double numerator = (Math.Pow(gamma, 3) + 1) * (gamma + 1);
        double g2 = (gamma * gamma) + 1;
        double capitalR = rHat * numerator / (g2 * g2);
        double alpha = SolveAlpha(capitalR);
        double sl = Math.Sqrt(left), sr = Math.Sqrt(right);
        double g1 = GammaFunction.Gamma(1 / alpha);
        double constant = Math.Sqrt(g1 / GammaFunction.Gamma(3 / alpha));
        double mean = (sr - sl) * constant * (GammaFunction.Gamma(2 / alpha) / g1);
        return (alpha, mean, sl, sr);
    }

    private static double MeanSquares(ReadOnlySpan<double> x, bool negative, double[] buffer)
    {
        int count = 0;
        foreach (var v in x)
        {
            if (negative ? v < 0 : v >= 0)
            {
                buffer[count++] = v * v;
            }
        }

        return PairwiseSum.Sum(buffer.AsSpan(0, count)) / count;
    }

    private static double Phi(double alpha)
    {
        double g2 = GammaFunction.Gamma(2 / alpha);
        return g2 * g2 / (GammaFunction.Gamma(1 / alpha) * GammaFunction.Gamma(3 / alpha));
    }

    /// <summary>
    /// The α with Φ(α) = R̂ (the package asks scipy's <c>optimize.root</c> from 0.2; Φ increases monotonically from 0
    /// to 3/4, so the root is unique and any accurate root finder gives it): bisection on a bracket, then to full
    /// precision. NaN when R̂ is NaN or outside Φ's range.
    /// </summary>
    internal static double SolveAlpha(double target)
    {
        if (double.IsNaN(target))
        {
            return double.NaN;
        }

        // Φ overflows below α ≈ 0.012 (Γ(3/α)); 0.02 .. 1000 spans every value real images give.
        double lo = 0.02, hi = 1000;
        double flo = Phi(lo) - target, fhi = Phi(hi) - target;
        if (flo > 0 || fhi < 0)
        {
            return double.NaN;
        }

        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            double fm = Phi(mid) - target;
            if (fm == 0)
            {
                return mid;
            }

            if (fm < 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }
}
