using DataGate.Core.Caching;
using DataGate.Core.Hashing;
using DataGate.Core.Imaging;
using DataGate.Core.Metrics;

namespace DataGate.Core.Tests.Caching;

/// <summary>The size-keyed table caches stay within their byte budgets however many sizes a long-lived process meets.</summary>
public sealed class BoundedLruCacheTests
{
    [Fact]
    public void Should_DropTheLeastRecentlyUsed_When_TheBudgetIsExceeded()
    {
        int built = 0;
        var cache = new BoundedLruCache<int, byte[]>(300, static a => a.Length);
        byte[] Make(int k)
        {
            built++;
            return new byte[100];
        }

        cache.GetOrAdd(1, Make);
        cache.GetOrAdd(2, Make);
        cache.GetOrAdd(3, Make);
        cache.GetOrAdd(1, Make); // 1 is now the most recent; 2 the least
        cache.GetOrAdd(4, Make);

        Assert.Equal(4, built);
        Assert.Equal((3, 300L), (cache.Count, cache.Bytes));
        cache.GetOrAdd(1, Make);
        cache.GetOrAdd(3, Make);
        Assert.Equal(4, built);
        cache.GetOrAdd(2, Make);
        Assert.Equal(5, built);
    }

    [Fact]
    public void Should_ReturnButNotKeepAValue_When_ItAloneExceedsTheBudget()
    {
        var cache = new BoundedLruCache<int, byte[]>(10, static a => a.Length);
        Assert.Equal(50, cache.GetOrAdd(1, static _ => new byte[50]).Length);
        Assert.Equal((0, 0L), (cache.Count, cache.Bytes));
    }

    [Fact]
    public void Should_StayWithinBudgets_When_TwoThousandDistinctSizesAreMet()
    {
        // 2,000 distinct lengths, many of them prime (Bluestein plans, the largest tables): unbounded, these caches
        // held 336 MiB for 1,000 sizes.
        for (int n = 600; n < 2600; n++)
        {
            Assert.Equal(n, FftPlan.For(n).Length);
            using var gray = GrayPlane.FromRgb(new RgbImage(n, 2, new byte[n * 2 * 3]));
            PillowResize.Lanczos(gray, 9, 1);
        }

        // Other tests may run a dataset concurrently, which releases the caches at its end: only the upper bounds hold.
        Assert.InRange(FftPlan.Cache.Bytes, 0, FftPlan.CacheBudgetBytes);
        Assert.InRange(PillowResize.Cache.Bytes, 0, PillowResize.CacheBudgetBytes);
        Assert.InRange(SizeCaches.Bytes, 0, SizeCaches.BudgetBytes);
        Assert.True(FftPlan.Cache.Count < 2000, $"{FftPlan.Cache.Count} plans kept");
    }
}
