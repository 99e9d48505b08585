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
        for (int i = 0, j = 0; i < n; i++, j += 3)
        {
            int r = rgb[j];
            int g = rgb[j + 1];
            int b = rgb[j + 2];
            int hi = Math.Max(r, Math.Max(g, b));
            int lo = Math.Min(r, Math.Min(g, b));
            int s = satTable[(hi << 8) | (hi - lo)];
            int hueIndex = r == hi ? ((hi - g) << 8) | (hi - b)
                : g == hi ? 0x10000 | ((hi - r) << 8) | (hi - b)
                : 0x20000 | ((hi - g) << 8) | (hi - r);
            int code = (s < 170 ? 0 : 6) + hueBin[hue[hueIndex]];
            code = s == 170 ? 14 : code;
            code = s < 85 ? 13 : code;
            code = GrayPlane.Level(r, g, b) < 32 ? 12 : code;
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
