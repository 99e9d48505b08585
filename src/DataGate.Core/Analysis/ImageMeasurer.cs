using DataGate.Core.Caching;
using DataGate.Core.Diagnostics;
using DataGate.Core.Imaging;
using DataGate.Core.Quality.Brisque;
using DataGate.Core.Scanning;

namespace DataGate.Core.Analysis;

/// <summary>
/// Measures one image into an immutable <see cref="ImageRecord"/>: from a file, from encoded bytes, or from decoded
/// pixels. One read, one decode, then every selected metric and hash from that one pixel buffer. Any failure is
/// contained in the returned record (<see cref="ImageRecord.Error"/>); nothing throws for bad input. Thread-safe.
/// </summary>
public sealed class ImageMeasurer
{
    // Decoded pixels are dropped as soon as the metrics are computed, so each thread reuses one array for images of
    // the same size: 200×200 RGB is 120 KB, a large-object-heap allocation per image otherwise.
    [ThreadStatic]
    private static byte[]? t_pixels;

    /// <summary>
    /// Large-image pixels analysed at the same time, process-wide: 32 MP at the gate's ~60 bytes per pixel is about
    /// 2 GB of peak working memory, so two 12-MP photos run side by side while a 40-MP scan runs alone.
    /// </summary>
    internal const long LargeImageBudgetPixels = 32_000_000;

    // Shared by every measurer in the process: one budget of concurrently analysed large-image pixels. It holds no
    // memory, only a count, so it cannot grow across runs of a long-lived host.
    private static readonly LargeImageGate s_largeImages = new(LargeImageBudgetPixels);

    private readonly SafeImageDecoder _decoder;
    private readonly DecodeOptions _options;
    private readonly PixelMetrics _pixelMetrics;

    /// <summary>Creates a measurer.</summary>
    /// <param name="options">Decode limits; null for <see cref="DecodeOptions.Default"/>.</param>
    /// <param name="brisqueModel">BRISQUE model; null for the embedded OpenCV LIVE model.</param>
    /// <param name="selection">Metrics to compute; null for <see cref="MetricSelection.Default"/>.</param>
    public ImageMeasurer(DecodeOptions? options = null, BrisqueModel? brisqueModel = null, MetricSelection? selection = null)
    {
        _options = options ?? DecodeOptions.Default;
        _decoder = new SafeImageDecoder(_options);
        Selection = selection ?? MetricSelection.Default;
        _pixelMetrics = new PixelMetrics(Selection.IncludesFamily(MetricFamilies.Brisque) ? brisqueModel ?? BrisqueModel.LoadDefault() : null, Selection);
    }

    /// <summary>The metrics this measurer computes.</summary>
    public MetricSelection Selection { get; }

    /// <summary>Computes each analysed image's embedding too (<c>near: { method: embedding }</c>); owned by the caller.</summary>
    internal Embeddings.ImageEmbedder? Embedder
    {
        get => _pixelMetrics.Embedder;
        init => _pixelMetrics.Embedder = value;
    }

    /// <summary>Reads and measures a file.</summary>
    /// <param name="path">Path of the file to read.</param>
    /// <param name="name">Name of the image in the result and its diagnostics; null uses <paramref name="path"/>.</param>
    public ImageRecord MeasureFile(string path, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Measure(new ScannedFile(name ?? path, path));
    }

    /// <summary>Measures an encoded image (the whole file's bytes: JPEG, PNG, ...).</summary>
    /// <param name="data">The encoded bytes; not kept.</param>
    /// <param name="name">Name of the image in the result and its diagnostics (its extension is checked against the content).</param>
    public ImageRecord MeasureEncoded(ReadOnlySpan<byte> data, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var record = new ImageRecord(name);
        if (data.Length > _options.MaxFileBytes)
        {
            record.Error = DiagnosticCodes.TooLarge.Create($"file is {data.Length} bytes, over the {_options.MaxFileBytes}-byte limit", imagePath: name);
            return record;
        }

        return MeasureBytes(record, data.ToArray());
    }

