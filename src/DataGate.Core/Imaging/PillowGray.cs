using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DataGate.Core.Imaging;

/// <summary>
/// Pillow's <c>convert("L")</c> of an RGB pixel, <c>(19595 R + 38470 G + 7471 B + 32768) &gt;&gt; 16</c> (ITU-R 601-2
/// luma in 16-bit fixed point): the one copy of the formula behind the imagehash-compatible hashes, colorhash's
/// black test and cleanvision's blur score. OpenCV's <c>RGB2GRAY</c> differs from it by one level on about 0.13 % of
/// colours, so the OpenCV-based metrics keep their own formula.
/// </summary>
internal static class PillowGray
{
    private const int R = 19595;
    private const int G = 38470;
    private const int B = 7471;
    private const int Half = 1 << 15;

    /// <summary>Pillow's gray level (0–255) of one RGB colour.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Level(int r, int g, int b) => ((R * r) + (G * g) + (B * b) + Half) >> 16;

    /// <summary><see cref="Level"/> of 8 colours at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> Levels(Vector256<int> r, Vector256<int> g, Vector256<int> b) =>
        Vector256.ShiftRightArithmetic((r * R) + (g * G) + (b * B) + Vector256.Create(Half), 16);
}
