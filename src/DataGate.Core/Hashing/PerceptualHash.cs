using System.Numerics;
using DataGate.Core.Imaging;

namespace DataGate.Core.Hashing;

/// <summary>
/// Perceptual hashes bit-for-bit equal to Python imagehash 4.3.2 on the same 8-bit RGB pixels: Pillow gray
/// (<see cref="PillowGray"/>, one <see cref="GrayPlane"/> per call), Pillow's LANCZOS resize, and the hash rules of average_hash, phash, dhash,
/// whash (haar, remove_max_haar_ll) and colorhash. Strings are imagehash's hex form (<see cref="HashFormat"/>).
/// </summary>
internal static class PerceptualHash
{
    /// <summary>average_hash: gray resized to size², bit = pixel &gt; mean.</summary>
    /// <param name="image">Decoded image.</param>
    /// <param name="hashSize">Side of the hash grid, 2–64 (8 gives 64 bits).</param>
    public static string AverageHash(RgbImage image, int hashSize = 8)
    {
        using var gray = Gray(image);
        return HashFormat.ToHex(AverageBits(gray, image, hashSize));
    }

    /// <summary>phash: gray resized to (4·size)², 2-D DCT-II, top-left size² incl. DC, bit = coefficient &gt; median.</summary>
    /// <param name="image">Decoded image.</param>
    /// <param name="hashSize">Side of the hash grid, 2–64.</param>
    public static string PHash(RgbImage image, int hashSize = 8)
    {
        using var gray = Gray(image);
        return HashFormat.ToHex(DctBits(gray, image, hashSize));
    }

    /// <summary>dhash: gray resized to (size+1) wide × size high, bit = right neighbour &gt; left.</summary>
    /// <param name="image">Decoded image.</param>
    /// <param name="hashSize">Side of the hash grid, 2–64.</param>
    public static string DHash(RgbImage image, int hashSize = 8)
    {
        using var gray = Gray(image);
        return HashFormat.ToHex(DifferenceBits(gray, image, hashSize));
    }

    /// <summary>whash (haar, remove_max_haar_ll): see the class remarks of imagehash; bit = LL coefficient &gt; median.</summary>
    /// <param name="image">Decoded image.</param>
    /// <param name="hashSize">Side of the hash grid, a power of two, 2–64.</param>
    public static string WHash(RgbImage image, int hashSize = 8)
    {
        using var gray = Gray(image);
        return HashFormat.ToHex(WaveletBits(gray, image, hashSize));
    }

    /// <summary>colorhash: 14 HSV-bin fractions, each quantised to <paramref name="binBits"/> bits.</summary>
    /// <param name="image">Decoded image.</param>
    /// <param name="binBits">Bits per bin, 1–8 (3 gives 42 bits, 11 hex digits).</param>
    public static string ColorHash(RgbImage image, int binBits = 3)
    {
        ArgumentNullException.ThrowIfNull(image);
        return HashFormat.ToHex(ColorBits(image, binBits));
    }

    /// <summary>Side of the grayscale thumbnail kept for near-duplicate confirmation (phash's own resize).</summary>
    public const int ThumbnailSide = 32;

    /// <summary>
    /// All five hashes at their defaults (size 8, binbits 3), sharing one Pillow-gray buffer; also the pHash and dHash
    /// of the horizontally mirrored image and phash's 32×32 LANCZOS gray thumbnail. The mirrored hashes are derived
    /// from the hashes' own resized grids, mirrored (Pillow gray is per pixel, so gray and mirror commute): the DCT
    /// and the difference run again on the mirrored 32×32 and 9×8 grids, so they equal imagehash's hash of the
    /// mirrored image whenever the LANCZOS resize commutes with the mirror (up to rounding of a level otherwise).
    /// </summary>
    /// <param name="image">Decoded image.</param>
    public static ImageHashes Compute(RgbImage image)
    {
        using var gray = Gray(image);
        var a = AverageBits(gray, image, 8);
        var thumbnail = PillowResize.Lanczos(gray, ThumbnailSide, ThumbnailSide);
        var p = AboveMedian(Dct.LowFrequency2D(thumbnail, ThumbnailSide, 8));
        var pm = AboveMedian(Dct.LowFrequency2D(Mirror(thumbnail, ThumbnailSide, ThumbnailSide), ThumbnailSide, 8));
        var grid = PillowResize.Lanczos(gray, 9, 8);
        var d = DifferenceBits(grid, 8);
        var dm = DifferenceBits(Mirror(grid, 9, 8), 8);
        var w = WaveletBits(gray, image, 8);
        var c = ColorBits(image, 3);
        return new ImageHashes(
            HashFormat.ToHex(a), HashFormat.ToHex(p), HashFormat.ToHex(d), HashFormat.ToHex(w), HashFormat.ToHex(c),
            HashFormat.ToUInt64(a), HashFormat.ToUInt64(p), HashFormat.ToUInt64(d), HashFormat.ToUInt64(w))
        {
            PHashMirror64 = HashFormat.ToUInt64(pm),
            DHashMirror64 = HashFormat.ToUInt64(dm),
            Thumbnail = thumbnail,
        };
    }

