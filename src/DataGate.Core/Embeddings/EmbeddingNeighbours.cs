using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DataGate.Core.Embeddings;

/// <summary>
/// All pairs of unit vectors whose cosine similarity (their dot product) is at least a threshold.
/// <list type="bullet">
/// <item><b>Exact</b>: every pair, in cache-sized tiles, each row's dot products four columns at a time (one load of
/// the row for four fused multiply-adds). O(n²·d): 20,000 images are 2·10^8 pairs, a few seconds on two cores — small
/// next to the embedding itself (~0.1 s of CPU per image).</item>
/// <item><b>Approximate</b> (an inverted-file index, as FAISS's IndexIVFFlat): spherical k-means on a sample gives
/// ≈√n centroids; each vector is filed under its nearest centroid; each vector then compares itself, exactly, with the
/// vectors filed under its <see cref="Probes"/> nearest centroids. A pair is found when one vector's cell is among
/// the other's probed cells — near duplicates (cosine ≥ 0.8) practically always are; the recall against the exact
/// search is measured in the benchmark (<c>embeddingsearch</c>) and checked in tests on planted pairs. Every pair
/// reported carries its exact cosine, so the approximation can only miss pairs, never invent one.</item>
/// </list>
/// Deterministic: the sample and the initial centroids come from a fixed seed; the result is sorted.
/// </summary>
internal static class EmbeddingNeighbours
{
    /// <summary>Cells probed per vector in the approximate search.</summary>
    public const int Probes = 8;

    private const int Tile = 256;
    private const int KMeansIterations = 8;

    /// <summary>One pair found.</summary>
    /// <param name="First">Index of the first vector (&lt; <paramref name="Second"/>).</param>
    /// <param name="Second">Index of the second vector.</param>
    /// <param name="Similarity">Their cosine similarity.</param>
    public readonly record struct Pair(int First, int Second, float Similarity);

    /// <summary>What the search found and what it compared.</summary>
    /// <param name="Pairs">Pairs at or above the threshold, most similar first, then by indices.</param>
    /// <param name="Comparisons">Dot products computed.</param>
    /// <param name="Approximate">True when the inverted-file index was used.</param>
    public sealed record Result(IReadOnlyList<Pair> Pairs, long Comparisons, bool Approximate);

    /// <summary>Searches <paramref name="vectors"/> (unit length, <paramref name="dimensions"/> each; null entries take no part).</summary>
    public static Result Find(IReadOnlyList<float[]?> vectors, int dimensions, float minSimilarity, bool approximate, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var present = new List<int>(vectors.Count);
        for (int i = 0; i < vectors.Count; i++)
        {
            if (vectors[i] is { } v && v.Length == dimensions)
            {
                present.Add(i);
            }
        }

        int n = present.Count;
        var matrix = new float[(long)n * dimensions];
        for (int k = 0; k < n; k++)
        {
            vectors[present[k]]!.CopyTo(matrix, (long)k * dimensions);
        }

        int threads = maxDegreeOfParallelism < 1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        var (pairs, comparisons) = approximate && n > 2 * Probes
            ? InvertedFile(matrix, n, dimensions, minSimilarity, options)
            : Exact(matrix, n, dimensions, minSimilarity, options);
        var result = pairs.Select(p => new Pair(Math.Min(present[p.First], present[p.Second]), Math.Max(present[p.First], present[p.Second]), p.Similarity)).ToList();
        result.Sort(static (x, y) =>
        {
            int c = y.Similarity.CompareTo(x.Similarity);
            if (c == 0)
            {
                c = x.First.CompareTo(y.First);
            }

            return c != 0 ? c : x.Second.CompareTo(y.Second);
        });
        return new Result(result, comparisons, approximate && n > 2 * Probes);
    }

