using DataGate.Core.Imaging;

namespace DataGate.Core.Hashing;

/// <summary>
/// imagehash's colorhash: black (Pillow gray &lt; 32), gray (S &lt; 85), 6 hue bins of faint colours
/// (85 ≤ S &lt; 170) and 6 of bright ones (S &gt; 170); S == 170 counts only in the colour divisor.
/// </summary>
internal static class ColorHashBins
{
    // numpy.histogram over linspace(0, 255, 7): edges 0, 42.5, 85, 127.5, 170, 212.5, 255 (last bin closed).
    private static readonly byte[] s_hueBin = BuildHueBins();

    // By saturation: code = (hue bin & keep) + base. Faint (85 ≤ S < 170): bin + 0; bright (S > 170): bin + 6;
    // gray (S < 85): 13; S == 170: 14 (a colour pixel in no hue bin).
    private static readonly byte[] s_keepHue = BuildSaturationTable(keep: true);
    private static readonly byte[] s_codeBase = BuildSaturationTable(keep: false);

    public static bool[] Bits(RgbImage image, int binBits)
    {
        var rgb = image.Pixels;
        int n = image.PixelCount;
        // One histogram over codes: 0–5 faint hue bins, 6–11 bright hue bins, 12 black, 13 gray, 14 S == 170;
        // four interleaved copies so runs of equal codes do not serialise on one counter.
        Span<int> counts4 = stackalloc int[15 * 4];
        counts4.Clear();
        byte[] satTable = PillowHsv.SaturationTable;
        byte[] hue = PillowHsv.HueTable;
        byte[] hueBin = s_hueBin;
        byte[] keepHue = s_keepHue;
        byte[] codeBase = s_codeBase;

        // Branch-free: pixel colours are noisy, so branches on "which channel is the maximum" mispredict.
        for (int i = 0, j = 0; i < n; i++, j += 3)
        {
            int r = rgb[j];
            int g = rgb[j + 1];
            int b = rgb[j + 2];
            int hi = Math.Max(r, Math.Max(g, b));
            int lo = Math.Min(r, Math.Min(g, b));
            int s = satTable[(hi << 8) | (hi - lo)];

            // Hue table case: 0 when R is the maximum, 1 when G is (and R not), else 2 (see PillowHsv.HueTable).
            int isR = 1 + ((r - hi) >> 31);
            int isG = (1 + ((g - hi) >> 31)) & (isR ^ 1);
            int d1 = hi - (g + (isG * (r - g)));
            int d2 = hi - (r + ((isR | isG) * (b - r)));
            int hueIndex = ((2 - (2 * isR) - isG) << 16) | (d1 << 8) | d2;
            int code = (hueBin[hue[hueIndex]] & keepHue[s]) + codeBase[s];
            int isBlack = (GrayPlane.Level(r, g, b) - 32) >> 31;
            code = (code & ~isBlack) | (12 & isBlack);
            counts4[(code << 2) | (i & 3)]++;
        }

        Span<int> counts = stackalloc int[15];
        for (int k = 0; k < 15; k++)
        {
            counts[k] = counts4[k << 2] + counts4[(k << 2) + 1] + counts4[(k << 2) + 2] + counts4[(k << 2) + 3];
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

    private static byte[] BuildSaturationTable(bool keep)
    {
        var t = new byte[256];
        for (int s = 0; s < 256; s++)
        {
            bool colour = s >= 85 && s != 170;
            t[s] = keep ? (byte)(colour ? 0xFF : 0) : (byte)(s < 85 ? 13 : s == 170 ? 14 : s < 170 ? 0 : 6);
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
