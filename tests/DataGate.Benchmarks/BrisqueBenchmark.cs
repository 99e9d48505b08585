using System.Diagnostics;
using DataGate.Core.Imaging;
using DataGate.Core.Quality.Brisque;

namespace DataGate.Benchmarks;

/// <summary>BRISQUE speed on generated 200×200 images: whole score, and the split features vs SVR.</summary>
internal sealed class BrisqueBenchmark : IBenchmark
{
    public string Name => "brisque";

    public string Description => "BRISQUE ms/image on 200x200 generated images (features vs SVR split); args: [count] [size]";

    public void Run(string[] args, TextWriter output)
    {
        int count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 400;
        int size = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var images = Enumerable.Range(0, 16).Select(i => Generate(size, size, i)).ToArray();
        var brisque = new Brisque(BrisqueModel.LoadDefault());

        // Warm-up for at least a second so tiered JIT reaches optimised code (tables, per-thread buffers too).
        double sink = 0;
        var warm = Stopwatch.StartNew();
        var features = new float[images.Length][];
        for (int i = 0; warm.ElapsedMilliseconds < 1000; i++)
        {
            features[i % images.Length] = brisque.Features(images[i % images.Length]);
            sink += brisque.Score(images[i % images.Length]) + brisque.ScoreFeatures(features[i % images.Length]);
        }

        // Best of three rounds: the machine may be shared.
        long alloc0 = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < count; i++)
        {
            sink += brisque.Score(images[i % images.Length]);
        }

        long allocPerImage = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / count;
        double total = double.MaxValue, feat = double.MaxValue, svr = double.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
            {
                sink += brisque.Score(images[i % images.Length]);
            }

            total = Math.Min(total, sw.Elapsed.TotalMilliseconds / count);

            sw.Restart();
            for (int i = 0; i < count; i++)
            {
                features[i % images.Length] = brisque.Features(images[i % images.Length]);
            }

            feat = Math.Min(feat, sw.Elapsed.TotalMilliseconds / count);

            sw.Restart();
            for (int i = 0; i < count; i++)
            {
                sink += brisque.ScoreFeatures(features[i % images.Length]);
            }

            svr = Math.Min(svr, sw.Elapsed.TotalMilliseconds / count);
        }

        output.WriteLine($"brisque {size}x{size}, {count} images, one thread, best of 3 rounds: {total:F3} ms/image (features {feat:F3} ms, SVR {svr:F3} ms)  [checksum {sink:F1}], Score allocates {allocPerImage} bytes/image");
    }

    private static RgbImage Generate(int width, int height, int seed)
    {
        var rng = new Random(seed);
        var px = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int o = ((y * width) + x) * 3;
                for (int c = 0; c < 3; c++)
                {
                    double v = (90 * Math.Sin((x + (c * 5) + seed) / 11.0) * Math.Cos(y / 17.0)) + 128 + rng.Next(-20, 21);
                    px[o + c] = (byte)Math.Clamp((int)v, 0, 255);
                }
            }
        }

        return new RgbImage(width, height, px);
    }
}