    private static (List<Pair> Pairs, long Comparisons) Exact(float[] m, int n, int d, float min, ParallelOptions options)
    {
        int tiles = (n + Tile - 1) / Tile;
        var jobs = new List<(int A, int B)>();
        for (int a = 0; a < tiles; a++)
        {
            for (int b = a; b < tiles; b++)
            {
                jobs.Add((a, b));
            }
        }

        var bag = new List<Pair>[jobs.Count];
        long comparisons = 0;
        Parallel.For(0, jobs.Count, options, job =>
        {
            var (a, b) = jobs[job];
            var found = new List<Pair>();
            var dots = new float[Tile];
            int aEnd = Math.Min(n, (a + 1) * Tile);
            int bEnd = Math.Min(n, (b + 1) * Tile);
            long local = 0;
            for (int i = a * Tile; i < aEnd; i++)
            {
                int start = a == b ? i + 1 : b * Tile;
                int count = bEnd - start;
                if (count <= 0)
                {
                    continue;
                }

                DotMany(m.AsSpan((int)((long)i * d), d), m, start, count, d, dots);
                local += count;
                for (int k = 0; k < count; k++)
                {
                    if (dots[k] >= min)
                    {
                        found.Add(new Pair(i, start + k, dots[k]));
                    }
                }
            }

            bag[job] = found;
            Interlocked.Add(ref comparisons, local);
        });
        return ([.. bag.SelectMany(x => x)], comparisons);
    }

    private static (List<Pair> Pairs, long Comparisons) InvertedFile(float[] m, int n, int d, float min, ParallelOptions options)
    {
        int cells = Math.Clamp((int)Math.Round(Math.Sqrt(n)), Probes, 4096);
        var centroids = KMeans(m, n, d, cells, options);

        // Each vector's nearest cells (the first is where it is filed).
        var nearest = new int[(long)n * Probes];
        Parallel.For(0, n, options, () => new float[cells], (i, _, dots) =>
        {
            DotMany(m.AsSpan(i * d, d), centroids, 0, cells, d, dots);
            TopK(dots, nearest.AsSpan(i * Probes, Probes));
            return dots;
        }, _ => { });

        // The vectors filed per cell, in index order, copied contiguously.
        var counts = new int[cells + 1];
        for (int i = 0; i < n; i++)
        {
            counts[nearest[(long)i * Probes] + 1]++;
        }

        for (int c = 0; c < cells; c++)
        {
            counts[c + 1] += counts[c];
        }

        var members = new int[n];
        var fill = (int[])counts.Clone();
        for (int i = 0; i < n; i++)
        {
            members[fill[nearest[(long)i * Probes]]++] = i;
        }

        var sorted = new float[(long)n * d];
        for (int k = 0; k < n; k++)
        {
            Array.Copy(m, (long)members[k] * d, sorted, (long)k * d, d);
        }

        var bag = new List<Pair>?[n];
        long comparisons = 0;
        int largest = 0;
        for (int c = 0; c < cells; c++)
        {
            largest = Math.Max(largest, counts[c + 1] - counts[c]);
        }

        Parallel.For(0, n, options, () => new float[Math.Max(1, largest)], (i, _, dots) =>
        {
            List<Pair>? found = null;
            long local = 0;
            var row = m.AsSpan(i * d, d);
            for (int p = 0; p < Probes; p++)
            {
                int cell = nearest[((long)i * Probes) + p];
                int start = counts[cell];
                int count = counts[cell + 1] - start;
                if (count == 0)
                {
                    continue;
                }

                DotMany(row, sorted, start, count, d, dots);
                local += count;
                for (int k = 0; k < count; k++)
                {
                    int j = members[start + k];
                    if (dots[k] >= min && j != i)
                    {
                        // Found from both sides when each is in the other's probes: kept once, from the smaller index
                        // when that side found it, else from the larger.
                        bool mineToReport = j > i || !Probed(nearest, j, nearest[(long)i * Probes]);
                        if (mineToReport)
                        {
                            (found ??= []).Add(new Pair(Math.Min(i, j), Math.Max(i, j), dots[k]));
                        }
                    }
                }
            }

            bag[i] = found;
            Interlocked.Add(ref comparisons, local);
            return dots;
        }, _ => { });
        return ([.. bag.Where(x => x is not null).SelectMany(x => x!)], comparisons);
    }

