using System.Numerics;
using DataGate.Core.Metrics;

namespace DataGate.Core.Tests.Metrics;

public class FftTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(17)]
    [InlineData(40)]
    [InlineData(120)]
    [InlineData(200)]
    [InlineData(211)]
    [InlineData(317)]
    [InlineData(768)]
    [InlineData(1000)]
    public void Should_MatchNaiveDft_When_ColumnsAreTransformedInABatch(int n)
    {
        const int columns = 3;
        int stride = FftPlan.PadStride(columns);
        var rng = new Random(n);
        var re = new double[n * stride];
        var im = new double[n * stride];
        for (int i = 0; i < re.Length; i++)
        {
            re[i] = (rng.NextDouble() * 255) - 100;
            im[i] = rng.NextDouble() * 50;
        }

        var input = (Re: (double[])re.Clone(), Im: (double[])im.Clone());
        var plan = FftPlan.For(n);
        var sr = new double[plan.ScratchSize(stride)];
        var si = new double[plan.ScratchSize(stride)];
        plan.Forward(re, im, stride, sr, si);

        double worst = 0, scale = 0;
        for (int c = 0; c < columns; c++)
        {
            for (int k = 0; k < n; k++)
            {
                var sum = Complex.Zero;
                for (int t = 0; t < n; t++)
                {
                    double angle = -2 * Math.PI * ((long)k * t % n) / n;
                    sum += new Complex(input.Re[(t * stride) + c], input.Im[(t * stride) + c]) * Complex.FromPolarCoordinates(1, angle);
                }

                worst = Math.Max(worst, (sum - new Complex(re[(k * stride) + c], im[(k * stride) + c])).Magnitude);
                scale = Math.Max(scale, sum.Magnitude);
            }
        }

        Assert.True(worst <= 1e-11 * scale, $"n={n}: max error {worst} vs max magnitude {scale}");
    }

    [Theory]
    [InlineData(130, 125)]
    [InlineData(121, 160)]
    [InlineData(150, 90)]
    [InlineData(60, 140)]
    public void Should_MatchDirectRecipe_When_FftBlurIsComputed(int width, int height)
    {
        var rng = new Random(width * 1000 + height);
        var gray = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                gray[(y * width) + x] = (byte)Math.Clamp((x * 255 / width) + rng.Next(-40, 40), 0, 255);
            }
        }

        double expected = DirectRecipe(gray, width, height);
        double actual = FftBlur.Compute(gray, width, height, MetricsWorkspace.Current);

        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void Should_ReturnNegativeInfinity_When_BothSidesAreAtMost120()
    {
        var gray = new byte[100 * 120];
        new Random(1).NextBytes(gray);
        Assert.Equal(double.NegativeInfinity, FftBlur.Compute(gray, 100, 120, MetricsWorkspace.Current));
    }

    // fft2 → zero the centred 120×120 square (clipped to the image) → ifft2 → mean(20·ln|recon|), by naive DFTs.
    private static double DirectRecipe(byte[] gray, int w, int h)
    {
        var f = new Complex[h, w];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                f[y, x] = gray[(y * w) + x];
            }
        }

        f = Dft(f, h, w, -1);
        for (int ky = 0; ky < h; ky++)
        {
            for (int kx = 0; kx < w; kx++)
            {
                if (InSquare(ky, h) && InSquare(kx, w))
                {
                    f[ky, kx] = Complex.Zero;
                }
            }
        }

        f = Dft(f, h, w, +1);
        double sum = 0;
        foreach (var v in f)
        {
            sum += 20 * Math.Log((v / (w * h)).Magnitude);
        }

        return sum / (w * h);
    }

    // Shifted index s = (k + n/2) mod n lies in [n/2 − 60, n/2 + 60) ∩ [0, n).
    private static bool InSquare(int k, int n)
    {
        int s = (k + (n / 2)) % n;
        return s >= Math.Max(0, (n / 2) - 60) && s < Math.Min(n, (n / 2) + 60);
    }

    private static Complex[,] Dft(Complex[,] a, int h, int w, int sign)
    {
        var rows = new Complex[h, w];
        for (int y = 0; y < h; y++)
        {
            for (int k = 0; k < w; k++)
            {
                var s = Complex.Zero;
                for (int x = 0; x < w; x++)
                {
                    s += a[y, x] * Complex.FromPolarCoordinates(1, sign * 2 * Math.PI * ((long)k * x % w) / w);
                }

                rows[y, k] = s;
            }
        }

        var result = new Complex[h, w];
        for (int x = 0; x < w; x++)
        {
            for (int k = 0; k < h; k++)
            {
                var s = Complex.Zero;
                for (int y = 0; y < h; y++)
                {
                    s += rows[y, x] * Complex.FromPolarCoordinates(1, sign * 2 * Math.PI * ((long)k * y % h) / h);
                }

                result[k, x] = s;
            }
        }

        return result;
    }
}
