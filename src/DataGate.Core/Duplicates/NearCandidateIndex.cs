using System.Numerics;

namespace DataGate.Core.Duplicates;

/// <summary>
/// A multi-index hashing table (see <see cref="NearDuplicateIndex"/> for the pigeonhole argument) queried one hash at
/// a time, with a cap on what one query may return and scan: the search behind confirmed, mirror-aware near
/// duplicates. Every substring table is built once (memory ≈ 12 bytes per hash and substring plus 4 · 2^bits);
/// within a bucket the items are in index order, so a query for items after <c>self</c> starts at a binary search.
/// A query visits each item at most once: an item is reported only by the first substring that can find it. On a
/// set of look-alike images (thousands within the radius of one another) a query stops after <c>maxResults</c>
/// items within the radius or <c>64 · maxResults</c> items scanned, so the search stays O(n · cap) instead of O(n²).
/// </summary>
internal sealed class NearCandidateIndex
{
    private const int MaxChunkBits = 22;
    private const int ScanFactor = 64;
    private readonly ulong[] _hashes;
    private readonly int _radius;
    private readonly MultiIndexPlan? _plan;
    private readonly Table?[] _tables;

    /// <summary>Builds the tables for one radius.</summary>
    /// <param name="hashes">The indexed hashes; item i is <c>hashes[i]</c>. Not copied.</param>
    /// <param name="radius">Largest Hamming distance a query returns, 0–64.</param>
    public NearCandidateIndex(ulong[] hashes, int radius)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radius, 64);
        _hashes = hashes;
        _radius = radius;
        _plan = MultiIndexPlan.Choose(hashes.Length, radius, MaxChunkBits);
        _tables = _plan is null ? [] : _plan.Chunks.Select(c => c.Radius >= 0 ? Build(hashes, c) : null).ToArray();
    }

    /// <summary>"multi-index m=N" or "linear scan" (few items, or a radius where scanning is cheaper).</summary>
    public string Strategy => _plan is null ? "linear scan" : $"multi-index m={_plan.Chunks.Length}";

    /// <summary>Items j &gt; <paramref name="self"/> whose hash is within the radius of <paramref name="query"/>.</summary>
    /// <param name="query">The hash looked up (an item's own hash, or its mirrored hash).</param>
    /// <param name="self">Only items after this index are returned (each unordered pair is asked for once).</param>
    /// <param name="maxResults">Most items returned.</param>
    /// <param name="results">Receives (item, distance); cleared first.</param>
    /// <returns>True when the query stopped at its cap (more items may lie within the radius).</returns>
    public bool Query(ulong query, int self, int maxResults, List<(int Item, int Distance)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        results.Clear();
        long scanBudget = (long)maxResults * ScanFactor;
        if (_plan is null)
        {
            for (int j = self + 1; j < _hashes.Length; j++)
            {
                int d = BitOperations.PopCount(query ^ _hashes[j]);
                if (d <= _radius)
                {
                    if (results.Count == maxResults)
                    {
                        return true;
                    }

                    results.Add((j, d));
                }
            }

            return false;
        }

        var chunks = _plan.Chunks;
        for (int c = 0; c < chunks.Length; c++)
        {
            var table = _tables[c];
            if (table is null)
            {
                continue;
            }

            var chunk = chunks[c];
            uint key = (uint)((query & chunk.Mask) >> chunk.Shift);
            foreach (uint flip in table.Flips)
            {
                uint k2 = key ^ flip;
                int start = table.Offsets[k2];
                int end = table.Offsets[k2 + 1];
                if (start == end)
                {
                    continue;
                }

                // Items of a bucket are in index order: skip to the first one after self.
                int q = LowerBound(table.Ids, start, end, self + 1);
                for (; q < end; q++)
                {
                    if (--scanBudget < 0)
                    {
                        return true;
                    }

                    ulong x = query ^ table.Sorted[q];
                    int d = BitOperations.PopCount(x);
                    if (d <= _radius && !FoundEarlier(x, chunks, c))
                    {
                        if (results.Count == maxResults)
                        {
                            return true;
                        }

                        results.Add((table.Ids[q], d));
                    }
                }
            }
        }

        return false;
    }

    private static int LowerBound(int[] ids, int start, int end, int value)
    {
        int lo = start;
        int hi = end;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ids[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static bool FoundEarlier(ulong x, MultiIndexPlan.Chunk[] chunks, int before)
    {
        for (int j = 0; j < before; j++)
        {
            if (chunks[j].Radius >= 0 && BitOperations.PopCount(x & chunks[j].Mask) <= chunks[j].Radius)
            {
                return true;
            }
        }

        return false;
    }

    private static Table Build(ulong[] hashes, MultiIndexPlan.Chunk chunk)
    {
        int n = hashes.Length;
        int buckets = 1 << chunk.Bits;
        var offsets = new int[buckets + 1];
        for (int i = 0; i < n; i++)
        {
            offsets[(int)((hashes[i] & chunk.Mask) >> chunk.Shift) + 1]++;
        }

        for (int b = 0; b < buckets; b++)
        {
            offsets[b + 1] += offsets[b];
        }

        // Counting sort, stable: ids ascend within each bucket.
        var ids = new int[n];
        var sorted = new ulong[n];
        var fill = (int[])offsets.Clone();
        for (int i = 0; i < n; i++)
        {
            int p = fill[(int)((hashes[i] & chunk.Mask) >> chunk.Shift)]++;
            ids[p] = i;
            sorted[p] = hashes[i];
        }

        return new Table(offsets, ids, sorted, NearDuplicateIndex.FlipMasks(chunk.Bits, chunk.Radius));
    }

    private sealed record Table(int[] Offsets, int[] Ids, ulong[] Sorted, uint[] Flips);
}
