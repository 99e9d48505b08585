using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DataGate.Core.Quality.Brisque;

/// <summary>
/// OpenCV <c>cvtColor(RGB2GRAY)</c> (fixed-point <c>(9798 R + 19235 G + 3735 B + 16384) &gt;&gt; 15</c>) followed by
/// <c>convertTo(CV_32F, 1/255)</c> (the level times the float constant, rounded once), fused into one pass.
/// With AVX2, 8 pixels per step (bytes deinterleaved by shuffles, the same integer formula in int32 lanes).
/// </summary>
internal static class OpenCvGrayFloat
{
    private const float Scale = (float)(1.0 / 255.0);

    // pshufb masks (255 = zero) picking R, G, B of pixels 0–7 from bytes 0–15 (Lo) and bytes 8–23 (Hi).
    private static readonly Vector128<byte> s_rLo = Vector128.Create((byte)0, 3, 6, 9, 12, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255);
    private static readonly Vector128<byte> s_rHi = Vector128.Create((byte)255, 255, 255, 255, 255, 255, 10, 13, 255, 255, 255, 255, 255, 255, 255, 255);
    private static readonly Vector128<byte> s_gLo = Vector128.Create((byte)1, 4, 7, 10, 13, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255);
    private static readonly Vector128<byte> s_gHi = Vector128.Create((byte)255, 255, 255, 255, 255, 8, 11, 14, 255, 255, 255, 255, 255, 255, 255, 255);
    private static readonly Vector128<byte> s_bLo = Vector128.Create((byte)2, 5, 8, 11, 14, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255);
    private static readonly Vector128<byte> s_bHi = Vector128.Create((byte)255, 255, 255, 255, 255, 9, 12, 15, 255, 255, 255, 255, 255, 255, 255, 255);

    /// <summary>Converts interleaved RGB bytes (3 per pixel) into gray / 255 floats.</summary>
    /// <param name="rgb">At least 3 · <paramref name="dst"/>.Length bytes.</param>
    /// <param name="dst">One float per pixel, in [0, 1].</param>
    public static void Convert(ReadOnlySpan<byte> rgb, Span<float> dst)
    {
        int n = dst.Length;
        int i = 0;
        if (Avx2.IsSupported && Ssse3.IsSupported)
        {
            var scale = Vector256.Create(Scale);
            var round = Vector256.Create(16384);
            for (; i <= n - 8; i += 8)
            {
                var lo = Vector128.Create(rgb.Slice(i * 3, 16));
                var hi = Vector128.Create(rgb.Slice((i * 3) + 8, 16));
                var r = Ssse3.Shuffle(lo, s_rLo) | Ssse3.Shuffle(hi, s_rHi);
                var g = Ssse3.Shuffle(lo, s_gLo) | Ssse3.Shuffle(hi, s_gHi);
                var b = Ssse3.Shuffle(lo, s_bLo) | Ssse3.Shuffle(hi, s_bHi);
                var sum = (Avx2.ConvertToVector256Int32(r) * 9798) + (Avx2.ConvertToVector256Int32(g) * 19235)
                    + (Avx2.ConvertToVector256Int32(b) * 3735) + round;
                var level = Vector256.ShiftRightArithmetic(sum, 15);
                (Vector256.ConvertToSingle(level) * scale).CopyTo(dst[i..]);
            }
        }

        for (int j = i * 3; i < n; i++, j += 3)
        {
            int level = ((9798 * rgb[j]) + (19235 * rgb[j + 1]) + (3735 * rgb[j + 2]) + 16384) >> 15;
            dst[i] = level * Scale;
        }
    }
}
