using DataGate.Core.Imaging;

namespace DataGate.Core.Hashing;

/// <summary>
/// Pillow gray levels (<c>convert("L")</c>: <c>(19595 R + 38470 G + 7471 B + 32768) &gt;&gt; 16</c>, 0–255) of one
/// image as ints, column-major (what the horizontal resize pass reads) and, on first use, row-major. One plane
/// serves every gray-based hash. Buffers come from <see cref="ScratchBuffers"/>; dispose to give them back.
/// </summary>
internal sealed class GrayPlane : IDisposable
{
    private readonly RgbImage _image;
    private int[]? _rows;
    private int[]? _columns;

    private GrayPlane(RgbImage image)
    {
        _image = image;
    }

    /// <summary>Width in pixels.</summary>
    public int Width => _image.Width;

    /// <summary>Height in pixels.</summary>
    public int Height => _image.Height;

    /// <summary>Row-major gray levels (the first Width × Height elements; the array may be longer).</summary>
    public int[] Rows => _rows ??= BuildRows(_image);

    /// <summary>Column-major gray levels: element (x, y) at <c>x * Height + y</c> (array may be longer).</summary>
    public int[] Columns => _columns ??= BuildColumns(_image);

    /// <summary>Gray plane of an RGB image (computed lazily).</summary>
    public static GrayPlane FromRgb(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new GrayPlane(image);
    }

    /// <summary>Pillow's gray level of one RGB colour.</summary>
    public static int Level(int r, int g, int b) => ((19595 * r) + (38470 * g) + (7471 * b) + 32768) >> 16;

    /// <summary>Returns the rented buffers to the pool.</summary>
    public void Dispose()
    {
        if (_rows is not null)
        {
            ScratchBuffers.Return(_rows);
            _rows = null;
        }

        if (_columns is not null)
        {
            ScratchBuffers.Return(_columns);
            _columns = null;
        }
    }

    private static int[] BuildRows(RgbImage image)
    {
        var src = image.Pixels;
        var rows = ScratchBuffers.Rent<int>(image.PixelCount);
        for (int i = 0, j = 0; i < image.PixelCount; i++, j += 3)
        {
            rows[i] = Level(src[j], src[j + 1], src[j + 2]);
        }

        return rows;
    }

    // Gray computed straight into column-major order, in tiles so reads and writes stay in cache.
    private static int[] BuildColumns(RgbImage image)
    {
        const int Block = 32;
        int width = image.Width;
        int height = image.Height;
        var src = image.Pixels;
        var cols = ScratchBuffers.Rent<int>(width * height);
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
                        int j = ((y * width) + x) * 3;
                        cols[c + y] = Level(src[j], src[j + 1], src[j + 2]);
                    }
                }
            }
        }

        return cols;
    }
}
