using System.Numerics;

namespace DataGate.Core.Duplicates;

/// <summary>
/// The near-duplicate search split into query tiles, for hash sets whose search needs more than one node: every
/// hash is indexed (the same multi-index substrings as <see cref="NearDuplicateIndex"/>), and one tile's queries
/// <c>[start, end)</c> are looked up against it. A pair (i &lt; j) belongs to the tile holding i, so the tiles of a
/// partition of <c>[0, n)</c> return disjoint pair lists whose union, sorted, is exactly
/// <see cref="NearDuplicateIndex.FindPairs"/> of the whole set (a test checks this). Unlike the self-join, a query
/// visits every neighbouring bucket (not only larger keys), since its partner may sit in another tile.
/// </summary>
internal static class NearDuplicateTileSearch
{
    private const int MaxChunkBits = 22;

    /// <summary>Pairs (i, j), i in <c>[queryStart, queryEnd)</c>, j &gt; i, within <paramref name="radius"/>; sorted by (First, Second).</summary>
    /// <param name="hashes">All hashes (the index); item i is <c>hashes[i]</c>.</param>
    /// <param name="queryStart">First query item of the tile.</param>
    /// <param name="queryEnd">End (exclusive) of the tile.</param>
    /// <param name="radius">Maximum Hamming distance, 0–64.</param>
    /// <param name="maxDegreeOfParallelism">Threads; below 1 means all processors.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    public static IReadOnlyList<NearDuplicatePair> FindPairs(ulong[] hashes, int queryStart, int queryEnd, int radius, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentOutOfRangeException.ThrowIfNegative(queryStart);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(queryEnd, hashes.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(queryStart, queryEnd);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radius, 64);
        int threads = maxDegreeOfParallelism < 1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        var plan = MultiIndexPlan.Choose(hashes.Length, radius, MaxChunkBits);
        var result = new List<NearDuplicatePair>();
        if (plan is null)
        {
            for (int i = queryStart; i < queryEnd; i++)
            {
                for (int j = i + 1; j < hashes.Length; j++)
                {
                    int d = BitOperations.PopCount(hashes[i] ^ hashes[j]);
                    if (d <= radius)
                    {
                        result.Add(new NearDuplicatePair(i, j, d));
                    }
                }
            }

            return result;
        }

        for (int c = 0; c < plan.Chunks.Length; c++)
        {
            if (plan.Chunks[c].Radius >= 0)
            {
                SearchChunk(hashes, plan, c, queryStart, queryEnd, radius, threads, result, cancellationToken);
            }
        }

        result.Sort(static (x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second.CompareTo(y.Second));
        return result;
    }

    private static void SearchChunk(ulong[] hashes, MultiIndexPlan plan, int c, int queryStart, int queryEnd, int radius, int threads, List<NearDuplicatePair> result, CancellationToken cancellationToken)
    {
        var chunk = plan.Chunks[c];
        int n = hashes.Length;
        ulong mask = chunk.Mask;
        int shift = chunk.Shift;
        var offsets = new int[(1 << chunk.Bits) + 1];
        for (int i = 0; i < n; i++)
        {
            offsets[(int)((hashes[i] & mask) >> shift) + 1]++;
        }

        for (int b = 1; b < offsets.Length; b++)
        {
            offsets[b] += offsets[b - 1];
        }

        var ids = new int[n];
        var sorted = new ulong[n];
        var fill = (int[])offsets.Clone();
        for (int i = 0; i < n; i++)
        {
            int p = fill[(int)((hashes[i] & mask) >> shift)]++;
            ids[p] = i;
            sorted[p] = hashes[i];
        }

        uint[] flips = NearDuplicateIndex.FlipMasks(chunk.Bits, chunk.Radius);
        var earlier = plan.Chunks.AsSpan(0, c).ToArray();
        int count = queryEnd - queryStart;
        int blocks = Math.Max(1, Math.Min(threads * 8, count / 4096));
        var partial = new List<NearDuplicatePair>[blocks];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, block =>
        {
            var local = new List<NearDuplicatePair>();
            int start = queryStart + (int)((long)count * block / blocks);
            int end = queryStart + (int)((long)count * (block + 1) / blocks);
            for (int i = start; i < end; i++)
            {
                ulong h = hashes[i];
                uint key = (uint)((h & mask) >> shift);
                foreach (uint flip in flips)
                {
                    uint k2 = key ^ flip;
                    for (int q = offsets[k2]; q < offsets[k2 + 1]; q++)
                    {
                        int j = ids[q];
                        if (j <= i)
                        {
                            continue;
                        }

                        ulong x = h ^ sorted[q];
                        int d = BitOperations.PopCount(x);
                        if (d <= radius && !FoundEarlier(x, earlier))
                        {
                            local.Add(new NearDuplicatePair(i, j, d));
                        }
                    }
                }
            }

            partial[block] = local;
        });

        foreach (var list in partial)
        {
            result.AddRange(list);
        }
    }

    private static bool FoundEarlier(ulong x, MultiIndexPlan.Chunk[] earlier)
    {
        foreach (var e in earlier)
        {
            if (BitOperations.PopCount(x & e.Mask) <= e.Radius)
            {
                return true;
            }
        }

        return false;
    }
}
