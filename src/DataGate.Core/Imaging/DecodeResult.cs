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

    /// <summary>
    /// True when the libjpeg-turbo engine's managed fast path (<see cref="BaselineJpegDecoder"/>) decoded the file rather
    /// than libjpeg-turbo itself: the same pixels either way; for tests and benchmarks.
    /// </summary>
    public bool ByManagedFastPath { get; private init; }

    internal static DecodeResult Ok(RgbImage image, ImageFacts facts, IReadOnlyList<Diagnostic> notes, bool byManagedFastPath = false) =>
        new(image, facts, null, notes) { ByManagedFastPath = byManagedFastPath };

    internal static DecodeResult Fail(Diagnostic error, ImageFacts? facts = null, IReadOnlyList<Diagnostic>? notes = null)
        => new(null, facts, error, notes ?? Array.Empty<Diagnostic>());
}
