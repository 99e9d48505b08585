using DataGate.Core.Imaging;

namespace DataGate.Core.Hashing;

/// <summary>
/// imagehash's colorhash: black (Pillow gray &lt; 32), gray (S &lt; 85), 6 hue bins of faint colours
/// (85 ≤ S &lt; 170) and 6 of bright ones (S &gt; 170); S == 170 counts only in the colour divisor.
/// </summary>
internal static class ColorHashBins
{
    // numpy.histogram over linspace(0, 255, 7): edges 0, 42.5, 85, 127.5, 170, 212.5, 255 (last bin closed).
    private static readonly byte[] s_hueBins = BuildHueBins();

    // Hue bin (0–5) straight from the hue-table index (one load instead of hue byte, then bin).
    private static readonly Lazy<byte[]> s_hueBinByIndex = new(BuildHueBinByIndex);

    // Saturation class by (max << 8) | (max − min): 0 faint, 1 bright, 2 gray, 3 S == 170.
    private static readonly Lazy<byte[]> s_satClass = new(BuildSaturationClasses);

    public static bool[] Bits(RgbImage image, int binBits)
    {
        var rgb = image.Pixels.AsSpan(0, image.PixelCount * 3);
        int n = image.PixelCount;

        // One histogram over codes: 0–5 faint hue bins, 6–11 bright hue bins, 12 black, 13 gray, 14 S == 170;
        // four interleaved copies so runs of equal codes do not serialise on one counter.
        Span<int> counts4 = stackalloc int[16 * 4];
        counts4.Clear();
        ReadOnlySpan<byte> satClass = s_satClass.Value;
        ReadOnlySpan<byte> hueBin = s_hueBinByIndex.Value;

        // code = codes[(class << 3) | bin]; classes 2 and 3 ignore the bin.
        ReadOnlySpan<byte> codes =
        [
            0, 1, 2, 3, 4, 5, 0, 0,
            6, 7, 8, 9, 10, 11, 0, 0,
            13, 13, 13, 13, 13, 13, 13, 13,
            14, 14, 14, 14, 14, 14, 14, 14,
        ];

        Span<int> vectorCounts = stackalloc int[16];
        vectorCounts.Clear();
        int done = ColorHashVector.CountPrefix(rgb, vectorCounts);

        // Branch-free: pixel colours are noisy, so branches on "which channel is the maximum" mispredict.
        for (int i = done, j = done * 3; j + 2 < rgb.Length; i++, j += 3)
        {
            int r = rgb[j];
            int g = rgb[j + 1];
            int b = rgb[j + 2];
            int hi = Math.Max(r, Math.Max(g, b));
            int lo = Math.Min(r, Math.Min(g, b));
            int cls = satClass[(hi << 8) | (hi - lo)];

            // Hue table case: 0 when R is the maximum, 1 when G is (and R not), else 2 (see PillowHsv.HueTable).
            int isR = 1 + ((r - hi) >> 31);
            int isG = (1 + ((g - hi) >> 31)) & (isR ^ 1);
            int d1 = hi - (g + (isG * (r - g)));
            int d2 = hi - (r + ((isR | isG) * (b - r)));
            int hueIndex = ((2 - (2 * isR) - isG) << 16) | (d1 << 8) | d2;
            int code = codes[(cls << 3) | hueBin[hueIndex]];
            int isBlack = (PillowGray.Level(r, g, b) - 32) >> 31;
            code = (code & ~isBlack) | (12 & isBlack);
            counts4[(code << 2) | (i & 3)]++;
        }

        Span<int> counts = stackalloc int[15];
        for (int k = 0; k < 15; k++)
        {
            counts[k] = vectorCounts[k] + counts4[k << 2] + counts4[(k << 2) + 1] + counts4[(k << 2) + 2] + counts4[(k << 2) + 3];
        }

        int black = counts[12];
        int grayCount = counts[13];
        int colors = n - black - grayCount;
        var faint = counts[..6];
        var bright = counts[6..12];

        int max = 1 << binBits;
        Span<int> values = stackalloc int[14];
        values[0] = Math.Min(max - 1, (int)((double)black / n * max));
        values[1] = Math.Min(max - 1, (int)((double)grayCount / n * max));
        double c = Math.Max(1, colors);
        for (int b = 0; b < 6; b++)
        {
            values[2 + b] = Math.Min(max - 1, (int)((double)((long)faint[b] * max) / c));
            values[8 + b] = Math.Min(max - 1, (int)((double)((long)bright[b] * max) / c));
        }

        // imagehash's encoding: bit i of a value v is ((v // 2^(binbits-i-1)) % 2^(binbits-i)) > 0.
        var bits = new bool[14 * binBits];
        for (int v = 0; v < 14; v++)
        {
            for (int i = 0; i < binBits; i++)
            {
                bits[(v * binBits) + i] = (values[v] >> (binBits - i - 1)) % (1 << (binBits - i)) > 0;
            }
        }

        return bits;
    }

    /// <summary>The code (see <see cref="ColorHashVector.Codes"/>) of one pixel, computed with the Pillow HSV tables.</summary>
    internal static int Code(int r, int g, int b)
    {
        var (h, sat) = PillowHsv.HueSaturation((byte)r, (byte)g, (byte)b);
        if (PillowGray.Level(r, g, b) < 32)
        {
            return 12;
        }

        int bin = s_hueBins[h];
        return sat < 85 ? 13 : sat == 170 ? 14 : sat < 170 ? bin : bin + 6;
    }

    // Faint (85 ≤ S < 170) 0, bright (S > 170) 1, gray (S < 85) 2, S == 170 3 (a colour pixel in no hue bin).
    private static byte[] BuildSaturationClasses()
    {
        var sat = PillowHsv.SaturationTable;
        var t = new byte[sat.Length];
        for (int i = 0; i < t.Length; i++)
        {
            int s = sat[i];
            t[i] = (byte)(s < 85 ? 2 : s == 170 ? 3 : s < 170 ? 0 : 1);
        }

        return t;
    }

    private static byte[] BuildHueBinByIndex()
    {
        var hue = PillowHsv.HueTable;
        var bins = s_hueBins;
        var t = new byte[hue.Length];
        for (int i = 0; i < t.Length; i++)
        {
            t[i] = bins[hue[i]];
        }

        return t;
    }

    private static byte[] BuildHueBins()
    {
        var t = new byte[256];
        double[] edges = [0, 42.5, 85, 127.5, 170, 212.5, 255];
        for (int h = 0; h < 256; h++)
        {
            int bin = 5;
            for (int b = 0; b < 6; b++)
            {
                if (h >= edges[b] && h < edges[b + 1])
                {
                    bin = b;
                    break;
                }
            }

            t[h] = (byte)bin;
        }

        return t;
    }
}
