namespace DataGate.ExampleGenerator;

/// <summary>Tiles the first decodable images of a folder into one PNG for a quick visual check.</summary>
internal static class ContactSheet
{
    /// <summary>
    /// Writes a PNG of <paramref name="columns"/>×<paramref name="rows"/> tiles of <paramref name="tile"/> pixels,
    /// taking images in ordinal name order starting at index <paramref name="skip"/>.
    /// </summary>
    public static void Write(string folder, string pngPath, int skip, int columns = 8, int rows = 4, int tile = 100)
    {
        var sheet = new Canvas(columns * tile, rows * tile);
        int slot = 0;
        foreach (string path in Directory.GetFiles(folder, "*.chip.*").Order(StringComparer.Ordinal).Skip(skip))
        {
            if (slot == columns * rows)
            {
                break;
            }

            Canvas image;
            try
            {
                image = Codec.Decode(File.ReadAllBytes(path));
            }
            catch (Exception)
            {
                continue;
            }

            Canvas small = ImageOps.CropResize(image, 0, 0, image.Width, image.Height, tile, tile);
            int ox = slot % columns * tile;
            int oy = slot / columns * tile;
            for (int y = 0; y < tile; y++)
            {
                Array.Copy(small.Pixels, y * tile * 3, sheet.Pixels, (((oy + y) * sheet.Width) + ox) * 3, tile * 3);
            }

            slot++;
        }

        File.WriteAllBytes(pngPath, Codec.Png(sheet));
    }
}
