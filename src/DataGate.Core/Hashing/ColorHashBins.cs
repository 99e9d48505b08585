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

    public static bool[] Bits(int[] gray, RgbImage image, int binBits)
    {
        var rgb = image.Pixels;
        int n = image.PixelCount;
        int black = 0;
        int grayCount = 0;
        int colors = 0;
        Span<int> faint = stackalloc int[6];
        Span<int> bright = stackalloc int[6];
        faint.Clear();
        bright.Clear();
        byte[] satTable = PillowHsv.SaturationTable;
        byte[][] hueTables = PillowHsv.HueTables;
        byte[] hueR = hueTables[0];
        byte[] hueG = hueTables[1];
        byte[] hueB = hueTables[2];
        byte[] hueBin = s_hueBin;
        for (int i = 0, j = 0; i < n; i++, j += 3)
        {
            if (gray[i] < 32)
            {
                black++;
                continue;
            }

            int r = rgb[j];
            int g = rgb[j + 1];
            int b = rgb[j + 2];
            int hi = Math.Max(r, Math.Max(g, b));
            int lo = Math.Min(r, Math.Min(g, b));
            int s = hi == lo ? 0 : satTable[(hi << 8) | (hi - lo)];
            if (s < 85)
            {
                grayCount++;
                continue;
            }

            colors++;
            if (s == 170)
            {
                continue;
            }

            int h = r == hi ? hueR[((hi - g) << 8) | (hi - b)]
                : g == hi ? hueG[((hi - r) << 8) | (hi - b)]
                : hueB[((hi - g) << 8) | (hi - r)];
            if (s < 170)
            {
                faint[hueBin[h]]++;
            }
            else
            {
                bright[hueBin[h]]++;
            }
        }

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
