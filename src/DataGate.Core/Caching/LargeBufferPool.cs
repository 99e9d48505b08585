namespace DataGate.Core.Caching;

/// <summary>
/// Work arrays of photo-sized images (above the per-thread workspaces' retain limit), kept between images of one run
/// instead of being dropped after each: a 5-MP image needs about 250 MB of gray, key and FFT planes, and allocating
/// them fresh every image (large-object heap, zeroed pages, gen-2 collections) cost about as much as the metrics
/// themselves (issue 15 §3). Arrays are kept only while a dataset run is open (<see cref="OpenRun"/>; other callers,
/// e.g. the ML.NET transformer measuring one image at a time, allocate as before), the pool holds at most
/// <see cref="BudgetBytes"/>, and it is emptied when the last open run ends, so a long-lived host keeps nothing
/// between runs. Arrays come back with undefined contents, as the workspaces' own reused buffers do. Thread-safe.
/// </summary>
internal static class LargeBufferPool
{
    /// <summary>
    /// Most bytes kept: the working set of two threads on 5-MP photos (2 × ~250 MB). While a run is active the same
    /// arrays would be alive during each image anyway, so this bounds only what is kept between two images.
    /// </summary>
    public const long BudgetBytes = 512L << 20;

    private static readonly Lock s_lock = new();
    private static readonly List<Array> s_free = [];
    private static long s_bytes;
    private static int s_runs;

    /// <summary>Bytes held now.</summary>
    public static long Bytes
    {
        get
        {
            lock (s_lock)
            {
                return s_bytes;
            }
        }
    }

    /// <summary>
    /// An array of at least <paramref name="length"/> elements (contents undefined): the smallest pooled one that is
    /// no more than twice as long (exactly as long when <paramref name="exact"/>), else a new one.
    /// </summary>
    public static T[] Rent<T>(int length, bool exact = false)
    {
        lock (s_lock)
        {
            int best = -1;
            for (int i = 0; i < s_free.Count; i++)
            {
                if (s_free[i] is T[] a && (exact ? a.Length == length : a.Length >= length && a.Length / 2 <= length) && (best < 0 || a.Length < s_free[best].Length))
                {
                    best = i;
                }
            }

            if (best >= 0)
            {
                var found = (T[])s_free[best];
                s_free.RemoveAt(best);
                s_bytes -= BytesOf(found);
                return found;
            }
        }

        return new T[length];
    }

    /// <summary>Keeps an array for a later <see cref="Rent{T}"/>, dropping the oldest kept ones beyond the budget.</summary>
    public static void Return<T>(T[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        long bytes = BytesOf(array);
        if (bytes > BudgetBytes)
        {
            return;
        }

        lock (s_lock)
        {
            if (s_runs == 0)
            {
                return;
            }

            s_free.Add(array);
            s_bytes += bytes;
            while (s_bytes > BudgetBytes)
            {
                s_bytes -= BytesOf(s_free[0]);
                s_free.RemoveAt(0);
            }
        }
    }

    /// <summary>Opens a run: arrays are kept until the returned scope and every other open run are disposed.</summary>
    public static IDisposable OpenRun()
    {
        lock (s_lock)
        {
            s_runs++;
        }

        return new RunScope();
    }

    /// <summary>Drops every kept array (end of a run).</summary>
    public static void Clear()
    {
        lock (s_lock)
        {
            s_free.Clear();
            s_bytes = 0;
        }
    }

    private static long BytesOf(Array a) => Buffer.ByteLength(a);

    private sealed class RunScope : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            lock (s_lock)
            {
                if (--s_runs == 0)
                {
                    s_free.Clear();
                    s_bytes = 0;
                }
            }
        }
    }
}