    // True when vector j probes the cell that holds vector i (so j reports the pair itself).
    private static bool Probed(int[] nearest, int j, int cell)
    {
        for (int p = 0; p < Probes; p++)
        {
            if (nearest[((long)j * Probes) + p] == cell)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Spherical k-means (unit centroids, assignment by largest dot) on a fixed-seed sample.</summary>
    private static float[] KMeans(float[] m, int n, int d, int cells, ParallelOptions options)
    {
        var random = new Random(20261201);
        int sampleSize = Math.Min(n, cells * 40);
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        var sample = order.AsSpan(0, sampleSize).ToArray();
        var centroids = new float[(long)cells * d];
        for (int c = 0; c < cells; c++)
        {
            Array.Copy(m, (long)sample[c] * d, centroids, (long)c * d, d);
        }

        var assignment = new int[sampleSize];
        for (int iteration = 0; iteration < KMeansIterations; iteration++)
        {
            Parallel.For(0, sampleSize, options, () => new float[cells], (s, _, dots) =>
            {
                DotMany(m.AsSpan(sample[s] * d, d), centroids, 0, cells, d, dots);
                assignment[s] = TensorPrimitives.IndexOfMax(dots.AsSpan(0, cells));
                return dots;
            }, _ => { });

            var sums = new float[(long)cells * d];
            var sizes = new int[cells];
            for (int s = 0; s < sampleSize; s++)
            {
                int c = assignment[s];
                sizes[c]++;
                TensorPrimitives.Add(sums.AsSpan(c * d, d), m.AsSpan(sample[s] * d, d), sums.AsSpan(c * d, d));
            }

            for (int c = 0; c < cells; c++)
            {
                var centroid = sums.AsSpan(c * d, d);
                if (sizes[c] == 0)
                {
                    // An empty cell restarts at a random sample vector.
                    m.AsSpan(sample[random.Next(sampleSize)] * d, d).CopyTo(centroid);
                }

                ImageEmbedder.Normalize(centroid);
            }

            centroids = sums;
        }

        return centroids;
    }

    private static void TopK(float[] scores, Span<int> best)
    {
        // k is small (Probes): insertion into a sorted prefix.
        Span<float> top = stackalloc float[best.Length];
        top.Fill(float.NegativeInfinity);
        best.Clear();
        for (int c = 0; c < scores.Length; c++)
        {
            float s = scores[c];
            if (s <= top[^1])
            {
                continue;
            }

            int k = best.Length - 1;
            while (k > 0 && top[k - 1] < s)
            {
                top[k] = top[k - 1];
                best[k] = best[k - 1];
                k--;
            }

            top[k] = s;
            best[k] = c;
        }
    }

    /// <summary>dots[k] = row · rows[start + k] for k &lt; count (rows of <paramref name="d"/> floats in <paramref name="rows"/>).</summary>
    internal static void DotMany(ReadOnlySpan<float> row, float[] rows, int start, int count, int d, Span<float> dots)
    {
        int k = 0;
        if (Vector256.IsHardwareAccelerated && d % Vector256<float>.Count == 0)
        {
            ref float x = ref MemoryMarshal.GetReference(row);
            for (; k + 4 <= count; k += 4)
            {
                ref float r0 = ref rows[(long)(start + k) * d];
                ref float r1 = ref Unsafe.Add(ref r0, d);
                ref float r2 = ref Unsafe.Add(ref r1, d);
                ref float r3 = ref Unsafe.Add(ref r2, d);
                var a0 = Vector256<float>.Zero;
                var a1 = Vector256<float>.Zero;
                var a2 = Vector256<float>.Zero;
                var a3 = Vector256<float>.Zero;
                for (int e = 0; e < d; e += Vector256<float>.Count)
                {
                    var v = Vector256.LoadUnsafe(ref x, (nuint)e);
                    a0 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref r0, (nuint)e), a0);
                    a1 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref r1, (nuint)e), a1);
                    a2 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref r2, (nuint)e), a2);
                    a3 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref r3, (nuint)e), a3);
                }

                dots[k] = Vector256.Sum(a0);
                dots[k + 1] = Vector256.Sum(a1);
                dots[k + 2] = Vector256.Sum(a2);
                dots[k + 3] = Vector256.Sum(a3);
            }

            // The rest one at a time, summed in the same order: a pair's cosine does not depend on where it falls.
            for (; k < count; k++)
            {
                ref float r0 = ref rows[(long)(start + k) * d];
                var a0 = Vector256<float>.Zero;
                for (int e = 0; e < d; e += Vector256<float>.Count)
                {
                    a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x, (nuint)e), Vector256.LoadUnsafe(ref r0, (nuint)e), a0);
                }

                dots[k] = Vector256.Sum(a0);
            }

            return;
        }

        for (; k < count; k++)
        {
            dots[k] = TensorPrimitives.Dot(row, rows.AsSpan((int)((long)(start + k) * d), d));
        }
    }
}
