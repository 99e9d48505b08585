using System.Buffers;
using DataGate.Core.Caching;

namespace DataGate.Core.Hashing;

/// <summary>
/// Work buffers for the hash pipeline: pooled up to 2^20 elements (typical images, where fresh large-object-heap
/// arrays would dominate the cost) in the process-wide array pool; above, in the run's <see cref="LargeBufferPool"/>,
/// which is emptied when the run ends, so photo-sized planes are reused between images but not kept after the run.
/// </summary>
internal static class ScratchBuffers
{
    private const int MaxPooled = 1 << 20;

    /// <summary>An array of at least <paramref name="length"/> elements (contents undefined).</summary>
    public static T[] Rent<T>(int length) => length <= MaxPooled ? ArrayPool<T>.Shared.Rent(length) : LargeBufferPool.Rent<T>(length);

    /// <summary>Gives back an array obtained from <see cref="Rent{T}"/>.</summary>
    public static void Return<T>(T[] array)
    {
        if (array.Length <= MaxPooled)
        {
            ArrayPool<T>.Shared.Return(array);
        }
        else
        {
            LargeBufferPool.Return(array);
        }
    }
}
