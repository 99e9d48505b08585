namespace DataGate.Core.Metrics;

/// <summary>
/// OpenCV <c>Laplacian(gray, CV_64F, ksize=1)</c> (kernel 0 1 0 / 1 −4 1 / 0 1 0, BORDER_REFLECT_101) and the
/// population variance of its output, computed exactly in integers.
/// </summary>
internal static class Laplacian
{
    /// <summary>Population variance of the Laplacian of an 8-bit gray image; ≥ 0.</summary>
    public static double Variance(ReadOnlySpan<byte> gray, int width, int height)
    {
        long sum = 0, sum2 = 0;
        for (int y = 0; y < height; y++)
        {
            int up = Reflect101(y - 1, height) * width;
            int down = Reflect101(y + 1, height) * width;
            int row = y * width;
            for (int x = 0; x < width; x++)
            {
                int left, right;
                if (x > 0 && x < width - 1)
                {
                    left = x - 1;
                    right = x + 1;
                }
                else
                {
                    left = Reflect101(x - 1, width);
                    right = Reflect101(x + 1, width);
                }

                int v = gray[up + x] + gray[down + x] + gray[row + left] + gray[row + right] - (4 * gray[row + x]);
                sum += v;
                sum2 += v * v;
            }
        }

        long n = (long)width * height;
        Int128 numerator = ((Int128)n * sum2) - ((Int128)sum * sum);
        return (double)numerator / ((double)n * n);
    }

    /// <summary>OpenCV <c>borderInterpolate</c> with BORDER_REFLECT_101 (length 1 maps everything to 0).</summary>
    internal static int Reflect101(int p, int length)
    {
        if (length == 1)
        {
            return 0;
        }

        if (p < 0)
        {
            return -p;
        }

        return p >= length ? (2 * length) - p - 2 : p;
    }
}
