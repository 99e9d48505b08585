namespace DataGate.Core.Caching;

/// <summary>
/// A thread-safe least-recently-used cache with a byte budget, for tables derived from an image size (FFT plans,
/// resampling coefficients). Such caches live as long as the process, and a long-lived host (a reused MSBuild node, a
/// service) sees ever new sizes: an unbounded dictionary keeps every table of every size it ever met. Here the least
/// recently used entries are dropped once the entries' bytes exceed the budget, so what the process retains is
/// bounded whatever the number of sizes.
/// </summary>
/// <remarks>
/// The value is built outside the lock (a factory may itself use a cache, e.g. a Bluestein plan needs a power-of-two
/// plan); two threads missing the same key at once may both build it, and the first stored wins. Values are immutable
/// tables, so a caller holding an evicted one keeps using it safely; it is collected when the caller drops it.
/// </remarks>
/// <typeparam name="TKey">The size key.</typeparam>
/// <typeparam name="TValue">An immutable table.</typeparam>
internal sealed class BoundedLruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value, long Bytes)>> _map = [];
    private readonly LinkedList<(TKey Key, TValue Value, long Bytes)> _order = new();
    private readonly Func<TValue, long> _sizeOf;
    private readonly Lock _lock = new();
    private long _bytes;

    /// <summary>Creates a cache.</summary>
    /// <param name="budgetBytes">Most bytes the entries may hold together (an entry larger than this is not kept).</param>
    /// <param name="sizeOf">Bytes of one value (its arrays).</param>
    public BoundedLruCache(long budgetBytes, Func<TValue, long> sizeOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        BudgetBytes = budgetBytes;
        _sizeOf = sizeOf;
    }

    /// <summary>The byte budget.</summary>
    public long BudgetBytes { get; }

    /// <summary>Bytes held now (at most <see cref="BudgetBytes"/>).</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Entries held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>The cached value of a key, built by <paramref name="factory"/> on a miss.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var hit))
            {
                _order.Remove(hit);
                _order.AddFirst(hit);
                return hit.Value.Value;
            }
        }

        var value = factory(key);
        long bytes = _sizeOf(value);
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var raced))
            {
                return raced.Value.Value;
            }

            if (bytes > BudgetBytes)
            {
                return value;
            }

            _map[key] = _order.AddFirst((key, value, bytes));
            _bytes += bytes;
            while (_bytes > BudgetBytes && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _map.Remove(oldest.Value.Key);
                _bytes -= oldest.Value.Bytes;
            }

            return value;
        }
    }

    /// <summary>Drops every entry.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _map.Clear();
            _order.Clear();
            _bytes = 0;
        }
    }
}
