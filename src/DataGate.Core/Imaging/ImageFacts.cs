namespace DataGate.Core.Imaging;

/// <summary>What is known about a file's image before and apart from its pixels.</summary>
public sealed class ImageFacts
{
    /// <summary>Format name as the content says (<c>JPEG</c>, <c>PNG</c>, <c>BMP</c>, <c>GIF</c>, <c>WEBP</c>, <c>PBM</c>, <c>TGA</c>, <c>TIFF</c>).</summary>
    public required string Format { get; init; }

    /// <summary>Width in pixels.</summary>
    public required int Width { get; init; }

    /// <summary>Height in pixels.</summary>
    public required int Height { get; init; }

    /// <summary>Channels as stored (1 gray or palette, 2 gray+alpha, 3 RGB, 4 RGBA or CMYK), like Pillow's mode.</summary>
    public required int Channels { get; init; }

    /// <summary>Pillow-style mode name as stored: <c>L</c>, <c>LA</c>, <c>P</c>, <c>RGB</c>, <c>RGBA</c>, <c>CMYK</c>, <c>I</c> (16-bit gray), <c>1</c>.</summary>
    public required string Mode { get; init; }

    /// <summary>File size in bytes.</summary>
    public required long FileSize { get; init; }

    /// <summary>EXIF orientation tag (1-8), or 0 when absent. Recorded, never applied.</summary>
    public int ExifOrientation { get; init; }

    /// <summary>Number of frames (GIF, multi-page); only the first is analysed.</summary>
    public int FrameCount { get; init; } = 1;
}
