namespace DataGate.Core.Config;

/// <summary>How the embedding neighbours are searched (<c>duplicates.near.search</c>).</summary>
public enum EmbeddingSearch
{
    /// <summary>Exact up to <see cref="DuplicatePolicy.ExactSearchLimit"/> images, approximate above.</summary>
    Auto,

    /// <summary>Every pair's cosine (blocked SIMD dot products): O(n²), exact.</summary>
    Exact,

    /// <summary>
    /// Random-hyperplane (SimHash) signatures in banded hash tables propose candidates; each is confirmed by its exact
    /// cosine. Near-linear; a pair at the threshold is missed with a small measured probability.
    /// </summary>
    Approximate,
}
