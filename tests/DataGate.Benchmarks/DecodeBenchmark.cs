using System.Diagnostics;
using DataGate.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Benchmarks;

/// <summary>
/// JPEG decode alone (identify, container walk, decode into RGB) for each engine, one thread, on N generated
/// 200×200 JPEGs held in memory. The engines take turns round by round, so load from other processes hits both
/// alike; the best round of each is reported. Usage: <c>decode [N=1000] [rounds=5]</c>.
/// </summary>
internal sealed class DecodeBenchmark : IBenchmark
{
    public string Name => "decode";

    public string Description => "JPEG decode images/s per engine (identify + container walk + decode), one thread, engines interleaved; 'coverage DIR': which JPEGs take the managed fast path";

    public void Run(string[] args, TextWriter output)
    {
        if (args is ["coverage", var folder, ..])
        {
            Coverage(folder, output);
            return;
        }

        int n = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var files = new List<byte[]>(n);
        var rng = new Random(1);
        for (int i = 0; i < n; i++)
        {
            var px = new byte[200 * 200 * 3];
            for (int y = 0; y < 200; y++)
            {
                for (int x = 0; x < 200; x++)
                {
                    int o = ((y * 200) + x) * 3;
                    for (int c = 0; c < 3; c++)
                    {
                        px[o + c] = (byte)Math.Clamp((int)((90 * Math.Sin((x + (c * 11) + i) / 17.0) * Math.Cos(y / 23.0)) + 128 + rng.Next(-20, 21)), 0, 255);
                    }
                }
            }

            using var image = Image.LoadPixelData<Rgb24>(px, 200, 200);
            using var stream = new MemoryStream();
            image.SaveAsJpeg(stream, new JpegEncoder { Quality = 90, ColorType = JpegColorType.YCbCrRatio420 });
            files.Add(stream.ToArray());
        }

        var engines = new[] { DecodeEngine.ImageSharp, DecodeEngine.LibJpegTurbo };
        var best = engines.ToDictionary(e => e, _ => 0.0);
        var buffer = new byte[200 * 200 * 3];
        foreach (var engine in engines)
        {
            Decode(new SafeImageDecoder(new DecodeOptions { Engine = engine }), files.Take(50), buffer); // warm-up (JIT, native load)
        }

        for (int r = 0; r < rounds; r++)
        {
            foreach (var engine in r % 2 == 0 ? engines : engines.Reverse())
            {
                var decoder = new SafeImageDecoder(new DecodeOptions { Engine = engine });
                var sw = Stopwatch.StartNew();
                Decode(decoder, files, buffer);
                best[engine] = Math.Max(best[engine], n / sw.Elapsed.TotalSeconds);
            }
        }

        output.WriteLine($"{n} JPEGs 200x200 q90 4:2:0, {rounds} rounds, one thread; load average at the end {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var engine in engines)
        {
            output.WriteLine($"{DecodeEngineNames.NameOf(engine),-14} {best[engine],8:F0} images/s (best round)");
        }

        // The native decode alone (no identify, no container walk): what the engine itself costs.
        var rawBest = 0.0;
        for (int r = 0; r < rounds; r++)
        {
            var sw = Stopwatch.StartNew();
            foreach (var bytes in files)
            {
                SkiaJpegDecoder.Decode(bytes, 200, 200, gray: false, buffer);
            }

            rawBest = Math.Max(rawBest, n / sw.Elapsed.TotalSeconds);
        }

        output.WriteLine($"{"(native alone)",-14} {rawBest,8:F0} images/s: SKCodec decode into the RGB buffer, without the shared safety checks");

        // The managed fast path alone (the same pixels as SKCodec on these files).
        var managedBest = 0.0;
        for (int r = 0; r < rounds; r++)
        {
            var sw = Stopwatch.StartNew();
            foreach (var bytes in files)
            {
                if (BaselineJpegDecoder.TryDecode(bytes, 200, 200, gray: false, buffer) is { } declined)
                {
                    throw new InvalidOperationException(declined);
                }
            }

            managedBest = Math.Max(managedBest, n / sw.Elapsed.TotalSeconds);
        }

        output.WriteLine($"{"(managed alone)",-14} {managedBest,8:F0} images/s: the baseline fast path into the RGB buffer, without the shared safety checks");
        output.WriteLine($"ratio libjpeg-turbo / imagesharp: {best[DecodeEngine.LibJpegTurbo] / best[DecodeEngine.ImageSharp]:F2}");
    }

    // Which JPEGs of a folder the managed fast path takes, and why it declines the others.
    private static void Coverage(string folder, TextWriter output)
    {
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        int taken = 0;
        int total = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(p => p.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)))
        {
            var data = File.ReadAllBytes(path);
            var info = Image.Identify(data);
            if (info is null)
            {
                continue;
            }

            total++;
            bool gray = info.Metadata.GetJpegMetadata().ColorType == JpegColorType.Luminance;
            var declined = BaselineJpegDecoder.TryDecode(data, info.Width, info.Height, gray, new byte[info.Width * info.Height * 3]);
            if (declined is null)
            {
                taken++;
            }
            else
            {
                reasons[declined] = reasons.GetValueOrDefault(declined) + 1;
            }
        }

        output.WriteLine($"{folder}: {taken} of {total} JPEGs take the managed fast path");
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value))
        {
            output.WriteLine($"  declined, {reason}: {count}");
        }
    }

    private static void Decode(SafeImageDecoder decoder, IEnumerable<byte[]> files, byte[] buffer)
    {
        foreach (var bytes in files)
        {
            var result = decoder.Decode(bytes, "b.jpg", _ => buffer);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(result.Error!.ToString());
            }
        }
    }
}
