using System.Numerics;
using DataGate.Benchmarks;
using DataGate.Core.Duplicates;

namespace DataGate.Core.Tests.Duplicates;

public sealed class NearDuplicateIndexTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly int[] s_radii = [0, 1, 3, 4, 6, 8, 10, 12];

    [Fact]
    public void Should_FindSamePairsAsBruteForce_When_100kHashesWithPlantedNearPairs()
    {
        var hashes = Planted(100_000, seed: 7);
        int maxRadius = s_radii.Max();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var reference = NearDuplicateIndex.BruteForcePairs(hashes, maxRadius);
        output.WriteLine($"brute force r={maxRadius}: {reference.Count} pairs, {sw.ElapsedMilliseconds} ms");
        var index = new NearDuplicateIndex(hashes);
        foreach (int r in s_radii)
        {
            sw.Restart();
            var expected = reference.Where(p => p.Distance <= r).ToList();
            var actual = index.FindPairs(r);
            Assert.StartsWith("multi-index", index.LastStrategy, StringComparison.Ordinal);
            Assert.True(expected.Count > 1000, $"radius {r}: too few planted pairs ({expected.Count}) to be a real test");
            output.WriteLine($"radius {r}: {actual.Count} pairs, {index.LastStrategy}, {sw.ElapsedMilliseconds} ms");
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Should_FindSamePairsAsBruteForce_When_BitsAreBiasedAndBucketsCrowded()
    {
        // Hashes sharing most high bits crowd a few buckets, as real pHashes of similar images do.
        var rng = new Random(11);
        var hashes = new ulong[20_000];
        for (int i = 0; i < hashes.Length; i++)
        {
            ulong r = (ulong)rng.NextInt64() ^ ((ulong)rng.NextInt64() << 1);
            hashes[i] = i % 3 == 0 ? (0xABCD_EF00_0000_0000UL | (r & 0x0000_00FF_FFFF_FFFFUL)) : r & (r >> 7);
        }

        var reference = NearDuplicateIndex.BruteForcePairs(hashes, 8);
        var index = new NearDuplicateIndex(hashes);
        foreach (int r in new[] { 2, 5, 8 })
        {
            Assert.Equal(reference.Where(p => p.Distance <= r).ToList(), index.FindPairs(r, maxDegreeOfParallelism: 2));
        }
    }

    [Fact]
    public void Should_UseBruteForce_When_FewHashes()
    {
        var hashes = Planted(300, seed: 3);
        var index = new NearDuplicateIndex(hashes);
        var pairs = index.FindPairs(6);
        Assert.Equal("brute force", index.LastStrategy);
        Assert.Equal(NearDuplicateIndex.BruteForcePairs(hashes, 6), pairs);
        Assert.All(pairs, p => Assert.Equal(BitOperations.PopCount(hashes[p.First] ^ hashes[p.Second]), p.Distance));
    }

    [Theory]
    [InlineData(16, 2, 137)]
    [InlineData(21, 3, 1562)]
    [InlineData(13, 0, 1)]
    public void Should_EnumerateEveryMaskOnce_When_BuildingFlipMasks(int bits, int radius, int expected)
    {
        var masks = NearDuplicateIndex.FlipMasks(bits, radius);
        Assert.Equal(expected, masks.Length);
        Assert.Equal(masks.Length, masks.Distinct().Count());
        Assert.All(masks, m => Assert.True(BitOperations.PopCount(m) <= radius && m < (1u << bits)));
    }

    /// <summary>Random hashes, and for 3 % of them copies at every distance 0–13.</summary>
    internal static ulong[] Planted(int n, int seed)
    {
        var rng = new Random(seed);
        var hashes = new ulong[n];
        int i = 0;
        while (i < n)
        {
            ulong h = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40);
            hashes[i++] = h;
            if (rng.NextDouble() < 0.03)
            {
                for (int d = 0; d <= 13 && i < n; d++)
                {
                    hashes[i++] = PlantedHashes.Flip(h, d, rng);
                }
            }
        }

        // Shuffle so planted copies are not adjacent.
        rng.Shuffle(hashes);
        return hashes;
    }
}
