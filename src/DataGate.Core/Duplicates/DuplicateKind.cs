namespace DataGate.Core.Duplicates;

/// <summary>How the members of a duplicate group are alike.</summary>
public enum DuplicateKind
{
    /// <summary>Same decoded pixels (byte-identical files included).</summary>
    Exact,

    /// <summary>Perceptual hashes within the configured Hamming distance (at least two different pixel contents).</summary>
    Near,
}
