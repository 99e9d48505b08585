namespace DataGate.ExampleGenerator;

/// <summary>
/// Hash-based lattice value noise with smooth interpolation, and a fractal sum of octaves whose amplitude
/// halves as frequency doubles (a 1/f-like spectrum). No tables, so any seed costs nothing.
/// </summary>
internal sealed class ValueNoise
{
    private readonly ulong _seed;

    /// <summary>Creates a noise field for one seed.</summary>
    public ValueNoise(ulong seed)
    {
        _seed = seed;
    }

    /// <summary>Noise in [-1, 1] at a point measured in lattice cells.</summary>
    public double Sample(double x, double y)
    {
        double fx = Math.Floor(x);
        double fy = Math.Floor(y);
        long ix = (long)fx;
        long iy = (long)fy;
        double tx = Smooth(x - fx);
        double ty = Smooth(y - fy);
        double a = Lattice(ix, iy);
        double b = Lattice(ix + 1, iy);
        double c = Lattice(ix, iy + 1);
        double d = Lattice(ix + 1, iy + 1);
        double top = a + ((b - a) * tx);
        double bottom = c + ((d - c) * tx);
        return top + ((bottom - top) * ty);
    }

    /// <summary>
    /// Fractal sum of <paramref name="octaves"/> octaves starting at <paramref name="period"/> pixels per cell,
    /// normalised to roughly [-1, 1].
    /// </summary>
    public double Fractal(double x, double y, double period, int octaves)
    {
        double sum = 0;
        double amplitude = 1;
        double norm = 0;
        double scale = 1.0 / period;
        for (int o = 0; o < octaves; o++)
        {
            sum += amplitude * Sample((x * scale) + (o * 17.31), (y * scale) - (o * 11.7));
            norm += amplitude;
            amplitude *= 0.5;
            scale *= 2;
        }

        return sum / norm;
    }

    private double Lattice(long ix, long iy)
    {
        ulong h = SeededRandom.Derive(_seed, unchecked(((ulong)ix * 0x9E3779B1UL) ^ ((ulong)iy << 32) ^ (ulong)iy));
        return ((h >> 11) * (2.0 / (1UL << 53))) - 1.0;
    }

    private static double Smooth(double t)
    {
        return t * t * (3 - (2 * t));
    }
}
