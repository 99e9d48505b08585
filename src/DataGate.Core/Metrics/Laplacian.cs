using System.Numerics;

namespace DataGate.Core.Metrics;

/// <summary>
/// OpenCV <c>Laplacian(gray, CV_64F, ksize=1)</c> (kernel 0 1 0 / 1 −4 1 / 0 1 0, BORDER_REFLECT_101) and the
/// population variance of its output, computed exactly in integers (vectorised over 8-bit lanes).
/// </summary>
internal static class Laplacian
{
    /// <summary>Population variance of the Laplacian of an 8-bit gray image; ≥ 0.</summary>
    public static double Variance(ReadOnlySpan<byte> gray, int width, int height)
    {
        long sum = 0, sum2 = 0;
        int lanes = Vector<byte>.Count;
        for (int y = 0; y < height; y++)
        {
            var up = gray.Slice(Reflect101(y - 1, height) * width, width);
            var down = gray.Slice(Reflect101(y + 1, height) * width, width);
            var row = gray.Slice(y * width, width);
            int x = 0;
            // Int lanes hold a row's squares exactly up to 16,000 px (4·1020² per lane and step).
            if (width >= lanes + 2 && width <= 16000)
            {
                var vSum = Vector<int>.Zero;
                var vSum2 = Vector<int>.Zero;
                for (x = 1; x + lanes <= width - 1; x += lanes)
                {
                    Vector.Widen(new Vector<byte>(up[x..]), out var u0, out var u1);
                    Vector.Widen(new Vector<byte>(down[x..]), out var d0, out var d1);
                    Vector.Widen(new Vector<byte>(row[(x - 1)..]), out var l0, out var l1);
                    Vector.Widen(new Vector<byte>(row[(x + 1)..]), out var r0, out var r1);
                    Vector.Widen(new Vector<byte>(row[x..]), out var c0, out var c1);
                    var s0 = Vector.AsVectorInt16(u0 + d0 + l0 + r0) - (Vector.AsVectorInt16(c0) * (short)4);
                    var s1 = Vector.AsVectorInt16(u1 + d1 + l1 + r1) - (Vector.AsVectorInt16(c1) * (short)4);
                    Vector.Widen(s0, out var i0, out var i1);
                    Vector.Widen(s1, out var i2, out var i3);
                    vSum += i0 + i1 + i2 + i3;
                    vSum2 += (i0 * i0) + (i1 * i1) + (i2 * i2) + (i3 * i3);
                }

                sum += Vector.Sum(vSum);
                for (int i = 0; i < Vector<int>.Count; i++)
                {
                    sum2 += vSum2[i];
                }

                // x = 0 and the tail are done below.
                Scalar(up, down, row, 0, 1, width, ref sum, ref sum2);
                Scalar(up, down, row, x, width, width, ref sum, ref sum2);
            }
            else
            {
                Scalar(up, down, row, 0, width, width, ref sum, ref sum2);
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

    private static void Scalar(ReadOnlySpan<byte> up, ReadOnlySpan<byte> down, ReadOnlySpan<byte> row, int from, int to, int width, ref long sum, ref long sum2)
    {
        for (int x = from; x < to; x++)
        {
            int left = x > 0 && x < width - 1 ? x - 1 : Reflect101(x - 1, width);
            int right = x > 0 && x < width - 1 ? x + 1 : Reflect101(x + 1, width);
            int v = up[x] + down[x] + row[left] + row[right] - (4 * row[x]);
            sum += v;
            sum2 += v * v;
        }
    }
}
