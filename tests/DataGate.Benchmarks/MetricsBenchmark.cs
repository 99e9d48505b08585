using System.Diagnostics;
using DataGate.Core.Imaging;
using DataGate.Core.Metrics;

namespace DataGate.Benchmarks;

/// <summary>Cost of <see cref="QualityMetricsCalculator.Compute(RgbImage)"/> per 200×200 generated image on one thread.</summary>
internal sealed class MetricsBenchmark : IBenchmark
{
    public string Name => "metrics";

    public string Description => "QualityMetricsCalculator.Compute per 200x200 image, one thread (args: [count] [size])";

    public void Run(string[] args, TextWriter output)
    {
        int count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        int size = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var images = new RgbImage[16];
        var rng = new Random(42);
        for (int i = 0; i < images.Length; i++)
        {
            images[i] = Generate(size, size, rng);
        }

        // Warm-up (JIT tiers, plans, buffers).
        for (int i = 0; i < 300; i++)
        {
            QualityMetricsCalculator.Compute(images[i % images.Length]);
        }

        double checksum = 0;
        long alloc0 = GC.GetAllocatedBytesForCurrentThread();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            checksum += QualityMetricsCalculator.Compute(images[i % images.Length]).LaplacianVariance;
        }

        sw.Stop();
        long allocPerImage = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / count;
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / count;
        double perImageMs = sw.Elapsed.TotalMilliseconds / count;
        output.WriteLine($"metrics: {count} images {size}x{size}: {perImageMs:F3} ms/image wall, {cpuMs:F3} ms/image CPU, {1000 / perImageMs:F0} images/s on one thread (checksum {checksum:F1}), {allocPerImage} bytes allocated/image");
        Breakdown(images[0], output);
    }

    private static void Breakdown(RgbImage image, TextWriter output)
    {
        const int reps = 500;
        var ws = MetricsWorkspace.Current;
        var gray = new byte[image.PixelCount];
        for (int i = 0, j = 0; i < gray.Length; i++, j += 3)
        {
            gray[i] = (byte)OpenCvGray.Level(image.Pixels[j], image.Pixels[j + 1], image.Pixels[j + 2]);
        }

        var plan = FftPlan.For(200);
        var fr = new double[200 * 100];
        var fi = new double[200 * 100];
        var fsr = new double[200 * 100];
        var fsi = new double[200 * 100];
        Time(output, "fft 200 x 100 cols", reps, () => plan.Forward(fr, fi, 100, fsr, fsi));
        Time(output, "fft_blur", reps, () => FftBlur.Compute(gray, image.Width, image.Height, ws));
        Time(output, "cleanvision blur", reps, () => CleanVisionBlur.Compute(image.Pixels, image.Width, image.Height, ws));
        var thumb = new byte[64 * 64 * 3];
        var resizeScratch = new byte[64 * 200 * 3];
        Time(output, "bicubic to 64", reps, () => PillowBicubic.ResizeRgb(image.Pixels, image.Width, image.Height, thumb, 64, 64, resizeScratch, ws));
        Time(output, "skin tone", reps, () => SkinToneEstimator.Compute(image.Pixels, image.Width, image.Height));
        Time(output, "laplacian", reps, () => Laplacian.Variance(gray, image.Width, image.Height));
        var hist = new int[256];
        for (int j = 0; j < image.Pixels.Length; j += 3)
        {
            hist[image.Pixels[j]]++;
        }

        var scanGray = new byte[image.PixelCount];
        var scanKeys = new int[image.PixelCount];
        var h = new int[5][];
        for (int i = 0; i < 4; i++)
        {
            h[i] = new int[256];
        }

        h[4] = new int[4000];
        Time(output, "scan pass", reps, () => QualityMetricsCalculator.Scan(image.Pixels, image.PixelCount, scanGray, scanKeys, h[0], h[1], h[2], h[3], h[4]));
        Time(output, "unique colours", reps, () => UniqueColors.Count(image.Pixels, image.PixelCount, hist, ws));
    }

    // Best of ten batches: the machine may be shared, and the fastest batch is the least disturbed one.
    private static void Time(TextWriter output, string label, int reps, Action action)
    {
        action();
        int batch = Math.Max(1, reps / 10);
        double best = double.MaxValue;
        for (int round = 0; round < 10; round++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < batch; i++)
            {
                action();
            }

            best = Math.Min(best, sw.Elapsed.TotalMilliseconds / batch);
        }

        output.WriteLine($"  {label,-18} {best:F3} ms (best of 10 batches of {batch})");
    }

    // A photo-like image: smooth gradients plus texture and noise (so colour counts and FFT work are realistic).
    private static RgbImage Generate(int width, int height, Random rng)
    {
        var px = new byte[width * height * 3];
        double fx = rng.NextDouble() * 0.2, fy = rng.NextDouble() * 0.2;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int o = ((y * width) + x) * 3;
                double t = (Math.Sin(x * fx) * Math.Cos(y * fy) * 60) + 120;
                px[o] = (byte)Math.Clamp(t + (x * 0.3) + rng.Next(-12, 12), 0, 255);
                px[o + 1] = (byte)Math.Clamp(t + (y * 0.2) + rng.Next(-12, 12), 0, 255);
                px[o + 2] = (byte)Math.Clamp(t - (x * 0.2) + rng.Next(-12, 12), 0, 255);
            }
        }

        return new RgbImage(width, height, px);
    }
}
