using System.Buffers;
using DataGate.Core.Imaging;

namespace DataGate.Core.Hashing;

/// <summary>
/// Pillow gray levels (<c>convert("L")</c>, 0–255) of one image as ints, row-major and (built on first use)
/// column-major, so one buffer serves every gray-based hash and both resize passes run on contiguous memory.
/// Buffers are rented from the shared array pool (they are large-object-heap sized); dispose to return them.
/// </summary>
internal sealed class GrayPlane : IDisposable
{
    private int[]? _columns;

    private GrayPlane(int width, int height, int[] rows)
    {
        Width = width;
        Height = height;
        Rows = rows;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Row-major gray levels (the first Width × Height elements; the array may be longer).</summary>
    public int[] Rows { get; }

    /// <summary>Column-major gray levels: element (x, y) at <c>x * Height + y</c> (array may be longer).</summary>
    public int[] Columns => _columns ??= Transpose(Rows, Width, Height);

    /// <summary>Pillow gray of an RGB image: <c>(19595 R + 38470 G + 7471 B + 32768) &gt;&gt; 16</c>.</summary>
    public static GrayPlane FromRgb(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var src = image.Pixels;
        var rows = ArrayPool<int>.Shared.Rent(image.PixelCount);
        for (int i = 0, j = 0; i < image.PixelCount; i++, j += 3)
        {
            rows[i] = ((19595 * src[j]) + (38470 * src[j + 1]) + (7471 * src[j + 2]) + 32768) >> 16;
        }

        return new GrayPlane(image.Width, image.Height, rows);
    }

    /// <summary>Returns the rented buffers to the pool.</summary>
    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(Rows);
        if (_columns is not null)
        {
            ArrayPool<int>.Shared.Return(_columns);
            _columns = null;
        }
    }

    private static int[] Transpose(int[] rows, int width, int height)
    {
        const int Block = 32;
        var cols = ArrayPool<int>.Shared.Rent(width * height);
        for (int x0 = 0; x0 < width; x0 += Block)
        {
            int x1 = Math.Min(width, x0 + Block);
            for (int y0 = 0; y0 < height; y0 += Block)
            {
                int y1 = Math.Min(height, y0 + Block);
                for (int x = x0; x < x1; x++)
                {
                    int c = x * height;
                    for (int y = y0; y < y1; y++)
                    {
                        cols[c + y] = rows[(y * width) + x];
                    }
                }
            }
        }

        return cols;
    }
}
