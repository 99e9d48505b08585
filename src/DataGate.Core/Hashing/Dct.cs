namespace DataGate.Core.Hashing;

/// <summary>
/// The low-frequency corner of scipy.fftpack's unnormalised DCT-II (<c>y[k] = 2 Σ x[n] cos(πk(2n+1)/2N)</c>)
/// applied along axis 0 then axis 1. For k ≥ 1 the sum runs over <c>x[n] − x[0]</c> (mathematically the same)
/// so that constant rows and columns give exact zeros, as pocketfft does.
/// </summary>
internal static class Dct
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<long, double[]> s_tables = new();

    /// <summary>Top-left <paramref name="keep"/>² coefficients of the 2-D DCT-II of an n×n byte array.</summary>
    public static double[] LowFrequency2D(ReadOnlySpan<byte> pixels, int n, int keep)
    {
        var cos = Table(n, keep);
        var cols = new double[keep * n];

        // Axis 0: for each column, coefficients k < keep.
        for (int k = 0; k < keep; k++)
        {
            int ck = k * n;
            int o = k * n;
            for (int x = 0; x < n; x++)
            {
                double s = 0;
                if (k == 0)
                {
                    for (int y = 0; y < n; y++)
                    {
                        s += pixels[(y * n) + x];
                    }
                }
                else
                {
                    int first = pixels[x];
                    for (int y = 0; y < n; y++)
                    {
                        s += (pixels[(y * n) + x] - first) * cos[ck + y];
                    }
                }

                cols[o + x] = 2 * s;
            }
        }

        // Axis 1 on the kept rows.
        var result = new double[keep * keep];
        for (int r = 0; r < keep; r++)
        {
            int row = r * n;
            double first = cols[row];
            for (int l = 0; l < keep; l++)
            {
                double s = 0;
                int cl = l * n;
                if (l == 0)
                {
                    for (int m = 0; m < n; m++)
                    {
                        s += cols[row + m];
                    }
                }
                else
                {
                    for (int m = 0; m < n; m++)
                    {
                        s += (cols[row + m] - first) * cos[cl + m];
                    }
                }

                result[(r * keep) + l] = 2 * s;
            }
        }

        return result;
    }

    private static double[] Table(int n, int keep)
    {
        long key = ((long)n << 32) | (uint)keep;
        return s_tables.GetOrAdd(key, static k =>
        {
            int n = (int)(k >> 32);
            int keep = (int)(k & 0xFFFFFFFF);
            var t = new double[keep * n];
            for (int i = 0; i < keep; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    t[(i * n) + j] = Math.Cos(Math.PI * i * ((2 * j) + 1) / (2.0 * n));
                }
            }

            return t;
        });
    }
}
