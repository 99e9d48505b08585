using DataGate.Core.Diagnostics;

namespace DataGate.Core.Imaging;

/// <summary>The outcome of decoding one file: pixels and facts, or an error; plus any warnings.</summary>
internal sealed class DecodeResult
{
    private DecodeResult(RgbImage? image, ImageFacts? facts, Diagnostic? error, IReadOnlyList<Diagnostic> notes)
    {
        Image = image;
        Facts = facts;
        Error = error;
        Notes = notes;
    }

    /// <summary>The decoded pixels; null when <see cref="Error"/> is set.</summary>
    public RgbImage? Image { get; }

    /// <summary>What the header said; may be set even when decoding failed (e.g. a truncated JPEG).</summary>
    public ImageFacts? Facts { get; }

    /// <summary>Why the file could not be analysed (a DG3xxx error), or null.</summary>
    public Diagnostic? Error { get; }

    /// <summary>Warnings and information about a file that was decoded (misnamed, multi-frame, trailing data).</summary>
    public IReadOnlyList<Diagnostic> Notes { get; }

    /// <summary>True when pixels are available.</summary>
    public bool Succeeded => Image is not null;

    internal static DecodeResult Ok(RgbImage image, ImageFacts facts, IReadOnlyList<Diagnostic> notes) => new(image, facts, null, notes);

    internal static DecodeResult Fail(Diagnostic error, ImageFacts? facts = null, IReadOnlyList<Diagnostic>? notes = null)
        => new(null, facts, error, notes ?? Array.Empty<Diagnostic>());
}
