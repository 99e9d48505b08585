using System.Globalization;
using System.IO.Hashing;
using System.Text.Json.Nodes;
using DataGate.Core.Analysis;
using DataGate.Core.Diagnostics;
using DataGate.Core.Imaging;
using Microsoft.ML.Data;

namespace DataGate.ML.Mapping;

/// <summary>
/// The settings of <c>ComputeImageMetrics</c> as saved with a model (versioned JSON): image folder, metric selection,
/// decode limits. Holds the <see cref="ImageMeasurer"/> they make. Immutable and thread-safe.
/// </summary>
internal sealed class MetricsSettings
{
    public const string Format = "datagate.ml.metrics";
    public const int Version = 1;

    private static readonly StateCache<MetricsSettings> s_cache = new(Parse);

    public MetricsSettings(string? imageFolder, IReadOnlyList<string> metrics, DecodeOptions limits)
    {
        ImageFolder = imageFolder;
        Metrics = metrics;
        Limits = limits;
        Selection = MetricSelection.Of(metrics);
        Measurer = new ImageMeasurer(limits, selection: Selection);
    }

    public string? ImageFolder { get; }

    public IReadOnlyList<string> Metrics { get; }

    public DecodeOptions Limits { get; }

    public MetricSelection Selection { get; }

    public ImageMeasurer Measurer { get; }

    public static MetricsSettings Of(ReadOnlyMemory<char> state) => s_cache.Get(state);

    public string Write() => new JsonObject
    {
        ["format"] = Format,
        ["version"] = Version,
        ["image_folder"] = ImageFolder,
        ["metrics"] = new JsonArray([.. Metrics.Select(m => JsonValue.Create(m))]),
        ["max_pixels"] = Limits.MaxPixels,
        ["max_decode_bytes"] = Limits.MaxDecodeMemoryBytes,
        ["max_file_bytes"] = Limits.MaxFileBytes,
    }.ToJsonString();

    public static MetricsSettings Parse(string state)
    {
        try
        {
            var root = JsonNode.Parse(state)?.AsObject() ?? throw Bad("it is empty");
            if (root["format"]?.GetValue<string>() != Format || root["version"]?.GetValue<int>() != Version)
            {
                throw Bad($"it is not a {Format} state of version {Version}");
            }

            var metrics = root["metrics"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? throw Bad("it has no metrics");
            var limits = new DecodeOptions(
                root["max_pixels"]!.GetValue<long>(),
                root["max_decode_bytes"]!.GetValue<long>(),
                root["max_file_bytes"]!.GetValue<long>());
            return new MetricsSettings(root["image_folder"]?.GetValue<string>(), metrics, limits);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            throw Bad(ex.Message);
        }
    }

    /// <summary>Measures the file a path names; a row without a path, or an unreadable file, is a record with an error.</summary>
    public ImageRecord MeasurePath(ReadOnlySpan<char> path)
    {
        string name = path.ToString();
        if (path.IsWhiteSpace())
        {
            return Unmeasured(name, DiagnosticCodes.MlNoImage.Create("the row's image path is empty", imagePath: name));
        }

        string file = ImageFolder is null ? name : Path.Combine(ImageFolder, name);
        var record = Measurer.MeasureFile(file, name);
        EmbeddingSources.FromFile(record, this, file);
        return record;
    }

    /// <summary>Measures an MLImage's pixels (BGRA32 or RGBA32, as SkiaSharp decoded them).</summary>
    public ImageRecord MeasureImage(MLImage? image, ReadOnlySpan<char> nameColumn)
    {
        string? name = nameColumn.SequenceEqual(StateKeyRow.Value) ? null : nameColumn.ToString();
        if (image is null || image.Width <= 0 || image.Height <= 0)
        {
            name ??= "(no image)";
            return Unmeasured(name, DiagnosticCodes.MlNoImage.Create("the row has no image", imagePath: name));
        }

        var pixels = image.Pixels;
        name ??= "image-" + XxHash64.HashToUInt64(pixels).ToString("x16", CultureInfo.InvariantCulture);
        PixelLayout? layout = image.PixelFormat switch
        {
            MLPixelFormat.Bgra32 => PixelLayout.Bgra32,
            MLPixelFormat.Rgba32 => PixelLayout.Rgba32,
            _ => null,
        };
        if (layout is null || image.BitsPerPixel != 32)
        {
            return Unmeasured(name, DiagnosticCodes.MlUnsupportedPixelFormat.Create($"pixel format {image.PixelFormat} ({image.BitsPerPixel} bits) is not BGRA32 or RGBA32", imagePath: name));
        }

        var record = Measurer.MeasurePixels(pixels, image.Width, image.Height, pixels.Length / image.Height, layout.Value, name);
        EmbeddingSources.FromImage(record, this, image, layout.Value);
        return record;
    }

    private static ImageRecord Unmeasured(string name, Diagnostic error) => new(name) { Error = error };

    private static FormatException Bad(string why)
        => new($"{DiagnosticCodes.MlModelStateUnreadable.Code}: the saved ComputeImageMetrics state cannot be read: {why}");
}
