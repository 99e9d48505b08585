namespace DataGate.Core.Config;

/// <summary>Which member of a duplicate group stays when the others are excluded.</summary>
public enum KeepPolicy
{
    /// <summary>Lowest BRISQUE score (NaN counts as worst), then most pixels, then largest file, then ordinal path.</summary>
    BestQuality,

    /// <summary>Most pixels, then largest file, then ordinal path.</summary>
    Largest,

    /// <summary>The ordinally first path.</summary>
    FirstPath,
}
