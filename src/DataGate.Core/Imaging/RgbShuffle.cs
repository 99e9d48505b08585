using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DataGate.Core.Imaging;

/// <summary>
/// De-interleaves 8 RGB pixels (24 bytes) into their R, G and B bytes with SSSE3 shuffles: the one copy of the
/// pshufb masks used by every vectorised gray conversion (Pillow and OpenCV formulas alike).
/// </summary>
internal static class RgbShuffle
{
    // pshufb masks (255 = zero) picking R, G, B of pixels 0–7 from bytes 0–15 (Lo) and bytes 8–23 (Hi).
    private static readonly Vector128<byte> s_rLo = Vector128.Create((byte)0, 3, 6, 9, 12, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255);
    private static readonly Vector128<byte> s_rHi = Vector128.Create((byte)255, 255, 255, 255, 255, 255, 10, 13, 255, 255, 255, 255, 255, 255, 255, 255);
    private static readonly Vector128<byte> s_gLo = Vector128.Create((byte)1, 4, 7, 10, 13, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255);
    private static readonly Vector128<byte> s_gHi = Vector128.Create((byte)255, 255, 255, 255, 255, 8, 11, 14, 255, 255, 255, 255, 255, 255, 255, 255);
    private static readonly Vector128<byte> s_bLo = Vector128.Create((byte)2, 5, 8, 11, 14, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255);
    private static readonly Vector128<byte> s_bHi = Vector128.Create((byte)255, 255, 255, 255, 255, 9, 12, 15, 255, 255, 255, 255, 255, 255, 255, 255);

    /// <summary>Whether <see cref="Split8"/> may be called (SSSE3 for the shuffles, AVX2 for the callers' widening).</summary>
    public static bool IsSupported => Ssse3.IsSupported && Avx2.IsSupported;

    /// <summary>
    /// R, G and B of pixels 0–7 in the low 8 bytes of each result (the high 8 bytes are zero), from the 16 bytes at
    /// pixel 0 (<paramref name="lo"/>) and the 16 bytes 8 further (<paramref name="hi"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector128<byte> R, Vector128<byte> G, Vector128<byte> B) Split8(Vector128<byte> lo, Vector128<byte> hi) =>
        (Ssse3.Shuffle(lo, s_rLo) | Ssse3.Shuffle(hi, s_rHi),
         Ssse3.Shuffle(lo, s_gLo) | Ssse3.Shuffle(hi, s_gHi),
         Ssse3.Shuffle(lo, s_bLo) | Ssse3.Shuffle(hi, s_bHi));
}
