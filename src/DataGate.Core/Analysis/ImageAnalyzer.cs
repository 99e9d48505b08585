using DataGate.Core.Imaging;
using DataGate.Core.Scanning;

namespace DataGate.Core.Analysis;

/// <summary>
/// Analyses one file: one read, one decode, then every metric and hash from that one pixel buffer.
/// Any failure is contained in the returned record. Thread-safe.
/// </summary>
public sealed class ImageAnalyzer
{
    // Decoded pixels are dropped as soon as the metrics are computed, so each thread reuses one array for images of
    // the same size: 200×200 RGB is 120 KB, a large-object-heap allocation per image otherwise.
    [ThreadStatic]
    private static byte[]? t_pixels;

    // Shared by every analyser in the process: one budget of concurrently analysed large-image pixels.
    private static readonly LargeImageGate s_largeImages = new(32_000_000);

    private readonly SafeImageDecoder _decoder;
    private readonly PixelMetrics _pixelMetrics;

    /// <summary>Creates an analyser with the given decode limits.</summary>
    /// <param name="options">Decode limits; null for the defaults.</param>
    /// <param name="brisqueModel">BRISQUE model; null for the embedded OpenCV LIVE model.</param>
    public ImageAnalyzer(DecodeOptions? options = null, Quality.Brisque.BrisqueModel? brisqueModel = null)
    {
        _decoder = new SafeImageDecoder(options);
        _pixelMetrics = new PixelMetrics(brisqueModel);
    }

    /// <summary>Analyses a file and returns its record (with <see cref="ImageRecord.Error"/> set when it could not be analysed).</summary>
    public ImageRecord Analyze(ScannedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var record = new ImageRecord(file.RelativePath);
        byte[] data;
        try
        {
            data = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            record.Error = Diagnostics.DiagnosticCodes.ReadFailed.Create($"cannot read file: {ex.Message}", imagePath: file.RelativePath);
            return record;
        }

        record.Values[MetricCatalog.FileSize.Index] = data.Length;
        long held = 0;
        try
        {
            var decoded = _decoder.Decode(data, file.RelativePath, length =>
            {
                held = s_largeImages.Enter(length / 3);
                return RentPixels(length);
            });
            Complete(record, decoded, data, file);
        }
        finally
        {
            s_largeImages.Exit(held);
        }

        return record;
    }

    private void Complete(ImageRecord record, DecodeResult decoded, byte[] data, ScannedFile file)
    {
        record.Notes.AddRange(decoded.Notes);
        if (decoded.Facts is { } facts)
        {
            record.Facts = facts;
            record.Values[MetricCatalog.Width.Index] = facts.Width;
            record.Values[MetricCatalog.Height.Index] = facts.Height;
            record.Values[MetricCatalog.Channels.Index] = facts.Channels;
            record.Values[MetricCatalog.ExifOrientation.Index] = facts.ExifOrientation;
            record.Values[MetricCatalog.AspectRatio.Index] = (double)facts.Width / facts.Height;
        }

        if (!decoded.Succeeded)
        {
            record.Error = decoded.Error;
            return;
        }

        try
        {
            _pixelMetrics.Compute(decoded.Image!, data, decoded.Facts!, record);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            record.Error = Diagnostics.DiagnosticCodes.Internal.Create($"metric computation failed: {ex.GetType().Name}: {ex.Message}", imagePath: file.RelativePath);
        }
    }

    private static byte[] RentPixels(int length)
    {
        if (t_pixels is null || t_pixels.Length != length)
        {
            // Keep at most 16 MiB per thread; larger images get their own array.
            if (length > 16 << 20)
            {
                return new byte[length];
            }

            t_pixels = new byte[length];
        }

        return t_pixels;
    }
}
