namespace DataGate.Core.Duplicates;

/// <summary>Two items whose 64-bit hashes differ in at most the search radius.</summary>
/// <param name="First">Index of the first item (always &lt; <paramref name="Second"/>).</param>
/// <param name="Second">Index of the second item.</param>
/// <param name="Distance">Hamming distance of the two hashes, 0–64.</param>
internal readonly record struct NearDuplicatePair(int First, int Second, int Distance);
