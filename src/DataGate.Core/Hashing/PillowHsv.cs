namespace DataGate.Core.Hashing;

/// <summary>
/// Hue and saturation bytes as Pillow's <c>convert("HSV")</c> computes them from RGB (single-precision
/// arithmetic, truncation to 0–255). Saturation depends only on (max, max − min) and hue only on which channel
/// is the maximum and the two differences to it, so both are served from lazily built 64 K-entry tables.
/// </summary>
internal static class PillowHsv
{
    private static readonly Lazy<byte[]> s_saturation = new(BuildSaturation);
    private static readonly Lazy<byte[]> s_hue = new(BuildHue);

    /// <summary>Saturation by <c>(max &lt;&lt; 8) | (max − min)</c>.</summary>
    public static byte[] SaturationTable => s_saturation.Value;

    /// <summary>
    /// Hue by <c>(case &lt;&lt; 16) | (d1 &lt;&lt; 8) | d2</c>: case 0 = R is the maximum (d1 = max − G, d2 = max − B);
    /// 1 = G is (R is not; d1 = max − R, d2 = max − B); 2 = only B is (d1 = max − G, d2 = max − R).
    /// </summary>
    public static byte[] HueTable => s_hue.Value;

    /// <summary>Pillow's (H, S) bytes for one RGB colour.</summary>
    public static (byte Hue, byte Saturation) HueSaturation(byte r, byte g, byte b)
    {
        int max = Math.Max(r, Math.Max(g, b));
        int min = Math.Min(r, Math.Min(g, b));
        if (max == min)
        {
            return (0, 0);
        }

        byte s = s_saturation.Value[(max << 8) | (max - min)];
        var hue = s_hue.Value;
        byte h = r == max ? hue[((max - g) << 8) | (max - b)]
            : g == max ? hue[0x10000 | ((max - r) << 8) | (max - b)]
            : hue[0x20000 | ((max - g) << 8) | (max - r)];
        return (h, s);
    }

    /// <summary>Direct (table-free) computation, following Pillow's rgb2hsv; used to build the tables.</summary>
    public static (byte Hue, byte Saturation) Compute(byte r, byte g, byte b)
    {
        byte max = Math.Max(r, Math.Max(g, b));
        byte min = Math.Min(r, Math.Min(g, b));
        if (max == min)
        {
            return (0, 0);
        }

        float cr = max - min;
        float s = cr / max;
        float rc = (max - r) / cr;
        float gc = (max - g) / cr;
        float bc = (max - b) / cr;
        float h;
        if (r == max)
        {
            h = bc - gc;
        }
        else if (g == max)
        {
            h = (float)(2.0 + rc - bc);
        }
        else
        {
            h = (float)(4.0 + gc - rc);
        }

        h = (float)(((h / 6.0) + 1.0) % 1.0);
        return (Clip((int)(h * 255.0)), Clip((int)(s * 255.0)));
    }

    private static byte Clip(int v) => v < 0 ? (byte)0 : v > 255 ? (byte)255 : (byte)v;

    private static byte[] BuildSaturation()
    {
        var t = new byte[256 * 256];
        for (int max = 1; max < 256; max++)
        {
            for (int d = 1; d <= max; d++)
            {
                t[(max << 8) | d] = Compute((byte)max, (byte)(max - d), (byte)(max - d)).Saturation;
            }
        }

        return t;
    }

    private static byte[] BuildHue()
    {
        // Hue depends only on the differences of the channels to the maximum, so 255 is used as the maximum.
        var t = new byte[3 * 256 * 256];

        for (int d1 = 0; d1 < 256; d1++)
        {
            for (int d2 = 0; d2 < 256; d2++)
            {
                if (d1 == 0 && d2 == 0)
                {
                    continue;
                }

                byte a = (byte)(255 - d1);
                byte b = (byte)(255 - d2);
                t[(d1 << 8) | d2] = Compute(255, a, b).Hue;
                if (d1 > 0)
                {
                    t[0x10000 | (d1 << 8) | d2] = Compute(a, 255, b).Hue;
                }

                if (d1 > 0 && d2 > 0)
                {
                    t[0x20000 | (d1 << 8) | d2] = Compute(b, a, 255).Hue;
                }
            }
        }

        return t;
    }
}
