namespace MlNetPipeline;

/// <summary>One image of the dataset with the labels its UTKFace-style file name carries (empty when it has none).</summary>
internal sealed class FaceRow
{
    public string ImagePath { get; set; } = string.Empty;

    /// <summary>Age in years; NaN when the name has none.</summary>
    public float Age { get; set; } = float.NaN;

    /// <summary>Decade of the age as datagate.yml bins it (<c>20-30</c>); empty when unknown.</summary>
    public string AgeBin { get; set; } = string.Empty;

    /// <summary>0 male, 1 female; empty when the name has none.</summary>
    public string Gender { get; set; } = string.Empty;

    /// <summary>0–4; empty when the name has none.</summary>
    public string Race { get; set; } = string.Empty;
}
