using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Cli.Tests;

/// <summary>A temporary dataset folder with generated images and a rule file.</summary>
internal sealed class TestDataset : IDisposable
{
    public TestDataset()
    {
        Root = Directory.CreateTempSubdirectory("dg-cli-").FullName;
        Images = Path.Combine(Root, "images");
        Directory.CreateDirectory(Images);
    }

    public string Root { get; }

    public string Images { get; }

    public string ConfigPath => Path.Combine(Root, "datagate.yml");

    public string Out => Path.Combine(Root, "out");

    /// <summary>Writes a noisy RGB PNG (sharp, colourful) whose noise depends on <paramref name="seed"/>.</summary>
    public void Noise(string name, int seed, int size = 64)
    {
        var rng = new Random(seed);
        using var image = new Image<Rgb24>(size, size);
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                image[x, y] = new Rgb24((byte)rng.Next(256), (byte)rng.Next(256), (byte)rng.Next(256));
            }
        }

        image.SaveAsPng(Path.Combine(Images, name));
    }

    /// <summary>Writes a solid gray PNG (flat, grayscale).</summary>
    public void Flat(string name, byte level, int size = 64)
    {
        using var image = new Image<Rgb24>(size, size, new Rgb24(level, level, level));
        image.SaveAsPng(Path.Combine(Images, name));
    }

    public void Bytes(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(Images, name), bytes);

    public void Config(string body) => File.WriteAllText(ConfigPath, "version: 1\ndataset:\n  root: images\n" + body);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
