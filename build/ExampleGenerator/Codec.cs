using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.ExampleGenerator;

/// <summary>Encodes canvases with ImageSharp (JPEG baseline 4:2:0 or grayscale; PNG RGB) and decodes them back.</summary>
internal static class Codec
{
    /// <summary>Encodes as colour JPEG, quality 1..100.</summary>
    public static byte[] Jpeg(Canvas canvas, int quality)
    {
        return Encode(canvas, new JpegEncoder { Quality = quality, ColorType = JpegColorType.YCbCrRatio420 });
    }

    /// <summary>Encodes as single-channel (luminance) JPEG, so every decoded pixel has R = G = B.</summary>
    public static byte[] GrayJpeg(Canvas canvas, int quality)
    {
        return Encode(canvas, new JpegEncoder { Quality = quality, ColorType = JpegColorType.Luminance });
    }

    /// <summary>Encodes as lossless 8-bit RGB PNG.</summary>
    public static byte[] Png(Canvas canvas)
    {
        return Encode(canvas, new PngEncoder { ColorType = PngColorType.Rgb, BitDepth = PngBitDepth.Bit8 });
    }

    /// <summary>Decodes any supported image into an RGB canvas.</summary>
    public static Canvas Decode(byte[] bytes)
    {
        using Image<Rgb24> image = Image.Load<Rgb24>(bytes);
        var canvas = new Canvas(image.Width, image.Height);
        image.CopyPixelDataTo(canvas.Pixels);
        return canvas;
    }

    /// <summary>
    /// Decodes a JPEG with libjpeg-turbo (through SkiaSharp, no colour conversion): the pixels Pillow, OpenCV and
    /// DataGate's default engine see, so a PNG of them is a same-pixels duplicate for all of them.
    /// </summary>
    public static Canvas DecodeWithLibJpegTurbo(byte[] bytes)
    {
        using var data = SkiaSharp.SKData.CreateCopy(bytes);
        using var codec = SkiaSharp.SKCodec.Create(data) ?? throw new InvalidDataException("not decodable by Skia");
        var info = new SkiaSharp.SKImageInfo(codec.Info.Width, codec.Info.Height, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Unpremul, null);
        var rgba = new byte[info.BytesSize];
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(rgba, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            var result = codec.GetPixels(info, handle.AddrOfPinnedObject());
            if (result != SkiaSharp.SKCodecResult.Success)
            {
                throw new InvalidDataException($"Skia could not decode: {result}");
            }
        }
        finally
        {
            handle.Free();
        }

        var canvas = new Canvas(info.Width, info.Height);
        for (int i = 0, o = 0; o < canvas.Pixels.Length; i += 4, o += 3)
        {
            canvas.Pixels[o] = rgba[i];
            canvas.Pixels[o + 1] = rgba[i + 1];
            canvas.Pixels[o + 2] = rgba[i + 2];
        }

        return canvas;
    }

    private static byte[] Encode(Canvas canvas, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using Image<Rgb24> image = Image.LoadPixelData<Rgb24>(canvas.Pixels, canvas.Width, canvas.Height);
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return stream.ToArray();
    }
}
