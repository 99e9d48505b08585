using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using DataGate.Core.Imaging;
using DataGate.Core.Metrics;

namespace DataGate.Core.Hashing;

/// <summary>
/// Pillow gray levels (<see cref="PillowGray"/>, 0–255) of one
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
            rows[i] = PillowGray.Level(src[j], src[j + 1], src[j + 2]);
        }

        return rows;
    }

    // Gray computed straight into column-major order: with AVX2, 8 rows × 8 columns at a time (each row's 8 levels
    // computed in order, then one 8×8 transpose); elsewhere and at the edges, in tiles so writes stay in cache.
    private static int[] BuildColumns(RgbImage image)
    {
        int width = image.Width;
        int height = image.Height;
        var src = image.Pixels;
        var cols = ScratchBuffers.Rent<int>(width * height);
        int fastW = 0, fastH = 0;
        if (RgbShuffle.IsSupported)
        {
            fastW = width / 8 * 8;
            fastH = height / 8 * 8;
            Span<Vector256<int>> tile = stackalloc Vector256<int>[8];
            for (int y0 = 0; y0 < fastH; y0 += 8)
            {
                for (int x0 = 0; x0 < fastW; x0 += 8)
                {
                    for (int r = 0; r < 8; r++)
                    {
                        tile[r] = Levels8(src.AsSpan((((y0 + r) * width) + x0) * 3, 24));
                    }

                    Int32Transpose.Transpose8(tile);
                    for (int q = 0; q < 8; q++)
                    {
                        tile[q].CopyTo(cols.AsSpan(((x0 + q) * height) + y0, 8));
                    }
                }
            }
        }

        // Right strip (x ≥ fastW, all rows) and bottom strip (x < fastW, y ≥ fastH).
        FillTiles(src, cols, width, height, fastW, width, 0, height);
        FillTiles(src, cols, width, height, 0, fastW, fastH, height);
        return cols;
    }

    private static void FillTiles(byte[] src, int[] cols, int width, int height, int xStart, int xEnd, int yStart, int yEnd)
    {
        const int Block = 32;
        for (int x0 = xStart; x0 < xEnd; x0 += Block)
        {
            int x1 = Math.Min(xEnd, x0 + Block);
            for (int y0 = yStart; y0 < yEnd; y0 += Block)
            {
                int y1 = Math.Min(yEnd, y0 + Block);
                for (int x = x0; x < x1; x++)
                {
                    int c = x * height;
                    for (int y = y0; y < y1; y++)
                    {
                        int j = ((y * width) + x) * 3;
                        cols[c + y] = PillowGray.Level(src[j], src[j + 1], src[j + 2]);
                    }
                }
            }
        }
    }

    // Pillow levels of 8 RGB pixels (24 bytes): bytes de-interleaved, widened to ints, then the same integer formula.
    private static Vector256<int> Levels8(ReadOnlySpan<byte> rgb24)
    {
        var (r, g, b) = RgbShuffle.Split8(Vector128.Create(rgb24[..16]), Vector128.Create(rgb24.Slice(8, 16)));
        return PillowGray.Levels(Avx2.ConvertToVector256Int32(r), Avx2.ConvertToVector256Int32(g), Avx2.ConvertToVector256Int32(b));
    }
}
