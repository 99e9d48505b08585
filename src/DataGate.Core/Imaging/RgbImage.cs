namespace DataGate.Core.Imaging;

/// <summary>
/// A decoded image as 8-bit RGB, interleaved, row-major (R, G, B of pixel (0,0), then (1,0), ...).
/// This is the one buffer every metric and hash is computed from; it matches what Pillow's
/// <c>Image.open(...).convert("RGB")</c> gives (alpha dropped without compositing, 16-bit clipped).
/// </summary>
internal sealed class RgbImage
{
    /// <summary>Creates an image over an existing pixel buffer.</summary>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <param name="pixels">Interleaved RGB bytes; length must be <c>width * height * 3</c>.</param>
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != checked(width * height * 3))
        {
            throw new ArgumentException($"Expected {width * height * 3} bytes for {width}x{height} RGB, got {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Interleaved RGB bytes, <c>Width * Height * 3</c> long.</summary>
    public byte[] Pixels { get; }

    /// <summary>Number of pixels (<c>Width * Height</c>).</summary>
    public int PixelCount => Width * Height;

    /// <summary>One row of interleaved RGB bytes.</summary>
    /// <param name="y">Row index, 0 ≤ y &lt; Height.</param>
    public ReadOnlySpan<byte> Row(int y) => Pixels.AsSpan(y * Width * 3, Width * 3);
}
