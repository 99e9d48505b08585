namespace DataGate.Core.Metrics;

/// <summary>
/// Skin tone of the central region as an Individual Typology Angle (ITA).
/// Region: the central box of half the width and half the height (x from ⌊W/4⌋ to W − ⌊W/4⌋, same for y).
/// Skin pixels: the YCrCb rule of Chai and Ngan (1999), 133 ≤ Cr ≤ 173 and 77 ≤ Cb ≤ 127 with full-range BT.601
/// <c>Cr = 128 + 0.713 (R − Y)</c>, <c>Cb = 128 + 0.564 (B − Y)</c>, <c>Y = 0.299 R + 0.587 G + 0.114 B</c>.
/// Colour: the skin pixels are averaged in linear light (sRGB companding undone), the mean converted to CIE XYZ
/// and CIELAB (D65 white 0.95047, 1, 1.08883), and <c>ITA = atan2(L* − 50, b*)·180/π</c>. Averaging the colour
/// rather than per-pixel angles keeps the cost at table look-ups per pixel and is robust to noisy pixels.
/// </summary>
internal static class SkinToneEstimator
{
    /// <summary>Minimum skin share of the box for an angle to be reported.</summary>
    public const double MinSkinFraction = 0.05;

    private static readonly double[] s_linear = BuildLinear();

    /// <summary>Computes (ITA degrees or NaN, skin fraction, category or null).</summary>
    public static (double Ita, double Fraction, string? Category) Compute(ReadOnlySpan<byte> rgb, int width, int height)
    {
        int x0 = width / 4, x1 = width - (width / 4);
        int y0 = height / 4, y1 = height - (height / 4);
        long total = (long)(x1 - x0) * (y1 - y0);
        long skin = 0;
        double sr = 0, sg = 0, sb = 0;
        var lin = s_linear;
        for (int y = y0; y < y1; y++)
        {
            int o = ((y * width) + x0) * 3;
            for (int x = x0; x < x1; x++, o += 3)
            {
                int r = rgb[o], g = rgb[o + 1], b = rgb[o + 2];
                if (IsSkin(r, g, b))
                {
                    skin++;
                    sr += lin[r];
                    sg += lin[g];
                    sb += lin[b];
                }
            }
        }

        double fraction = total == 0 ? 0.0 : (double)skin / total;
        if (skin == 0 || fraction < MinSkinFraction)
        {
            return (double.NaN, fraction, null);
        }

        double ita = Ita(sr / skin, sg / skin, sb / skin);
        return (ita, fraction, Category(ita));
    }

    /// <summary>True when the colour passes the YCrCb skin rule.</summary>
    public static bool IsSkin(int r, int g, int b)
    {
        double y = (0.299 * r) + (0.587 * g) + (0.114 * b);
        double cr = 128 + (0.713 * (r - y));
        double cb = 128 + (0.564 * (b - y));
        return cr is >= 133 and <= 173 && cb is >= 77 and <= 127;
    }

    /// <summary>ITA in degrees of a linear-light sRGB colour (components 0 … 1).</summary>
    public static double Ita(double r, double g, double b)
    {
        double yy = (0.2126729 * r) + (0.7151522 * g) + (0.0721750 * b);
        double z = (0.0193339 * r) + (0.1191920 * g) + (0.9503041 * b);
        double fy = LabF(yy / 1.0);
        double fz = LabF(z / 1.08883);
        double l = (116 * fy) - 16;
        double bStar = 200 * (fy - fz);
        return Math.Atan2(l - 50, bStar) * 180.0 / Math.PI;
    }

    /// <summary>Del Bino / Chardon category name of an angle, or null for NaN.</summary>
    public static string? Category(double ita) => double.IsNaN(ita) ? null
        : ita > 55 ? "very_light"
        : ita > 41 ? "light"
        : ita > 28 ? "intermediate"
        : ita > 10 ? "tan"
        : ita > -30 ? "brown"
        : "dark";

    /// <summary>sRGB 8-bit value to linear light (IEC 61966-2-1).</summary>
    public static double ToLinear(int v)
    {
        double c = v / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static double LabF(double t)
    {
        const double delta = 6.0 / 29.0;
        return t > delta * delta * delta ? Math.Cbrt(t) : (t / (3 * delta * delta)) + (4.0 / 29.0);
    }

    private static double[] BuildLinear()
    {
        var table = new double[256];
        for (int v = 0; v < 256; v++)
        {
            table[v] = ToLinear(v);
        }

        return table;
    }
}
