using System.Numerics;
using DataGate.Benchmarks;
using DataGate.Core.Duplicates;

namespace DataGate.Core.Tests.Duplicates;

public class NearDuplicateTileSearchTests
{
    [Theory]
    [InlineData(40_000, 4, 4)]
    [InlineData(40_000, 8, 4)]
    [InlineData(40_000, 6, 7)]
    [InlineData(500, 10, 3)]
    public void Should_FindTheSamePairsAndGroupsAsOneSearch_When_QueriesAreSplitIntoTiles(int n, int radius, int tiles)
    {
        var hashes = PlantedHashes.Generate(n, seed: n + radius);
        var single = new NearDuplicateIndex(hashes).FindPairs(radius, 2);
        Assert.NotEmpty(single);

        var tiled = new List<NearDuplicatePair>();
        for (int t = 0; t < tiles; t++)
        {
            tiled.AddRange(NearDuplicateTileSearch.FindPairs(hashes, (int)((long)n * t / tiles), (int)((long)n * (t + 1) / tiles), radius, 2));
        }

        Assert.Equal(single, tiled);
        Assert.Equal(DuplicateClusters.FromPairs(n, single).Groups, DuplicateClusters.FromPairs(n, tiled).Groups);
    }

    [Fact]
    public void Should_MatchBruteForce_When_OneTileCoversPartOfTheSet()
    {
        var hashes = PlantedHashes.Generate(3000, seed: 5);
        var expected = NearDuplicateIndex.BruteForcePairs(hashes, 6).Where(p => p.First is >= 1000 and < 2000).ToList();

        Assert.Equal(expected, NearDuplicateTileSearch.FindPairs(hashes, 1000, 2000, 6, 1));
    }
}
