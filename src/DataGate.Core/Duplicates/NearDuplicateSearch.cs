using System.Numerics;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Hashing;

namespace DataGate.Core.Duplicates;

/// <summary>
/// Near-duplicate candidates and their confirmation. Each image asks a <see cref="NearCandidateIndex"/> for the later
/// images within the hash radius of its hash, and (mirror matching) of its mirrored hash, at most
/// <see cref="DuplicatePolicy.MaxCandidates"/> each; every candidate pair is then checked on its own — dHash distance
/// and the Pearson correlation of the 32×32 gray thumbnails, the mirrored ones for a mirrored pair — and becomes a
/// link only when the configured check agrees. Work is O(n · cap): no pass over all pairs of a component.
/// </summary>
internal static class NearDuplicateSearch
{
    private const int Side = PerceptualHash.ThumbnailSide;

    /// <summary>The links found and what the search saw.</summary>
    /// <param name="Links">Confirmed pairs (indices into the items), sorted by distance, direct before mirrored, then indices.</param>
    /// <param name="Evidence">Evidence of each link, same order.</param>
    /// <param name="Candidates">Candidate pairs within the hash radius (direct and mirrored).</param>
    /// <param name="Unconfirmed">Candidates the confirmation rejected.</param>
    /// <param name="Capped">Images whose query stopped at the cap.</param>
    /// <param name="MissingEvidence">Images without what confirmation or mirror matching needs.</param>
    public sealed record Result(
        IReadOnlyList<NearDuplicatePair> Links,
        IReadOnlyList<Evidence> Evidence,
        int Candidates,
        int Unconfirmed,
        IReadOnlyList<int> Capped,
        IReadOnlyList<int> MissingEvidence)
    {
        /// <summary>True when the embedding search used its approximate index.</summary>
        public bool Approximate { get; init; }

        /// <summary>Images without an embedding (method: embedding or both).</summary>
        public IReadOnlyList<int> MissingEmbedding { get; init; } = [];
    }

    /// <summary>What confirmed one pair.</summary>
    /// <param name="DHashDistance">dHash distance, −1 when not known.</param>
    /// <param name="Correlation">Thumbnail correlation, NaN when not known.</param>
    /// <param name="Mirrored">Matched against the mirror.</param>
    /// <param name="Similarity">Embedding cosine similarity (<c>method: embedding</c>), NaN otherwise.</param>
    public readonly record struct Evidence(int DHashDistance, double Correlation, bool Mirrored, double Similarity = double.NaN);

    public static Result Find(IReadOnlyList<ImageRecord> items, DuplicatePolicy near, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        int n = items.Count;
        var hashes = new ulong[n];
        var mirrors = new ulong[n];
        var hasMirror = new bool[n];
        var dhashes = new ulong[n];
        var dmirrors = new ulong[n];
        var hasDHash = new bool[n];
        var thumbs = new byte[n][];
        var sums = new (long Sum, long SumSquares)[n];
        string? mirrorKey = near.Mirror ? HashKeys.MirrorOf(near.Hash) : null;
        var missing = new List<int>();
        for (int i = 0; i < n; i++)
        {
            var r = items[i];
            hashes[i] = r.HashBits.GetValueOrDefault(near.Hash);
            hasMirror[i] = mirrorKey is not null && r.HashBits.TryGetValue(mirrorKey, out mirrors[i]);
            hasDHash[i] = r.HashBits.TryGetValue(TextColumns.DHash, out dhashes[i]) & r.HashBits.TryGetValue(HashKeys.DHashMirror, out dmirrors[i]);
            thumbs[i] = r.Thumbnail is { Length: Side * Side } t ? t : [];
            sums[i] = Moments(thumbs[i]);
            bool needsDHash = near.Confirm is NearConfirm.DHash or NearConfirm.Both;
            bool needsThumb = near.Confirm is NearConfirm.Correlation or NearConfirm.Both;
            if ((mirrorKey is not null && !hasMirror[i]) || (needsDHash && !hasDHash[i]) || (needsThumb && thumbs[i].Length == 0))
            {
                missing.Add(i);
            }
        }

        var index = new NearCandidateIndex(hashes, near.MaxDistance);
        int threads = maxDegreeOfParallelism < 1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        int blocks = Math.Max(1, Math.Min(threads * 8, n / 256));
        var partial = new (List<(NearDuplicatePair Pair, Evidence Evidence)> Links, int Candidates, int Unconfirmed, List<int> Capped)[blocks];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, block =>
        {
            var links = new List<(NearDuplicatePair, Evidence)>();
            var capped = new List<int>();
            var found = new List<(int Item, int Distance)>();
            var mirrored = new byte[Side * Side];
            int candidates = 0;
            int unconfirmed = 0;
            int start = (int)((long)n * block / blocks);
            int end = (int)((long)n * (block + 1) / blocks);
            for (int i = start; i < end; i++)
            {
                bool cap = index.Query(hashes[i], i, near.MaxCandidates, found);
                foreach (var (j, d) in found)
                {
                    candidates++;
                    var e = Confirm(i, j, mirror: false);
                    if (e is { } ev)
                    {
                        links.Add((new NearDuplicatePair(i, j, d), ev));
                    }
                    else
                    {
                        unconfirmed++;
                    }
                }

                if (hasMirror[i])
                {
                    if (thumbs[i].Length > 0)
                    {
                        thumbs[i].CopyTo(mirrored, 0);
                        MirrorRows(mirrored);
                    }

                    cap |= index.Query(mirrors[i], i, near.MaxCandidates, found);
                    foreach (var (j, d) in found)
                    {
                        candidates++;
                        var e = Confirm(i, j, mirror: true);
                        if (e is { } ev)
                        {
                            links.Add((new NearDuplicatePair(i, j, d), ev));
                        }
                        else
                        {
                            unconfirmed++;
                        }
                    }
                }

                if (cap)
                {
                    capped.Add(i);
                }
            }

            partial[block] = (links, candidates, unconfirmed, capped);

            Evidence? Confirm(int i, int j, bool mirror)
            {
                int dd = hasDHash[i] && hasDHash[j] ? BitOperations.PopCount((mirror ? dmirrors[i] : dhashes[i]) ^ dhashes[j]) : -1;
                bool dhashOk = dd >= 0 && dd <= near.ConfirmMaxDistance;
                if (near.Confirm == NearConfirm.Both && !dhashOk)
                {
                    return null; // the cheap check already rejects: no correlation needed
                }

                double corr = thumbs[i].Length > 0 && thumbs[j].Length > 0 ? Pearson(mirror ? mirrored : thumbs[i], sums[i], thumbs[j], sums[j]) : double.NaN;
                bool corrOk = corr >= near.ConfirmMinCorrelation;
                bool ok = near.Confirm switch
                {
                    NearConfirm.Off => true,
                    NearConfirm.DHash => dhashOk,
                    NearConfirm.Correlation => corrOk,
                    _ => dhashOk && corrOk,
                };
                return ok ? new Evidence(dd, corr, mirror) : null;
            }
        });

