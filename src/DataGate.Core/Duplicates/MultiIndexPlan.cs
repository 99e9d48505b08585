namespace DataGate.Core.Duplicates;

/// <summary>How a multi-index search splits the 64 bits, and the search radius of each substring.</summary>
internal sealed class MultiIndexPlan
{
    // Fixed cost of building and scanning one substring table (allocation, thread start), in candidate checks.
    private const double ChunkOverhead = 50_000;

    // Cost of one table lookup, in candidate checks. A substring of up to DirectTableBits bits indexes an offset table
    // of 2^bits ints that fits in cache (4 · 2^18 = 1 MiB): about 3 checks' worth; a wider one misses cache on most
    // lookups: about 12. Rough weights: they only pick between plans (and brute force), never change a result.
    private const int DirectTableBits = 18;
    private const double CachedLookupCost = 3;
    private const double UncachedLookupCost = 12;

    private MultiIndexPlan(Chunk[] chunks, double cost)
    {
        Chunks = chunks;
        Cost = cost;
    }

    /// <summary>Substrings, most significant first.</summary>
    public Chunk[] Chunks { get; }

    /// <summary>Estimated work (candidate checks plus weighted table lookups).</summary>
    public double Cost { get; }

    /// <summary>The cheapest plan, or null when comparing all pairs is estimated to be cheaper.</summary>
    public static MultiIndexPlan? Choose(int n, int radius, int maxChunkBits)
    {
        double brute = 0.5 * n * (double)n;
        MultiIndexPlan? best = null;
        int minChunks = (64 + maxChunkBits - 1) / maxChunkBits;
        for (int m = minChunks; m <= Math.Max(minChunks, Math.Min(radius + 1, 16)); m++)
        {
            var plan = Build(n, radius, m);
            if (best is null || plan.Cost < best.Cost)
            {
                best = plan;
            }
        }

        return best is not null && best.Cost < brute ? best : null;
    }

    private static MultiIndexPlan Build(int n, int radius, int m)
    {
        int q = radius / m;
        int a = radius % m;
        var chunks = new Chunk[m];
        int high = 64;
        double cost = 0;
        for (int i = 0; i < m; i++)
        {
            int bits = (64 / m) + (i < 64 % m ? 1 : 0);
            int shift = high - bits;
            high = shift;
            ulong mask = (bits == 64 ? ulong.MaxValue : ((1UL << bits) - 1)) << shift;
            int r = i <= a ? q : q - 1;
            chunks[i] = new Chunk(bits, shift, mask, r);
            if (r >= 0)
            {
                double keys = 0;
                for (int j = 0; j <= Math.Min(r, bits); j++)
                {
                    keys += Binomial(bits, j);
                }

                double lookup = bits <= DirectTableBits ? CachedLookupCost : UncachedLookupCost;
                double perBucket = n / Math.Pow(2, bits);

                // Per query: lookups plus candidate checks (half skipped by the id test); plus table build.
                cost += (n * keys * (lookup + perBucket)) + (2.0 * n) + Math.Pow(2, bits) + ChunkOverhead;
            }
        }

        return new MultiIndexPlan(chunks, cost);
    }

    private static double Binomial(int n, int k)
    {
        double r = 1;
        for (int i = 1; i <= k; i++)
        {
            r = r * (n - k + i) / i;
        }

        return r;
    }

    /// <summary>One substring: its width, position and search radius (−1 = not searched).</summary>
    internal readonly record struct Chunk(int Bits, int Shift, ulong Mask, int Radius);
}
