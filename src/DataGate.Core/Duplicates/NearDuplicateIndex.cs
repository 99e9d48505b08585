using System.Numerics;
using System.Numerics.Tensors;

namespace DataGate.Core.Duplicates;

/// <summary>
/// Finds all pairs of 64-bit hashes within a Hamming radius without comparing all pairs, by multi-index hashing:
/// the 64 bits are split into m substrings; by the pigeonhole principle two hashes within radius r = q·m + a
/// agree within q bits on one of the first a + 1 substrings or within q − 1 bits on one of the others. Each
/// substring gets a direct-address table; every hash looks up the keys within its substring radius and the
/// candidates are verified with a popcount. Each unordered pair is visited once per substring (own bucket: later
/// positions only; other buckets: only from the smaller key) and reported only by the first substring that can
/// find it, so no set of seen pairs is needed. One substring table exists at a time (memory ≈ 12 bytes per hash
/// plus 4 · 2^bits). m is chosen by a cost estimate; all-pairs comparison is used when cheaper
/// (few hashes or a large radius).
/// </summary>
internal sealed class NearDuplicateIndex
{
    private const int MaxChunkBits = 22;
    private readonly ulong[] _hashes;

    /// <summary>Creates an index over hashes; item i is <c>hashes[i]</c>. The array is not copied.</summary>
    /// <param name="hashes">64-bit hashes, e.g. <see cref="Hashing.ImageHashes.PHash64"/>.</param>
    public NearDuplicateIndex(ulong[] hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        _hashes = hashes;
    }

    /// <summary>Number of hashes.</summary>
    public int Count => _hashes.Length;

    /// <summary>How the last <see cref="FindPairs"/> call searched, e.g. "multi-index m=4" or "brute force".</summary>
    public string LastStrategy { get; private set; } = "none";

    /// <summary>All pairs (i &lt; j) with Hamming distance ≤ <paramref name="radius"/>, sorted by (First, Second).</summary>
    /// <param name="radius">Maximum Hamming distance, 0–64.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use, ≥ 1 (default: all processors).</param>
    /// <param name="cancellationToken">Stops the search (checked between blocks of hashes).</param>
    public IReadOnlyList<NearDuplicatePair> FindPairs(int radius, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radius, 64);
        int threads = maxDegreeOfParallelism < 1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        var plan = MultiIndexPlan.Choose(_hashes.Length, radius, MaxChunkBits);
        if (plan is null)
        {
            LastStrategy = "brute force";
            return BruteForcePairs(_hashes, radius);
        }

        LastStrategy = $"multi-index m={plan.Chunks.Length}";
        var result = new List<NearDuplicatePair>();
        for (int c = 0; c < plan.Chunks.Length; c++)
        {
            if (plan.Chunks[c].Radius >= 0)
            {
                SearchChunk(plan, c, radius, threads, result, cancellationToken);
            }
        }

        result.Sort(static (x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second.CompareTo(y.Second));
        return result;
    }

    /// <summary>Reference all-pairs search, O(n²) but vectorised: all pairs (i &lt; j) within the radius, sorted.</summary>
    /// <param name="hashes">64-bit hashes.</param>
    /// <param name="radius">Maximum Hamming distance, 0–64.</param>
    public static IReadOnlyList<NearDuplicatePair> BruteForcePairs(ReadOnlySpan<ulong> hashes, int radius)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        var result = new List<NearDuplicatePair>();
        var distances = new ulong[hashes.Length];
        for (int i = 0; i < hashes.Length - 1; i++)
        {
            var rest = hashes[(i + 1)..];
            var d = distances.AsSpan(0, rest.Length);
            TensorPrimitives.Xor(rest, hashes[i], d);
            TensorPrimitives.PopCount(d, d);
            int offset = 0;
            while (true)
            {
                int found = d[offset..].IndexOfAnyInRange(0UL, (ulong)radius);
                if (found < 0)
                {
                    break;
                }

                offset += found;
                result.Add(new NearDuplicatePair(i, i + 1 + offset, (int)d[offset]));
                offset++;
            }
        }

        return result;
    }

    private void SearchChunk(MultiIndexPlan plan, int c, int radius, int threads, List<NearDuplicatePair> result, CancellationToken cancellationToken)
    {
        var chunk = plan.Chunks[c];
        int n = _hashes.Length;
        int buckets = 1 << chunk.Bits;
        ulong mask = chunk.Mask;
        int shift = chunk.Shift;

        // Counting sort by substring value: offsets (CSR), ids and hashes in bucket order.
        var offsets = new int[buckets + 1];
        for (int i = 0; i < n; i++)
        {
            offsets[(int)((_hashes[i] & mask) >> shift) + 1]++;
        }

        for (int b = 0; b < buckets; b++)
        {
            offsets[b + 1] += offsets[b];
        }

        var ids = new int[n];
        var sorted = new ulong[n];
        var fill = (int[])offsets.Clone();
        for (int i = 0; i < n; i++)
        {
            int b = (int)((_hashes[i] & mask) >> shift);
            int p = fill[b]++;
            ids[p] = i;
            sorted[p] = _hashes[i];
        }

        fill = null;
        uint[] flips = FlipMasks(chunk.Bits, chunk.Radius);
        var earlier = plan.Chunks.AsSpan(0, c).ToArray();
        int blocks = Math.Max(1, Math.Min(threads * 8, n / 4096));
        var partial = new List<NearDuplicatePair>[blocks];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, block =>
        {
            var local = new List<NearDuplicatePair>();
            int start = (int)((long)n * block / blocks);
            int end = (int)((long)n * (block + 1) / blocks);
            for (int p = start; p < end; p++)
            {
                int id = ids[p];
                ulong h = sorted[p];
                uint key = (uint)((h & mask) >> shift);
                for (int f = 0; f < flips.Length; f++)
                {
                    // Each unordered pair is visited once: within the own bucket only later positions, and
                    // across buckets only from the bucket with the smaller key.
                    uint k2 = key ^ flips[f];
                    int qStart;
                    if (k2 == key)
                    {
                        qStart = p + 1;
                    }
                    else if (k2 < key)
                    {
                        continue;
                    }
                    else
                    {
                        qStart = offsets[k2];
                    }

                    int qEnd = offsets[k2 + 1];
                    for (int q = qStart; q < qEnd; q++)
                    {
                        ulong x = h ^ sorted[q];
                        int d = BitOperations.PopCount(x);
                        if (d <= radius && !FoundEarlier(x, earlier))
                        {
                            int other = ids[q];
                            local.Add(other > id ? new NearDuplicatePair(id, other, d) : new NearDuplicatePair(other, id, d));
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
        for (int j = 0; j < earlier.Length; j++)
        {
            if (BitOperations.PopCount(x & earlier[j].Mask) <= earlier[j].Radius)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>All masks of at most <paramref name="radius"/> set bits among <paramref name="bits"/>, popcount order.</summary>
    internal static uint[] FlipMasks(int bits, int radius)
    {
        var masks = new List<uint>();
        for (int r = 0; r <= Math.Min(radius, bits); r++)
        {
            AddCombinations(masks, bits, r, 0, 0u);
        }

        return [.. masks];
    }

    private static void AddCombinations(List<uint> masks, int bits, int remaining, int from, uint current)
    {
        if (remaining == 0)
        {
            masks.Add(current);
            return;
        }

        for (int b = from; b <= bits - remaining; b++)
        {
            AddCombinations(masks, bits, remaining - 1, b + 1, current | (1u << b));
        }
    }
}
