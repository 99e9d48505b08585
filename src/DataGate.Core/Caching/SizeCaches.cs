using DataGate.Core.Hashing;
using DataGate.Core.Metrics;

namespace DataGate.Core.Caching;

/// <summary>
/// The process-wide tables keyed by image size (FFT plans, FFT-blur phase lines, bicubic and Lanczos coefficients).
/// Each is an LRU cache with a byte budget, so even a stream of ever new sizes holds at most <see cref="BudgetBytes"/>;
/// and a dataset run releases them when it ends, so a long-lived host (a reused MSBuild node) keeps nothing between
/// builds. Released tables are immutable: a concurrent run that still holds one keeps using it, and rebuilds on a miss.
/// </summary>
internal static class SizeCaches
{
    /// <summary>The four budgets together.</summary>
    public const long BudgetBytes = FftPlan.CacheBudgetBytes + FftBlur.CacheBudgetBytes + PillowBicubic.CacheBudgetBytes + PillowResize.CacheBudgetBytes;

    /// <summary>Bytes the four caches hold now.</summary>
    public static long Bytes => FftPlan.Cache.Bytes + FftBlur.Cache.Bytes + PillowBicubic.Cache.Bytes + PillowResize.Cache.Bytes;

    /// <summary>Drops every cached table and the run's pooled photo-sized work arrays (<see cref="LargeBufferPool"/>).</summary>
    public static void Release()
    {
        LargeBufferPool.Clear();
        FftPlan.Cache.Clear();
        FftBlur.Cache.Clear();
        PillowBicubic.Cache.Clear();
        PillowResize.Cache.Clear();
    }
}
