namespace DataGate.Core.Analysis;

/// <summary>
/// Bounds the pixels of large images analysed at the same time. Analysis needs roughly 60 bytes per pixel at its
/// peak (decoder buffers, the RGB copy, FFT and BRISQUE planes), so two threads each on a 64-megapixel image would
/// need about 8 GB; with the gate, large images wait for each other and the peak stays near one large image.
/// Images under <see cref="SmallImagePixels"/> never wait.
/// </summary>
internal sealed class LargeImageGate
{
    /// <summary>Images below this many pixels are not counted.</summary>
    public const long SmallImagePixels = 4_000_000;

    private readonly long _budgetPixels;
    private readonly object _lock = new();
    private long _inUse;

    /// <summary>Creates a gate that lets at most <paramref name="budgetPixels"/> large-image pixels be analysed at once (an image larger than that runs alone).</summary>
    public LargeImageGate(long budgetPixels) => _budgetPixels = budgetPixels;

    /// <summary>Waits until an image of <paramref name="pixels"/> may be analysed; returns what to pass to <see cref="Exit"/>.</summary>
    public long Enter(long pixels)
    {
        if (pixels < SmallImagePixels)
        {
            return 0;
        }

        lock (_lock)
        {
            while (_inUse > 0 && _inUse + pixels > _budgetPixels)
            {
                Monitor.Wait(_lock);
            }

            _inUse += pixels;
        }

        return pixels;
    }

    /// <summary>Releases what <see cref="Enter"/> returned (0 is a no-op).</summary>
    public void Exit(long held)
    {
        if (held == 0)
        {
            return;
        }

        // A large image leaves hundreds of MB of large-object-heap garbage; collect it before the next large image
        // allocates, or the process grows to the sum of both.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        lock (_lock)
        {
            _inUse -= held;
            Monitor.PulseAll(_lock);
        }
    }
}
