namespace DataGate.ExampleGenerator;

/// <summary>A linear-ish RGB colour with channels in 0..255 (not clamped until written).</summary>
internal readonly record struct Color3(double R, double G, double B)
{
    /// <summary>Linear interpolation; <paramref name="t"/> 0 gives <paramref name="a"/>, 1 gives <paramref name="b"/>.</summary>
    public static Color3 Lerp(Color3 a, Color3 b, double t)
    {
        return new Color3(a.R + ((b.R - a.R) * t), a.G + ((b.G - a.G) * t), a.B + ((b.B - a.B) * t));
    }

    /// <summary>Multiplies all channels by <paramref name="k"/>.</summary>
    public Color3 Scale(double k)
    {
        return new Color3(R * k, G * k, B * k);
    }

    /// <summary>Adds <paramref name="d"/> to all channels.</summary>
    public Color3 Offset(double d)
    {
        return new Color3(R + d, G + d, B + d);
    }

    /// <summary>
    /// Converts hue (degrees, any value), saturation (0..1) and value (0..1) to a colour in 0..255.
    /// </summary>
    public static Color3 FromHsv(double hue, double saturation, double value)
    {
        double h = ((hue % 360) + 360) % 360 / 60.0;
        double c = value * saturation;
        double x = c * (1 - Math.Abs((h % 2) - 1));
        double m = value - c;
        (double r, double g, double b) = (int)h switch
        {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        return new Color3((r + m) * 255, (g + m) * 255, (b + m) * 255);
    }
}
