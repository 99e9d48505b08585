namespace DataGate.Core.Config;

/// <summary>How near duplicates are found (<c>duplicates.near.method</c>).</summary>
public enum NearMethod
{
    /// <summary>Perceptual-hash neighbours, confirmed by a second check (the default).</summary>
    Hash,

    /// <summary>
    /// Cosine similarity of a pretrained CNN embedding (opt-in; needs <see cref="DuplicatePolicy.Model"/>): finds
    /// crops, rotations and other edited copies the hashes miss, at ~0.1 s of CPU per image.
    /// </summary>
    Embedding,

    /// <summary>
    /// Both: the confirmed hash pairs and the embedding pairs join groups (a JPEG q20 copy is found by the hashes, a
    /// crop by the embedding).
    /// </summary>
    Both,
}
