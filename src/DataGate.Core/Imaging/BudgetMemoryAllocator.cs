using System.Buffers;
using SixLabors.ImageSharp.Memory;

namespace DataGate.Core.Imaging;

/// <summary>
/// A memory allocator for one decode that refuses to hand out more than a fixed number of live bytes,
/// so a file whose header lies about its size cannot exhaust the process.
/// </summary>
internal sealed class BudgetMemoryAllocator : MemoryAllocator
{
    private readonly MemoryAllocator _inner;
    private readonly long _budget;
    private long _live;

    public BudgetMemoryAllocator(MemoryAllocator inner, long budgetBytes)
    {
        _inner = inner;
        _budget = budgetBytes;
    }

    public override IMemoryOwner<T> Allocate<T>(int length, AllocationOptions options = AllocationOptions.None)
    {
        long bytes = (long)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        long now = Interlocked.Add(ref _live, bytes);
        if (now > _budget)
        {
            Interlocked.Add(ref _live, -bytes);
            throw new DecodeBudgetExceededException(_budget, now);
        }

        try
        {
            return new Tracked<T>(_inner.Allocate<T>(length, options), this, bytes);
        }
        catch
        {
            Interlocked.Add(ref _live, -bytes);
            throw;
        }
    }

    protected override int GetBufferCapacityInBytes() => 4 * 1024 * 1024;

    private sealed class Tracked<T> : IMemoryOwner<T>
    {
        private readonly IMemoryOwner<T> _owner;
        private readonly BudgetMemoryAllocator _allocator;
        private readonly long _bytes;
        private int _disposed;

        public Tracked(IMemoryOwner<T> owner, BudgetMemoryAllocator allocator, long bytes)
        {
            _owner = owner;
            _allocator = allocator;
            _bytes = bytes;
        }

        public Memory<T> Memory => _owner.Memory;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _owner.Dispose();
                Interlocked.Add(ref _allocator._live, -_bytes);
            }
        }
    }
}

/// <summary>Thrown inside a decode when its memory budget would be exceeded.</summary>
internal sealed class DecodeBudgetExceededException : Exception
{
    public DecodeBudgetExceededException(long budget, long requested)
        : base($"decoding needs more than the {budget / (1024 * 1024)} MiB budget ({requested / (1024 * 1024)} MiB requested)")
    {
    }

    public DecodeBudgetExceededException()
    {
    }

    public DecodeBudgetExceededException(string message)
        : base(message)
    {
    }

    public DecodeBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
