using DataGate.Core.Caching;

namespace DataGate.Core.Tests.Caching;

// The pool is process-wide and dataset runs of other tests open it: this collection runs alone, after the others.
[CollectionDefinition(nameof(LargeBufferPoolTests), DisableParallelization = true)]
public sealed class LargeBufferPoolRunsAlone;

[Collection(nameof(LargeBufferPoolTests))]
public sealed class LargeBufferPoolTests
{
    [Fact]
    public void Should_KeepNothing_When_NoRunIsOpen()
    {
        var array = new double[3_000_000];
        LargeBufferPool.Return(array);
        Assert.NotSame(array, LargeBufferPool.Rent<double>(3_000_000, exact: true));
    }

    [Fact]
    public void Should_ReuseAnArrayWithinARun_And_DropItWhenTheRunEnds()
    {
        var array = new int[3_000_001];
        using (LargeBufferPool.OpenRun())
        {
            LargeBufferPool.Return(array);
            Assert.Same(array, LargeBufferPool.Rent<int>(2_000_000)); // at least as long, at most twice as long
            LargeBufferPool.Return(array);
            Assert.NotSame(array, LargeBufferPool.Rent<int>(1_000_000)); // more than twice as long: not handed out
            Assert.NotSame(array, LargeBufferPool.Rent<int>(3_000_000, exact: true));
        }

        Assert.NotSame(array, LargeBufferPool.Rent<int>(3_000_001, exact: true));
    }

    [Fact]
    public void Should_StayWithinTheBudget_When_ManyArraysAreReturned()
    {
        using (LargeBufferPool.OpenRun())
        {
            for (int i = 0; i < 40; i++)
            {
                LargeBufferPool.Return(new byte[32 << 20]);
                Assert.InRange(LargeBufferPool.Bytes, 0, LargeBufferPool.BudgetBytes);
            }
        }
    }
}
