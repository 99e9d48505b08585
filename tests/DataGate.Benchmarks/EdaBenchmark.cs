using System.Diagnostics;
using DataGate.Core.Imaging;
using DataGate.Core.Metrics.Eda;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Benchmarks;

/// <summary>
/// Cost of the opt-in eda family (<see cref="EdaMetrics.Compute"/>) per decoded 200×200 JPEG on one thread, with a
/// breakdown. Usage: <c>eda [count=1000]</c>. The decode is not timed (see <c>gate</c> for the whole run).
/// </summary>
internal sealed class EdaBenchmark : IBenchmark
{
    public string Name => "eda";

    public string Description => "EdaMetrics.Compute per decoded 200x200 JPEG, one thread (args: [count])";

    public void Run(string[] args, TextWriter output)
    {
        int count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        var images = new RgbImage[16];
        var rng = new Random(42);
        var decoder = new SafeImageDecoder();
        for (int i = 0; i < images.Length; i++)
        {
            images[i] = decoder.Decode(Jpeg(rng), $"{i}.jpg", n => new byte[n]).Image!;
        }

        var model = PackageBrisqueModel.Embedded;
        for (int i = 0; i < 50; i++)
        {
            EdaMetrics.Compute(images[i % images.Length], 0, model);
        }

        double checksum = 0;
        long alloc0 = GC.GetAllocatedBytesForCurrentThread();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            var v = EdaMetrics.Compute(images[i % images.Length], 0, model);
            checksum += v.Brisque + v.LaplacianVariance + v.FftBlur;
        }

        sw.Stop();
        double perImage = sw.Elapsed.TotalMilliseconds / count;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / count;
        long alloc = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / count;
        output.WriteLine($"eda: {count} images 200x200: {perImage:F3} ms/image wall, {cpu:F3} ms/image CPU, {1000 / perImage:F0} images/s on one thread (checksum {checksum:F6}), {alloc} bytes allocated/image");

        var small = new byte[100 * 100 * 3];
        var img = images[0];
        Time(output, "INTER_AREA 200->100", 2000, () => OpenCvAreaResize.Resize(img.Pixels, 200, 200, small, 100, 100));
        var gray = new byte[100 * 100];
        Time(output, "fft blur 100x100", 500, () => EdaMetrics.FftBlur(gray));
        Time(output, "package brisque 100x100", 200, () => PackageBrisque.Score(small, 100, 100, model));
    }

    private static void Time(TextWriter output, string what, int reps, Action action)
    {
        action();
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < reps; i++)
        {
            action();
        }

        output.WriteLine($"  {what}: {sw.Elapsed.TotalMilliseconds / reps:F3} ms");
    }

    private static byte[] Jpeg(Random rng)
    {
        using var image = new Image<Rgb24>(200, 200);
        for (int y = 0; y < 200; y++)
        {
            for (int x = 0; x < 200; x++)
            {
                int noise = rng.Next(-20, 21);
                image[x, y] = new Rgb24((byte)Math.Clamp(x + noise, 0, 255), (byte)Math.Clamp(y + noise, 0, 255), (byte)Math.Clamp(128 + noise, 0, 255));
            }
        }

        using var ms = new MemoryStream();
        image.SaveAsJpeg(ms, new JpegEncoder { Quality = 90 });
        return ms.ToArray();
    }
}
