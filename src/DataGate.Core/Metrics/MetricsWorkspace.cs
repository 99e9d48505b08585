using DataGate.Core.Caching;

namespace DataGate.Core.Metrics;

/// <summary>
/// Per-thread reusable buffers for the metric computations, so that computing metrics for a stream of images
/// allocates nothing per image once the buffers have grown to the largest image seen.
/// </summary>
internal sealed class MetricsWorkspace
{
    [ThreadStatic]
    private static MetricsWorkspace? t_current;

    private double[] _a = [];
    private double[] _b = [];
    private double[] _c = [];
    private double[] _d = [];
    private double[] _e = [];
    private double[] _f = [];
    private double[] _g = [];
    private double[] _h = [];
    private double[] _i = [];
    private double[] _j = [];
    private double[] _small = [];
    private byte[] _gray = [];
    private int[] _ints = [];
    private byte[] _thumb = [];
    private byte[] _scratch = [];
    private ushort[] _ushorts = [];
    private int[] _resize = [];
    private int[] _block = [];

    /// <summary>The calling thread's workspace.</summary>
    public static MetricsWorkspace Current => t_current ??= new MetricsWorkspace();

    /// <summary>One bit per 16-bit green-blue value (8 KiB); all bits are zero between uses.</summary>
    public ulong[] SliceBits { get; } = new ulong[1 << 10];

    /// <summary>
    /// Buffers above this many elements are not kept by the thread after each image: they go back to the run's
    /// <see cref="LargeBufferPool"/> (emptied when the run ends), so one huge image does not pin memory in a thread.
    /// </summary>
    public const int RetainLimit = 1 << 21;

    /// <summary>Six double planes: two of <paramref name="a"/>, two of <paramref name="b"/>, two of <paramref name="c"/> elements.</summary>
    public (double[] A, double[] B, double[] C, double[] D, double[] E, double[] F) Planes(int a, int b, int c) =>
        (Grow(ref _a, a), Grow(ref _b, a), Grow(ref _c, b), Grow(ref _d, b), Grow(ref _e, c), Grow(ref _f, c));

    /// <summary>Four more double planes: two of <paramref name="a"/> and two of <paramref name="b"/> elements.</summary>
    public (double[] G, double[] H, double[] I, double[] J) ExtraPlanes(int a, int b) =>
        (Grow(ref _g, a), Grow(ref _h, a), Grow(ref _i, b), Grow(ref _j, b));

    /// <summary>Hands buffers grown beyond <see cref="RetainLimit"/> elements to the <see cref="LargeBufferPool"/>.</summary>
    public void ReleaseLarge()
    {
        Release(ref _a);
        Release(ref _b);
        Release(ref _c);
        Release(ref _d);
        Release(ref _e);
        Release(ref _f);
        Release(ref _g);
        Release(ref _h);
        Release(ref _i);
        Release(ref _j);
        Release(ref _gray);
        Release(ref _ints);
        Release(ref _scratch);
        Release(ref _ushorts);
        Release(ref _resize);
        Release(ref _block);
    }

    /// <summary>A small double buffer (contents undefined).</summary>
    public double[] Small(int size) => Grow(ref _small, size);

    /// <summary>A byte buffer for the grayscale image (contents undefined).</summary>
    public byte[] Gray(int size) => Grow(ref _gray, size);

    /// <summary>An int buffer (contents undefined).</summary>
    public int[] Ints(int size) => Grow(ref _ints, size);

    /// <summary>A general byte scratch buffer (contents undefined).</summary>
    public byte[] Scratch(int size) => Grow(ref _scratch, size);

    /// <summary>An int buffer for resize intermediates (contents undefined).</summary>
    public int[] ResizeInts(int size) => Grow(ref _resize, size);

    /// <summary>An int buffer for transposed row blocks (contents undefined).</summary>
    public int[] BlockInts(int size) => Grow(ref _block, size);

    /// <summary>A ushort buffer (contents undefined).</summary>
    public ushort[] UShorts(int size) => Grow(ref _ushorts, size);

    /// <summary>A byte buffer for thumbnails (contents undefined).</summary>
    public byte[] Thumb(int size) => Grow(ref _thumb, size);

    private static void Release<T>(ref T[] array)
    {
        if (array.Length > RetainLimit)
        {
            LargeBufferPool.Return(array);
            array = [];
        }
    }

    private static T[] Grow<T>(ref T[] array, int size)
    {
        if (array.Length < size)
        {
            Release(ref array);
            array = size > RetainLimit ? LargeBufferPool.Rent<T>(size) : new T[Math.Max(size, array.Length * 3 / 2)];
        }

        return array;
    }
}