    /// <summary>Measures decoded 8-bit pixels.</summary>
    /// <param name="pixels">Rows of pixels, <paramref name="stride"/> bytes apart; at least <c>stride·(height−1) + width·bytesPerPixel</c> bytes.</param>
    /// <param name="width">Width in pixels, ≥ 1.</param>
    /// <param name="height">Height in pixels, ≥ 1; width·height must not exceed <see cref="DecodeOptions.MaxPixels"/>.</param>
    /// <param name="stride">Bytes from one row to the next, ≥ width·bytesPerPixel.</param>
    /// <param name="layout">Byte layout of a pixel.</param>
    /// <param name="name">Name of the image in the result and its diagnostics.</param>
    /// <returns>The record; header metrics describe the pixels (file_size and file_hash are absent: there is no file).</returns>
    /// <exception cref="ArgumentException">The geometry does not fit the span (a programming error, not bad data).</exception>
    public ImageRecord MeasurePixels(ReadOnlySpan<byte> pixels, int width, int height, int stride, PixelLayout layout, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var geometry = PixelGeometry.Validate(pixels.Length, width, height, stride, layout);
        var record = new ImageRecord(name);
        var facts = new ImageFacts { Format = "RAW", Width = width, Height = height, Channels = geometry.Channels, Mode = geometry.Mode, FileSize = 0 };
        SetHeader(record, facts, fileSize: double.NaN);
        if ((long)width * height > _options.MaxPixels)
        {
            record.Error = DiagnosticCodes.TooLarge.Create($"{width}×{height} pixels is over the {_options.MaxPixels}-pixel limit", imagePath: name);
            return record;
        }

        long held = s_largeImages.Enter((long)width * height);
        try
        {
            var rgb = RentPixels(checked(width * height * 3));
            PixelGeometry.ToRgb24(pixels, width, height, stride, layout, rgb);
            ComputePixels(record, new RgbImage(width, height, rgb), null, facts);
        }
        finally
        {
            s_largeImages.Exit(held);
        }

        return record;
    }

    /// <summary>Measures a scanned file (the folder analysis).</summary>
    internal ImageRecord Measure(ScannedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var record = new ImageRecord(file.RelativePath);
        byte[] data;
        try
        {
            var info = new FileInfo(file.FullPath);
            if (info.Exists && info.Length > _options.MaxFileBytes)
            {
                record.Error = DiagnosticCodes.TooLarge.Create($"file is {info.Length} bytes, over the {_options.MaxFileBytes}-byte limit", imagePath: file.RelativePath);
                return record;
            }

            data = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            record.Error = DiagnosticCodes.ReadFailed.Create($"cannot read file: {ex.Message}", imagePath: file.RelativePath);
            return record;
        }

        return MeasureBytes(record, data);
    }

    private ImageRecord MeasureBytes(ImageRecord record, byte[] data)
    {
        record.ValueSlots[MetricCatalog.FileSize.Index] = data.Length;
        long held = 0;
        try
        {
            var decoded = _decoder.Decode(data, record.Path, length =>
            {
                held = s_largeImages.Enter(length / 3);
                return RentPixels(length);
            });
            record.NoteSlots.AddRange(decoded.Notes);
            if (decoded.Facts is { } facts)
            {
                SetHeader(record, facts, data.Length);
            }

            if (!decoded.Succeeded)
            {
                record.Error = decoded.Error;
                return record;
            }

            ComputePixels(record, decoded.Image!, data, decoded.Facts!);
        }
        finally
        {
            s_largeImages.Exit(held);
        }

        return record;
    }

    private static void SetHeader(ImageRecord record, ImageFacts facts, double fileSize)
    {
        var v = record.ValueSlots;
        record.Facts = facts;
        v[MetricCatalog.FileSize.Index] = fileSize;
        v[MetricCatalog.Width.Index] = facts.Width;
        v[MetricCatalog.Height.Index] = facts.Height;
        v[MetricCatalog.Channels.Index] = facts.Channels;
        v[MetricCatalog.ExifOrientation.Index] = facts.ExifOrientation;
        v[MetricCatalog.AspectRatio.Index] = (double)facts.Width / facts.Height;
    }

    private void ComputePixels(ImageRecord record, RgbImage image, byte[]? fileBytes, ImageFacts facts)
    {
        try
        {
            _pixelMetrics.Compute(image, fileBytes, facts, record);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failure of our own metric code on one image must not end a run over thousands: the image is reported
            // as an internal error (DG9001, full exception in datagate-error.log) and the gate counts it as errored.
            record.Error = ErrorLog.Internal("metric computation failed", ex, record.Path);
        }
    }

    // Pixel buffers from 1 MiB (a 0.35-MP image) on are exchanged through the run's LargeBufferPool.
    private const int PooledPixelBytes = 1 << 20;

    private static byte[] RentPixels(int length)
    {
        if (t_pixels is null || t_pixels.Length != length)
        {
            // Keep at most 16 MiB per thread; larger images get their own array.
            if (length > 16 << 20)
            {
                return new byte[length];
            }

            // A photo set mixes sizes: the previous size's buffer goes to the run's pool (kept only during a dataset
            // run), where the next image of that size on any thread finds it instead of a fresh array.
            if (t_pixels is not null && t_pixels.Length >= PooledPixelBytes)
            {
                LargeBufferPool.Return(t_pixels);
            }

            t_pixels = length >= PooledPixelBytes ? LargeBufferPool.Rent<byte>(length, exact: true) : new byte[length];
        }

        return t_pixels;
    }
}
