using DataGate.Core.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Core.Tests.Sharding;

/// <summary>
/// A generated labelled dataset for the shard tests: noise images named <c>age_gender_race_n.png</c>, exact copies and
/// brightened near copies under names that sort into other shards (so duplicate groups span shards), a corrupt file
/// and an empty one.
/// </summary>
internal sealed class ShardDataset : IDisposable
{
    public ShardDataset(int images = 48)
    {
        Root = Path.Combine(Path.GetTempPath(), "dg-shard-" + Guid.NewGuid().ToString("N"));
        Images = Path.Combine(Root, "images");
        Directory.CreateDirectory(Images);
        var rng = new Random(16);
        for (int i = 0; i < images; i++)
        {
            string name = $"{rng.Next(1, 95)}_{rng.Next(0, 2)}_{rng.Next(0, 5)}_{i:D4}.png";
            Save(name, GeneratedImages.Noise(40 + (i % 3 * 8), 48, i), 0);
            if (i % 7 == 0)
            {
                File.Copy(Path.Combine(Images, name), Path.Combine(Images, $"99_{i % 2}_1_copy{i:D4}.png")); // exact copy, sorts last
            }

            if (i % 11 == 0)
            {
                Save($"01_1_2_near{i:D4}.png", GeneratedImages.Noise(40 + (i % 3 * 8), 48, i), 3); // near copy, sorts first
            }
        }

        File.WriteAllBytes(Path.Combine(Images, "50_0_0_corrupt.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        File.WriteAllBytes(Path.Combine(Images, "51_1_0_empty.png"), []);
        // The acceptance script's rule file (percentiles, IQR, exact and near duplicates, label conflicts, balance,
        // splits grouped by duplicate group), one copy for both.
        File.Copy(Path.Combine(Golden.RepoRoot, "build", "scale-out", "datagate.scale.yml"), ConfigPath);
    }

    public string Root { get; }

    public string Images { get; }

    public string ConfigPath => Path.Combine(Root, "datagate.yml");

    public string Dir(string name) => Path.Combine(Root, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Save(string name, Core.Imaging.RgbImage rgb, int brighten)
    {
        using var image = new Image<Rgb24>(rgb.Width, rgb.Height);
        for (int y = 0; y < rgb.Height; y++)
        {
            for (int x = 0; x < rgb.Width; x++)
            {
                int o = ((y * rgb.Width) + x) * 3;
                image[x, y] = new Rgb24(Up(rgb.Pixels[o]), Up(rgb.Pixels[o + 1]), Up(rgb.Pixels[o + 2]));
            }
        }

        image.SaveAsPng(Path.Combine(Images, name));

        byte Up(byte v) => (byte)Math.Min(255, v + brighten);
    }
}