    /// <summary>A row-major grid mirrored left to right (a new array).</summary>
    internal static byte[] Mirror(ReadOnlySpan<byte> grid, int width, int height)
    {
        var result = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            var row = grid.Slice(y * width, width);
            var dst = result.AsSpan(y * width, width);
            row.CopyTo(dst);
            dst.Reverse();
        }

        return result;
    }

    private static GrayPlane Gray(RgbImage image) => GrayPlane.FromRgb(image);

    private static void CheckSize(int hashSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hashSize, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hashSize, 64);
    }

    internal static bool[] AverageBits(GrayPlane gray, RgbImage image, int hashSize)
    {
        CheckSize(hashSize);
        var px = PillowResize.Lanczos(gray, hashSize, hashSize);
        long sum = 0;
        for (int i = 0; i < px.Length; i++)
        {
            sum += px[i];
        }

        // px > sum / count, compared exactly in integers.
        var bits = new bool[px.Length];
        for (int i = 0; i < px.Length; i++)
        {
            bits[i] = (long)px[i] * px.Length > sum;
        }

        return bits;
    }

    internal static bool[] DctBits(GrayPlane gray, RgbImage image, int hashSize)
    {
        CheckSize(hashSize);
        int n = hashSize * 4;
        var px = ScratchBuffers.Rent<byte>(n * n);
        try
        {
            PillowResize.Lanczos(gray, n, n, px);
            var low = Dct.LowFrequency2D(px.AsSpan(0, n * n), n, hashSize);
            return AboveMedian(low);
        }
        finally
        {
            ScratchBuffers.Return(px);
        }
    }

    internal static bool[] DifferenceBits(GrayPlane gray, RgbImage image, int hashSize)
    {
        CheckSize(hashSize);
        return DifferenceBits(PillowResize.Lanczos(gray, hashSize + 1, hashSize), hashSize);
    }

    /// <summary>dhash bits of a (size+1)×size grid: bit = right neighbour &gt; left.</summary>
    internal static bool[] DifferenceBits(ReadOnlySpan<byte> px, int hashSize)
    {
        int w = hashSize + 1;
        var bits = new bool[hashSize * hashSize];
        for (int y = 0; y < hashSize; y++)
        {
            for (int x = 0; x < hashSize; x++)
            {
                bits[(y * hashSize) + x] = px[(y * w) + x + 1] > px[(y * w) + x];
            }
        }

        return bits;
    }

    internal static bool[] WaveletBits(GrayPlane gray, RgbImage image, int hashSize)
    {
        CheckSize(hashSize);
        if (!BitOperations.IsPow2(hashSize))
        {
            throw new ArgumentException("whash needs a power-of-two hash size.", nameof(hashSize));
        }

        int natural = 1 << BitOperations.Log2((uint)Math.Min(image.Width, image.Height));
        int scale = Math.Max(natural, hashSize);
        int maxLevel = BitOperations.Log2((uint)scale);
        int level = BitOperations.Log2((uint)hashSize);
        int count = scale * scale;
        var px = ScratchBuffers.Rent<byte>(count);
        var data = ScratchBuffers.Rent<double>(count);
        var scratch = ScratchBuffers.Rent<double>(count);
        try
        {
            PillowResize.Lanczos(gray, scale, scale, px);
            for (int i = 0; i < count; i++)
            {
                data[i] = px[i] / 255.0;
            }

            HaarWavelet.RemoveLowestFrequency(data, scale, scratch);
            var ll = HaarWavelet.Approximation(data, scale, maxLevel - level, scratch);
            return AboveMedian(ll);
        }
        finally
        {
            ScratchBuffers.Return(px);
            ScratchBuffers.Return(data);
            ScratchBuffers.Return(scratch);
        }
    }

    internal static bool[] ColorBits(RgbImage image, int binBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binBits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(binBits, 8);
        return ColorHashBins.Bits(image, binBits);
    }

    private static bool[] AboveMedian(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        int n = sorted.Length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        var bits = new bool[n];
        for (int i = 0; i < n; i++)
        {
            bits[i] = values[i] > median;
        }

        return bits;
    }
}
