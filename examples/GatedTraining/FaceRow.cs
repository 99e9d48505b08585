using Microsoft.ML.Data;

namespace GatedTraining;

/// <summary>One kept image: a tiny gray thumbnail as features and the gender label.</summary>
public sealed class FaceRow
{
    /// <summary>Side of the square thumbnail.</summary>
    public const int Side = 12;

    /// <summary>Gray thumbnail pixels, row-major, 0–1.</summary>
    [VectorType(Side * Side)]
    public float[] Pixels { get; set; } = [];

    /// <summary>True for gender code 1 (female).</summary>
    public bool Label { get; set; }
}