        // Sized once: a look-alike set yields hundreds of thousands of links, and growing lists copy them repeatedly.
        var all = new List<(NearDuplicatePair Pair, Evidence Evidence)>(partial.Sum(p => p.Links.Count));
        var cappedAll = new List<int>();
        int totalCandidates = 0;
        int totalUnconfirmed = 0;
        foreach (var p in partial)
        {
            all.AddRange(p.Links);
            cappedAll.AddRange(p.Capped);
            totalCandidates += p.Candidates;
            totalUnconfirmed += p.Unconfirmed;
        }

        all.Sort(static (x, y) =>
        {
            int c = x.Pair.Distance.CompareTo(y.Pair.Distance);
            if (c == 0)
            {
                c = x.Evidence.Mirrored.CompareTo(y.Evidence.Mirrored);
            }

            if (c == 0)
            {
                c = x.Pair.First.CompareTo(y.Pair.First);
            }

            return c != 0 ? c : x.Pair.Second.CompareTo(y.Pair.Second);
        });
        var pairs = new List<NearDuplicatePair>(all.Count);
        var evidence = new List<Evidence>(all.Count);
        foreach (var (pair, e) in all)
        {
            pairs.Add(pair);
            evidence.Add(e);
        }

        return new Result(pairs, evidence, totalCandidates, totalUnconfirmed, cappedAll, missing);
    }

    /// <summary>Pearson correlation of two 32×32 thumbnails (1 for two constant ones, 0 for one constant one).</summary>
    internal static double Pearson(byte[] a, byte[] b) => Pearson(a, Moments(a), b, Moments(b));

    private static double Pearson(byte[] a, (long Sum, long SumSquares) ma, byte[] b, (long Sum, long SumSquares) mb)
    {
        const int count = Side * Side;
        long dot = Dot(a, b);
        double cov = dot - ((double)ma.Sum * mb.Sum / count);
        double va = ma.SumSquares - ((double)ma.Sum * ma.Sum / count);
        double vb = mb.SumSquares - ((double)mb.Sum * mb.Sum / count);
        if (va <= 0 || vb <= 0)
        {
            return va <= 0 && vb <= 0 ? 1 : 0;
        }

        return cov / Math.Sqrt(va * vb);
    }

    // Called for every candidate pair in one burst at the end of a run, before tiered compilation would optimise it.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (long Sum, long SumSquares) Moments(byte[] t)
    {
        long s = 0;
        long q = 0;
        foreach (byte v in t)
        {
            s += v;
            q += v * v;
        }

        return (s, q);
    }

    // Called for every candidate pair in one burst at the end of a run, before tiered compilation would optimise it.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static long Dot(byte[] a, byte[] b)
    {
        // Exact integer dot product: bytes widen to ushort (a product ≤ 65,025 fits), products widen to uint lanes
        // (a 32×32 thumbnail sums to ≤ 66.6 million, within uint).
        int i = 0;
        var acc = Vector<uint>.Zero;
        int width = Vector<byte>.Count;
        for (; i <= a.Length - width; i += width)
        {
            Vector.Widen(new Vector<byte>(a, i), out Vector<ushort> al, out Vector<ushort> ah);
            Vector.Widen(new Vector<byte>(b, i), out Vector<ushort> bl, out Vector<ushort> bh);
            Vector.Widen(al * bl, out Vector<uint> p0, out Vector<uint> p1);
            Vector.Widen(ah * bh, out Vector<uint> p2, out Vector<uint> p3);
            acc += p0 + p1 + p2 + p3;
        }

        long total = Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    private static void MirrorRows(byte[] grid)
    {
        for (int y = 0; y < Side; y++)
        {
            grid.AsSpan(y * Side, Side).Reverse();
        }
    }
}
