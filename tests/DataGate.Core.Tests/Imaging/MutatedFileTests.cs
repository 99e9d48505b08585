using DataGate.Core.Analysis;
using DataGate.Core.Imaging;
using DataGate.Core.Scanning;
using DataGate.Core.Tests.Support;
using Xunit.Abstractions;

namespace DataGate.Core.Tests.Imaging;

/// <summary>
/// Hostile input: seeded byte flips, truncations and splices of valid files of every format. ImageSharp 2.1.13 throws
/// several exception types on such files, libjpeg-turbo reports errors through Skia; the analyser must turn every
/// one into a record, never an exception or a crash. Every file goes through both decode engines.
/// </summary>
public sealed class MutatedFileTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-mutate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, DecodeEngine> Sources()
    {
        string[] files =
        [
            "synthetic/variants/b00_q95.jpg", "synthetic/variants/b00_progressive.jpg", "synthetic/variants/b00_cmyk.jpg",
"synthetic/variants/b00_rgba.png", "synthetic/variants/b00_palette.png",
            "synthetic/variants/b00.bmp", "synthetic/variants/b00.webp", "synthetic/variants/b00_q75.webp", "synthetic/edge/anim.gif",
        ];
        var data = new TheoryData<string, DecodeEngine>();
        foreach (var engine in new[] { DecodeEngine.ImageSharp, DecodeEngine.LibJpegTurbo })
        {
            foreach (var file in files.Where(f => File.Exists(Golden.Image(f))))
            {
                data.Add(file, engine);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Should_ContainEveryFailure_When_FileIsMutated(string source, DecodeEngine engine)
    {
        var original = File.ReadAllBytes(Golden.Image(source));
        var rng = new Random(source.Length * 7919);
        var analyzer = new ImageMeasurer(new DecodeOptions { Engine = engine });
        var codes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int failed = 0;
        for (int i = 0; i < 60; i++)
        {
            var bytes = (byte[])original.Clone();
            switch (i % 4)
            {
                case 0:
                    for (int k = 0; k < 1 + rng.Next(8); k++)
                    {
                        bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
                    }

                    break;
                case 1:
                    bytes = bytes.AsSpan(0, rng.Next(1, bytes.Length)).ToArray();
                    break;
                case 2:
                    // Flip bytes inside the first 64 bytes: headers, dimensions, chunk lengths.
                    for (int k = 0; k < 3; k++)
                    {
                        bytes[rng.Next(Math.Min(64, bytes.Length))] ^= (byte)(1 << rng.Next(8));
                    }

                    break;
                default:
                    int at = rng.Next(bytes.Length);
                    int len = Math.Min(rng.Next(1, 512), bytes.Length - at);
                    rng.NextBytes(bytes.AsSpan(at, len));
                    break;
            }

            var path = Path.Combine(_dir, $"m{i}{Path.GetExtension(source)}");
            File.WriteAllBytes(path, bytes);
            var record = analyzer.Measure(new ScannedFile(Path.GetFileName(path), path));
            if (record.Error is not null)
            {
                failed++;
                codes[record.Error.Code] = codes.GetValueOrDefault(record.Error.Code) + 1;
                Assert.Matches("^DG3[0-9]{3}$", record.Error.Code);
                Assert.Equal(Path.GetFileName(path), record.Error.ImagePath);
            }
            else
            {
                Assert.True(record.Values[MetricCatalog.Width.Index] > 0);
            }
        }

        output.WriteLine($"{source} via {DecodeEngineNames.NameOf(engine)}: {failed}/60 reported ({string.Join(", ", codes.Select(c => $"{c.Key}: {c.Value}"))})");
        Assert.True(failed > 0, "no mutation was detected at all");
    }
}
