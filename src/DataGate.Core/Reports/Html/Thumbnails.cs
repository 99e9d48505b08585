using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace DataGate.Core.Reports.Html;

/// <summary>
/// Makes the small JPEG thumbnails report.html embeds as data URIs, decoding each image again with the same safe
/// decoder and limits as the analysis (images are hostile). Thread-safe; a failed image gets no thumbnail and a
/// DG3020 warning, never an exception.
/// </summary>
internal sealed class Thumbnails
{
    private static readonly JpegEncoder s_encoder = new() { Quality = 70 };
    private readonly SafeImageDecoder _decoder;
    private readonly string _root;
    private readonly int _size;

    public Thumbnails(GateConfig config, int size)
    {
        var limits = config.Limits;
        _decoder = new SafeImageDecoder(new DecodeOptions(limits.MaxPixels, limits.MaxDecodeMemoryMb << 20, limits.MaxFileMb << 20));
        _root = config.Dataset.Root;
        _size = size;
    }

    /// <summary>Decodes a dataset image (dataset-relative path) into RGB pixels, or returns the reason it could not.</summary>
    public (RgbImage? Image, Diagnostic? Error) Decode(string relativePath)
    {
        var result = _decoder.DecodeFile(Path.Combine(_root, relativePath), relativePath);
        return result.Succeeded ? (result.Image, null) : (null, result.Error);
    }

    /// <summary>A <c>data:image/jpeg;base64,…</c> thumbnail of the image, longest side at most the configured size.</summary>
    public (string? DataUri, Diagnostic? Problem) Make(string relativePath)
    {
        var (rgb, error) = Decode(relativePath);
        if (rgb is null)
        {
            return (null, DiagnosticCodes.ThumbnailFailed.Create($"no thumbnail: {error?.Code} {error?.Message}", imagePath: relativePath));
        }

        try
        {
            using var image = Image.LoadPixelData<Rgb24>(rgb.Pixels.AsSpan(0, rgb.PixelCount * 3), rgb.Width, rgb.Height);
            double scale = Math.Min(1.0, (double)_size / Math.Max(rgb.Width, rgb.Height));
            int w = Math.Max(1, (int)Math.Round(rgb.Width * scale));
            int h = Math.Max(1, (int)Math.Round(rgb.Height * scale));
            if (w != rgb.Width || h != rgb.Height)
            {
                image.Mutate(x => x.Resize(w, h, KnownResamplers.Triangle));
            }

            using var buffer = new MemoryStream();
            image.SaveAsJpeg(buffer, s_encoder);
            return ("data:image/jpeg;base64," + Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (Exception ex) when (ex is ImageProcessingException or InvalidOperationException or ArgumentException)
        {
            return (null, DiagnosticCodes.ThumbnailFailed.Create($"no thumbnail: {ex.Message}", imagePath: relativePath));
        }
    }
}
