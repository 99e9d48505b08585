namespace DataGate.ExampleGenerator;

/// <summary>An 8-bit RGB raster: interleaved R,G,B bytes, row-major, no padding.</summary>
internal sealed class Canvas
{
    /// <summary>Creates a black canvas.</summary>
    public Canvas(int width, int height)
    {
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 3];
    }

    /// <summary>Wraps existing interleaved RGB bytes (length must be width*height*3).</summary>
    public Canvas(int width, int height, byte[] pixels)
    {
        if (pixels.Length != width * height * 3)
        {
            throw new ArgumentException("Pixel buffer length does not match the size.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels (≥ 1).</summary>
    public int Width { get; }

    /// <summary>Height in pixels (≥ 1).</summary>
    public int Height { get; }

    /// <summary>Interleaved RGB bytes, row-major.</summary>
    public byte[] Pixels { get; }

    /// <summary>A deep copy.</summary>
    public Canvas Clone()
    {
        return new Canvas(Width, Height, (byte[])Pixels.Clone());
    }

    /// <summary>Rounds and clamps a channel value to 0..255.</summary>
    public static byte ToByte(double value)
    {
        if (value <= 0)
        {
            return 0;
        }

        return value >= 255 ? (byte)255 : (byte)Math.Round(value, MidpointRounding.AwayFromZero);
    }

    /// <summary>Mean Rec.601 luma (0..255) over all pixels.</summary>
    public double MeanLuma()
    {
        double sum = 0;
        byte[] p = Pixels;
        for (int i = 0; i < p.Length; i += 3)
        {
            sum += (0.299 * p[i]) + (0.587 * p[i + 1]) + (0.114 * p[i + 2]);
        }

        return sum / (Width * Height);
    }
}
