namespace DataGate.Core.Imaging;

/// <summary>Byte layout of one pixel of decoded, 8-bit-per-channel pixels handed to a measurer.</summary>
public enum PixelLayout
{
    /// <summary>3 bytes: red, green, blue.</summary>
    Rgb24,

    /// <summary>4 bytes: red, green, blue, alpha (alpha is dropped without compositing, as Pillow's <c>convert("RGB")</c>).</summary>
    Rgba32,

    /// <summary>4 bytes: blue, green, red, alpha (ML.NET's <c>MLImage</c>, System.Drawing); alpha is dropped.</summary>
    Bgra32,

    /// <summary>1 byte: gray level (R = G = B).</summary>
    L8,
}
