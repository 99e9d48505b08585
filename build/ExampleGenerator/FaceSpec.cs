namespace DataGate.ExampleGenerator;

/// <summary>Every parameter needed to render one synthetic face. Lengths are pixels on a 200×200 canvas.</summary>
internal sealed class FaceSpec
{
    /// <summary>Labels the face was drawn for.</summary>
    public required FaceLabels Labels { get; init; }

    /// <summary>Seed of the noise fields (texture, grain).</summary>
    public required ulong NoiseSeed { get; init; }

    /// <summary>Background colour at the start of the gradient.</summary>
    public required Color3 BackgroundA { get; init; }

    /// <summary>Background colour at the end of the gradient.</summary>
    public required Color3 BackgroundB { get; init; }

    /// <summary>Gradient direction in radians.</summary>
    public required double GradientAngle { get; init; }

    /// <summary>Head centre, x.</summary>
    public required double CenterX { get; init; }

    /// <summary>Head centre, y.</summary>
    public required double CenterY { get; init; }

    /// <summary>Head half-width (about 40..60).</summary>
    public required double RadiusX { get; init; }

    /// <summary>Head half-height (about 1.15..1.4 × <see cref="RadiusX"/>).</summary>
    public required double RadiusY { get; init; }

    /// <summary>Head roll in radians (small, about ±0.1).</summary>
    public required double Tilt { get; init; }

    /// <summary>Skin base colour.</summary>
    public required Color3 Skin { get; init; }

    /// <summary>Hair (and brow) colour.</summary>
    public required Color3 Hair { get; init; }

    /// <summary>Hair amount.</summary>
    public required HairStyle HairStyle { get; init; }

    /// <summary>Iris colour.</summary>
    public required Color3 Iris { get; init; }

    /// <summary>Lip colour.</summary>
    public required Color3 Lips { get; init; }

    /// <summary>Clothing colour.</summary>
    public required Color3 Clothing { get; init; }

    /// <summary>Eye size multiplier (1 adult, up to ~1.35 for infants).</summary>
    public required double EyeScale { get; init; }

    /// <summary>Mouth curvature in pixels (positive smiles).</summary>
    public required double Smile { get; init; }

    /// <summary>Horizontal light direction, -1 (from left) .. 1 (from right).</summary>
    public required double Light { get; init; }

    /// <summary>Standard deviation of per-pixel sensor grain, in 0..255 levels.</summary>
    public required double Grain { get; init; }
}
