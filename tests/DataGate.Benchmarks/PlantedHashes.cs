using System.Numerics;

namespace DataGate.Benchmarks;

/// <summary>
/// 64-bit hashes with planted near-duplicate clusters, for the near-duplicate search benchmarks and their tests (the
/// one generator they share): random hashes, a tenth of them followed by 1–5 copies within 0–6 flipped bits, then
/// shuffled over the whole set.
/// </summary>
internal static class PlantedHashes
{
    /// <summary>Share of the random hashes that get copies.</summary>
    private const double ClusterProbability = 0.1;

    /// <summary><paramref name="n"/> hashes with planted clusters, the same for the same seed.</summary>
    public static ulong[] Generate(int n, int seed) => Generate(n, seed, out _);

    /// <summary>As <see cref="Generate(int, int)"/>; <paramref name="planted"/> counts the cluster members (bases included).</summary>
    public static ulong[] Generate(int n, int seed, out int planted)
    {
        var rng = new Random(seed);
        var hashes = new ulong[n];
        int i = 0;
        planted = 0;
        while (i < n)
        {
            // NextInt64 gives 63 random bits; the shifted int fills the top bit too.
            ulong b = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40);
            hashes[i++] = b;
            if (rng.NextDouble() < ClusterProbability)
            {
                int members = rng.Next(1, 6);
                planted += Math.Min(members, n - i) + 1;
                for (int m = 0; m < members && i < n; m++)
                {
                    hashes[i++] = Flip(b, rng.Next(0, 7), rng);
                }
            }
        }

        rng.Shuffle(hashes);
        return hashes;
    }

    /// <summary><paramref name="hash"/> with exactly <paramref name="bits"/> distinct bits flipped.</summary>
    public static ulong Flip(ulong hash, int bits, Random rng)
    {
        ulong mask = 0;
        while (BitOperations.PopCount(mask) < bits)
        {
            mask |= 1UL << rng.Next(64);
        }

        return hash ^ mask;
    }
}
