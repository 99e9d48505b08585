namespace DataGate.Core.Imaging;

/// <summary>
/// The decoder JPEG files go through. Every other format is decoded by ImageSharp whichever engine is chosen
/// (docs/decode-engines.md says why).
/// </summary>
public enum DecodeEngine
{
    /// <summary>SixLabors.ImageSharp 2.1 (managed): differs from Pillow by a level here and there on JPEG.</summary>
    ImageSharp = 0,

    /// <summary>libjpeg-turbo through SkiaSharp 2.88 (native): the same pixels as Pillow and OpenCV on JPEG.</summary>
    LibJpegTurbo = 1,
}

/// <summary>The names of <see cref="DecodeEngine"/> values in datagate.yml, on the command line and in MSBuild.</summary>
public static class DecodeEngineNames
{
    /// <summary>The name of <see cref="DecodeEngine.ImageSharp"/>: <c>imagesharp</c>.</summary>
    public const string ImageSharp = "imagesharp";

    /// <summary>The name of <see cref="DecodeEngine.LibJpegTurbo"/>: <c>libjpeg-turbo</c>.</summary>
    public const string LibJpegTurbo = "libjpeg-turbo";

    /// <summary>The engine used when none is chosen.</summary>
    public const DecodeEngine Default = DecodeEngine.LibJpegTurbo;

    /// <summary>Every name, in the order of the enum.</summary>
    public static IReadOnlyList<string> All { get; } = [ImageSharp, LibJpegTurbo];

    /// <summary>The name of an engine.</summary>
    public static string NameOf(DecodeEngine engine) => engine switch
    {
        DecodeEngine.ImageSharp => ImageSharp,
        DecodeEngine.LibJpegTurbo => LibJpegTurbo,
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown decode engine"),
    };

    /// <summary>Parses a name (exact, lower case, as documented); false for anything else.</summary>
    public static bool TryParse(string? name, out DecodeEngine engine)
    {
        switch (name)
        {
            case ImageSharp:
                engine = DecodeEngine.ImageSharp;
                return true;
            case LibJpegTurbo:
                engine = DecodeEngine.LibJpegTurbo;
                return true;
            default:
                engine = Default;
                return false;
        }
    }
}
