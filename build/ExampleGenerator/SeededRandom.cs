namespace DataGate.ExampleGenerator;

/// <summary>
/// Small deterministic pseudo-random generator (SplitMix64). Same seed, same sequence, on every runtime,
/// unlike <see cref="Random"/> whose algorithm is an implementation detail.
/// </summary>
internal sealed class SeededRandom
{
    private ulong _state;

    /// <summary>Creates a generator from a 64-bit seed (any value).</summary>
    public SeededRandom(ulong seed)
    {
        _state = seed;
    }

    /// <summary>Derives an independent seed from a base seed and a stream index.</summary>
    public static ulong Derive(ulong seed, ulong stream)
    {
        return Mix(seed ^ Mix(stream + 0x632BE59BD9B4E019UL));
    }

    /// <summary>Next uniformly distributed 64-bit value.</summary>
    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform double in [0, 1).</summary>
    public double NextDouble()
    {
        return (NextUInt64() >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Range(double min, double max)
    {
        return min + ((max - min) * NextDouble());
    }

    /// <summary>Uniform integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive)
    {
        ulong span = (ulong)(maxExclusive - minInclusive);
        return minInclusive + (int)(NextUInt64() % span);
    }

    /// <summary>True with probability <paramref name="p"/> (0..1).</summary>
    public bool Chance(double p)
    {
        return NextDouble() < p;
    }

    /// <summary>Standard normal sample (Box-Muller, mean 0, standard deviation 1).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Next(0, i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
