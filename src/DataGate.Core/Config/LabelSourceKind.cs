namespace DataGate.Core.Config;

/// <summary>Where labels come from.</summary>
public enum LabelSourceKind
{
    /// <summary>No labels.</summary>
    None,

    /// <summary>Named groups of a regular expression matched against the file name.</summary>
    FileName,

    /// <summary>A CSV manifest with one row per image.</summary>
    Csv,

    /// <summary>The name of the image's parent folder.</summary>
    Folder,
}
