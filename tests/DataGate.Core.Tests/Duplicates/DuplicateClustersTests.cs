using DataGate.Core.Duplicates;

namespace DataGate.Core.Tests.Duplicates;

public sealed class DuplicateClustersTests
{
    [Fact]
    public void Should_MergeChainsAndNumberBySmallestMember_When_GroupingPairs()
    {
        // 7–2, 2–5 form one group {2,5,7}; 0–6 another {0,6}; 1, 3, 4 are alone.
        var pairs = new[] { new NearDuplicatePair(5, 7, 1), new NearDuplicatePair(2, 5, 3), new NearDuplicatePair(0, 6, 0) };
        var g = DuplicateClusters.FromPairs(8, pairs);
        Assert.Equal(new[] { 0, -1, 1, -1, -1, 1, 0, 1 }, g.GroupIds);
        Assert.Equal(2, g.Groups.Count);
        Assert.Equal(new[] { 0, 6 }, g.Groups[0]);
        Assert.Equal(new[] { 2, 5, 7 }, g.Groups[1]);
    }

    [Fact]
    public void Should_GiveSameIds_When_PairOrderChanges()
    {
        var hashes = NearDuplicateIndexTests.Planted(5_000, seed: 5);
        var pairs = new NearDuplicateIndex(hashes).FindPairs(4);
        var a = DuplicateClusters.FromPairs(hashes.Length, pairs);
        var b = DuplicateClusters.FromPairs(hashes.Length, pairs.Reverse());
        Assert.Equal(a.GroupIds, b.GroupIds);
        Assert.True(a.Groups.Count > 10);
        foreach (var p in pairs)
        {
            Assert.Equal(a.GroupIds[p.First], a.GroupIds[p.Second]);
            Assert.NotEqual(-1, a.GroupIds[p.First]);
        }
    }

    [Fact]
    public void Should_GroupEqualDigestsOnly_When_GroupingByKey()
    {
        string?[] keys = ["b", "a", null, "b", "", "c", "a", null, "b"];
        var g = DuplicateClusters.FromKeys(keys);
        Assert.Equal(new[] { 0, 1, -1, 0, -1, -1, 1, -1, 0 }, g.GroupIds);
        Assert.Equal(new[] { 0, 3, 8 }, g.Groups[0]);
        Assert.Equal(new[] { 1, 6 }, g.Groups[1]);
    }

    [Fact]
    public void Should_Throw_When_PairIndexOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicateClusters.FromPairs(3, [new NearDuplicatePair(1, 3, 0)]));
    }
}
