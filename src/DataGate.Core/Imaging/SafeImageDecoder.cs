using System.Runtime.InteropServices;
using DataGate.Core.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Core.Imaging;

/// <summary>
/// Decodes untrusted image files into <see cref="RgbImage"/>: identify first, refuse over-large dimensions
/// before allocating, decode under a memory budget, check the container for truncation, contain every
/// decoder failure as a DG3xxx diagnostic. Thread-safe.
/// </summary>
internal sealed class SafeImageDecoder
{
    private static readonly Configuration s_baseConfiguration = CreateBaseConfiguration();

    // One pooled allocator for every decode; it refuses any single buffer over 1 GiB, and each decode
    // wraps it in its own BudgetMemoryAllocator that caps the live total.
    private static readonly MemoryAllocator s_pooledAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = 1024 });
    private readonly DecodeOptions _options;

    /// <summary>Creates a decoder with the given limits.</summary>
    public SafeImageDecoder(DecodeOptions? options = null) => _options = options ?? DecodeOptions.Default;

    /// <summary>Reads and decodes a file.</summary>
    /// <param name="fullPath">Absolute path to read.</param>
    /// <param name="reportPath">Path used in diagnostics (dataset-relative, with <c>/</c>).</param>
    public DecodeResult DecodeFile(string fullPath, string reportPath)
    {
        byte[] data;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > _options.MaxFileBytes)
            {
                return DecodeResult.Fail(DiagnosticCodes.TooLarge.Create($"file is {info.Length} bytes, over the {_options.MaxFileBytes}-byte limit", imagePath: reportPath));
            }

            data = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DecodeResult.Fail(DiagnosticCodes.ReadFailed.Create($"cannot read file: {ex.Message}", imagePath: reportPath));
        }

        return Decode(data, reportPath);
    }

    /// <summary>Decodes bytes already in memory.</summary>
    /// <param name="data">The whole file.</param>
    /// <param name="reportPath">Path used in diagnostics and for the extension check.</param>
    /// <param name="pixelBuffer">
    /// Supplies the array for the decoded pixels given its exact length (e.g. a per-thread array reused across
    /// images of one size); null allocates a new one. The caller must not use a reused array after the next decode.
    /// </param>
    public DecodeResult Decode(byte[] data, string reportPath, Func<int, byte[]>? pixelBuffer = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(reportPath);
        if (data.Length == 0)
        {
            return DecodeResult.Fail(DiagnosticCodes.EmptyFile.Create("file is empty (0 bytes)", imagePath: reportPath));
        }

        var notes = new List<Diagnostic>();
        IImageFormat? format;
        try
        {
            format = Image.DetectFormat(s_baseConfiguration, data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return DecodeResult.Fail(DiagnosticCodes.Corrupt.Create($"header is unreadable: {Describe(ex)}", imagePath: reportPath));
        }

        if (format is null)
        {
            return DecodeResult.Fail(DiagnosticCodes.UnknownFormat.Create("content is not a supported image format (JPEG, PNG, BMP, GIF, WebP, PBM/PGM/PPM, TGA, TIFF)", imagePath: reportPath));
        }

        string formatName = NormaliseFormatName(format.Name);

        // The container is walked before ImageSharp sees the data: ImageSharp decodes a truncated file
        // without complaint, and its own CRC errors would hide the truncation.
        var (verdict, detail) = ContainerCheck.Check(formatName, data);
        IImageInfo? info;
        try
        {
            info = Image.Identify(s_baseConfiguration, data, out _);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            info = null;
            if (verdict is ContainerCheck.Verdict.Ok or ContainerCheck.Verdict.TrailingData)
            {
                return DecodeResult.Fail(DiagnosticCodes.Corrupt.Create($"{formatName} header is unreadable: {Describe(ex)}", imagePath: reportPath));
            }
        }

        var facts = info is null ? null : BuildFacts(formatName, info, data.Length);
        switch (verdict)
        {
            case ContainerCheck.Verdict.Truncated:
                return DecodeResult.Fail(DiagnosticCodes.Truncated.Create($"{formatName} file is truncated: {detail}", imagePath: reportPath), facts, notes);
            case ContainerCheck.Verdict.Corrupt:
                return DecodeResult.Fail(DiagnosticCodes.Corrupt.Create($"{formatName} file is corrupt: {detail}", imagePath: reportPath), facts, notes);
            case ContainerCheck.Verdict.TrailingData:
                notes.Add(DiagnosticCodes.TrailingData.Create($"{detail}; ignored", imagePath: reportPath));
                break;
        }

        if (info is null || facts is null)
        {
            return DecodeResult.Fail(DiagnosticCodes.UnknownFormat.Create($"{formatName} header could not be identified", imagePath: reportPath));
        }

        if ((long)info.Width * info.Height > _options.MaxPixels || info.Width <= 0 || info.Height <= 0)
        {
            return DecodeResult.Fail(
                DiagnosticCodes.TooLarge.Create($"header declares {info.Width}x{info.Height} = {(long)info.Width * info.Height} pixels, over the {_options.MaxPixels}-pixel limit; not decoded", imagePath: reportPath),
                facts);
        }

        string? expected = FormatForExtension(reportPath);
        if (expected is not null && expected != formatName)
        {
            notes.Add(DiagnosticCodes.ExtensionMismatch.Create($"extension says {expected} but the content is {formatName}; decoded as {formatName}", imagePath: reportPath));
        }

        if (formatName == "JPEG" && _options.Engine == DecodeEngine.LibJpegTurbo && facts.Mode is "RGB" or "L" or "CMYK")
        {
            return DecodeWithLibJpegTurbo(data, reportPath, facts, notes, pixelBuffer);
        }

        try
        {
            var configuration = s_baseConfiguration.Clone();
            configuration.MemoryAllocator = new BudgetMemoryAllocator(s_pooledAllocator, _options.MaxDecodeMemoryBytes);
            configuration.MaxDegreeOfParallelism = 1;
            var (rgb, frames) = DecodePixels(configuration, data, facts, pixelBuffer);
            if (frames > 1)
            {
                notes.Add(DiagnosticCodes.MultiFrame.Create($"{frames} frames; the first is analysed", imagePath: reportPath));
            }

            return DecodeResult.Ok(rgb, frames > 1 ? CopyWithFrames(facts, frames) : facts, notes);
        }
        catch (DecodeBudgetExceededException ex)
        {
            return DecodeResult.Fail(DiagnosticCodes.MemoryBudget.Create(ex.Message, imagePath: reportPath), facts, notes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return DecodeResult.Fail(DiagnosticCodes.Corrupt.Create($"{formatName} data could not be decoded: {Describe(ex)}", imagePath: reportPath), facts, notes);
        }
    }

    private DecodeResult DecodeWithLibJpegTurbo(byte[] data, string reportPath, ImageFacts facts, List<Diagnostic> notes, Func<int, byte[]>? pixelBuffer)
    {
        if (SkiaJpegDecoder.LoadError is { } loadError)
        {
            return DecodeResult.Fail(DiagnosticCodes.DecodeEngineNotLoaded.Create($"{loadError}; choose decode.engine: {DecodeEngineNames.ImageSharp} to decode JPEG without it", imagePath: reportPath), facts, notes);
        }

        int w = facts.Width;
        int h = facts.Height;
        long need = ((long)w * h * 3) + SkiaJpegDecoder.EstimateNativeBytes(w, h, SkiaJpegDecoder.IsMultiScan(data));
        if (need > _options.MaxDecodeMemoryBytes)
        {
            return DecodeResult.Fail(DiagnosticCodes.MemoryBudget.Create($"decoding {w}x{h} needs about {need >> 20} MiB, over the {_options.MaxDecodeMemoryBytes >> 20} MiB budget; not decoded", imagePath: reportPath), facts, notes);
        }

        var pixels = pixelBuffer?.Invoke(w * h * 3) ?? new byte[w * h * 3];
        bool gray = facts.Mode == "L";

        // The managed fast path gives libjpeg-turbo's own pixels for the common baseline files and declines the rest.
        if (facts.Mode != "CMYK" && ((long)w * h * 3) + BaselineJpegDecoder.ScratchBytes(w, h) <= _options.MaxDecodeMemoryBytes && TryBaseline(data, w, h, gray, pixels))
        {
            return DecodeResult.Ok(new RgbImage(w, h, pixels), facts, notes, byManagedFastPath: true);
        }

        string? failure;
        try
        {
            failure = SkiaJpegDecoder.Decode(data, w, h, gray, pixels);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = Describe(ex);
        }

        return failure is null
            ? DecodeResult.Ok(new RgbImage(w, h, pixels), facts, notes)
            : DecodeResult.Fail(DiagnosticCodes.NativeDecodeFailed.Create($"JPEG data could not be decoded by libjpeg-turbo: {failure}", imagePath: reportPath), facts, notes);
    }

    private static bool TryBaseline(byte[] data, int width, int height, bool gray, byte[] pixels)
    {
        try
        {
            return BaselineJpegDecoder.TryDecode(data, width, height, gray, pixels) is null;
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentException)
        {
            // A file the fast path misjudged: libjpeg-turbo decodes it, so the pixels stay libjpeg-turbo's.
            return false;
        }
    }

    private static (RgbImage Image, int Frames) DecodePixels(Configuration configuration, byte[] data, ImageFacts facts, Func<int, byte[]>? pixelBuffer)
    {
        int w = facts.Width;
        int h = facts.Height;
        int length = checked(w * h * 3);
        var pixels = pixelBuffer?.Invoke(length) ?? new byte[length];
        if (facts.Mode == "I")
        {
            // Pillow opens 16-bit gray as mode I; convert("RGB") clips each value to 0..255.
            using var image = Image.Load<L16>(configuration, data);
            var gray = new L16[w * h];
            image.Frames.RootFrame.CopyPixelDataTo(gray);
            for (int y = 0; y < h; y++)
            {
                int o = y * w * 3;
                for (int x = 0; x < w; x++, o += 3)
                {
                    byte v = (byte)Math.Min(gray[(y * w) + x].PackedValue, (ushort)255);
                    pixels[o] = v;
                    pixels[o + 1] = v;
                    pixels[o + 2] = v;
                }
            }

            return (new RgbImage(w, h, pixels), image.Frames.Count);
        }

        if (facts.Format == "PNG" && facts.Channels >= 3 && IsSixteenBitPng(data))
        {
            // Pillow reads 16-bit RGB(A) PNG through its RGB;16B unpacker: the high byte of each sample.
            using var image = Image.Load<Rgba64>(configuration, data);
            var wide = new Rgba64[w * h];
            image.Frames.RootFrame.CopyPixelDataTo(wide);
            for (int i = 0, o = 0; i < wide.Length; i++, o += 3)
            {
                pixels[o] = (byte)(wide[i].R >> 8);
                pixels[o + 1] = (byte)(wide[i].G >> 8);
                pixels[o + 2] = (byte)(wide[i].B >> 8);
            }

            return (new RgbImage(w, h, pixels), image.Frames.Count);
        }

        using (var image = Image.Load<Rgb24>(configuration, data))
        {
            if (image.Width != w || image.Height != h)
            {
                throw new InvalidDataException($"decoded size {image.Width}x{image.Height} differs from header {w}x{h}");
            }

            image.Frames.RootFrame.CopyPixelDataTo(MemoryMarshal.Cast<byte, Rgb24>(pixels.AsSpan()));
            return (new RgbImage(w, h, pixels), image.Frames.Count);
        }
    }

    private static bool IsSixteenBitPng(byte[] data) => data.Length > 25 && data[24] == 16;

    private static ImageFacts BuildFacts(string format, IImageInfo info, long fileSize)
    {
        string mode = ModeOf(format, info);
        int orientation = 0;
        var exif = info.Metadata.ExifProfile;
        var value = exif?.GetValue(ExifTag.Orientation);
        if (value is not null)
        {
            orientation = value.Value;
        }

        return new ImageFacts
        {
            Format = format,
            Width = info.Width,
            Height = info.Height,
            Mode = mode,
            Channels = mode switch { "RGB" => 3, "RGBA" or "CMYK" => 4, "LA" => 2, _ => 1 },
            FileSize = fileSize,
            ExifOrientation = orientation,
        };
    }

    private static ImageFacts CopyWithFrames(ImageFacts f, int frames) => new()
    {
        Format = f.Format,
        Width = f.Width,
        Height = f.Height,
        Mode = f.Mode,
        Channels = f.Channels,
        FileSize = f.FileSize,
        ExifOrientation = f.ExifOrientation,
        FrameCount = frames,
    };

    private static string ModeOf(string format, IImageInfo info)
    {
        int bpp = info.PixelType?.BitsPerPixel ?? 24;
        switch (format)
        {
            case "PNG":
                var png = info.Metadata.GetPngMetadata();
                return png.ColorType switch
                {
                    PngColorType.Grayscale => png.BitDepth == PngBitDepth.Bit16 ? "I" : png.BitDepth == PngBitDepth.Bit1 ? "1" : "L",
                    PngColorType.GrayscaleWithAlpha => "LA",
                    PngColorType.Palette => "P",
                    PngColorType.RgbWithAlpha => "RGBA",
                    _ => "RGB",
                };
            case "JPEG":
                var jpeg = info.Metadata.GetJpegMetadata();
                return jpeg.ColorType switch
                {
                    JpegColorType.Luminance => "L",
                    JpegColorType.Cmyk => "CMYK",
                    _ => "RGB",
                };
            case "GIF":
                return "P";
            case "BMP":
                var bmp = info.Metadata.GetBmpMetadata();
                return (int)bmp.BitsPerPixel <= 8 ? "P" : "RGB";
            default:
                return bpp switch { 8 => "L", 16 => "I", 32 or 64 => "RGBA", _ => "RGB" };
        }
    }

    private static string NormaliseFormatName(string name) => name.ToUpperInvariant() switch
    {
        "JPEG" or "JPG" => "JPEG",
        var n => n,
    };

    /// <summary>The format a file's extension promises, or null for an extension with no promise.</summary>
    internal static string? FormatForExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" or ".jpe" or ".jfif" => "JPEG",
        ".png" => "PNG",
        ".bmp" or ".dib" => "BMP",
        ".gif" => "GIF",
        ".webp" => "WEBP",
        ".pbm" or ".pgm" or ".ppm" or ".pnm" => "PBM",
        ".tga" => "TGA",
        ".tif" or ".tiff" => "TIFF",
        _ => null,
    };

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";

    private static Configuration CreateBaseConfiguration()
    {
        var configuration = Configuration.Default.Clone();
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        configuration.PreferContiguousImageBuffers = true;
        return configuration;
    }
}
