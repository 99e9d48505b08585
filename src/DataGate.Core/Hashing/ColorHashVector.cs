using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using DataGate.Core.Imaging;

namespace DataGate.Core.Hashing;

/// <summary>
/// The colorhash code of eight pixels at once, from integer comparisons that give exactly what Pillow's
/// single-precision HSV followed by imagehash's binning gives (checked against the tables for all 2²⁴ colours by
/// the tests). Hue: with N/(6·(max − min)) the hue fraction (N = g − b [+ 6·range when g &lt; b] when R is the
/// maximum, 2·range + b − r when G is, 4·range + r − g when only B is), the bin is the number of byte edges
/// E ∈ {43, 85, 128, 170, 213} with 255·N ≥ 6·E·range. Saturation: gray when 3·range &lt; max, bright when
/// 255·range ≥ 171·max, S = 170 when neither and 3·range ≥ 2·max, else faint.
/// </summary>
internal static class ColorHashVector
{
    /// <summary>Whether <see cref="CountPrefix"/> runs vectorised (needs AVX-512 VBMI for the byte deinterleave).</summary>
    public static bool IsSupported => Avx512Vbmi.VL.IsSupported && Avx2.IsSupported;

    /// <summary>Codes 0–5 faint hue bins, 6–11 bright, 12 black (Pillow gray &lt; 32), 13 gray, 14 S == 170.</summary>
    public static Vector256<int> Codes(Vector256<int> r, Vector256<int> g, Vector256<int> b)
    {
        var hi = Vector256.Max(r, Vector256.Max(g, b));
        var lo = Vector256.Min(r, Vector256.Min(g, b));
        var range = hi - lo;
        var isR = Vector256.Equals(r, hi);
        var isG = Vector256.AndNot(Vector256.Equals(g, hi), isR);
        var range2 = range + range;
        var range6 = (range2 + range) * 2;
        var nR = (g - b) + (Vector256.LessThan(g, b) & range6);
        var nG = range2 + b - r;
        var nB = range2 + range2 + r - g;
        var n = Vector256.ConditionalSelect(isR, nR, Vector256.ConditionalSelect(isG, nG, nB));
        var t = n * 255;
        var bin = Vector256<int>.Zero;
        bin -= Vector256.GreaterThanOrEqual(t, range6 * 43);
        bin -= Vector256.GreaterThanOrEqual(t, range6 * 85);
        bin -= Vector256.GreaterThanOrEqual(t, range6 * 128);
        bin -= Vector256.GreaterThanOrEqual(t, range6 * 170);
        bin -= Vector256.GreaterThanOrEqual(t, range6 * 213);

        var gray = Vector256.LessThan(range2 + range, hi);
        var bright = Vector256.GreaterThanOrEqual(range * 255, hi * 171);
        var s170 = Vector256.GreaterThanOrEqual(range2 + range, hi + hi);
        var code = bin + (bright & Vector256.Create(6));
        code = Vector256.ConditionalSelect(s170 & ~bright, Vector256.Create(14), code);
        code = Vector256.ConditionalSelect(gray, Vector256.Create(13), code);
        var black = Vector256.LessThan(PillowGray.Levels(r, g, b), Vector256.Create(32));
        return Vector256.ConditionalSelect(black, Vector256.Create(12), code);
    }

    /// <summary>
    /// Adds the code counts of the leading pixels to <paramref name="counts"/> (16 entries) and returns how many
    /// pixels it handled (a multiple of 8 leaving at least 32 bytes of input read-safe); 0 when not supported.
    /// </summary>
    public static int CountPrefix(ReadOnlySpan<byte> rgb, Span<int> counts)
    {
        if (!IsSupported)
        {
            return 0;
        }

        // Bytes 0, 3, … 21 (R), then G, then B, of 8 interleaved pixels.
        var deinterleave = Vector256.Create(
            (byte)0, 3, 6, 9, 12, 15, 18, 21, 1, 4, 7, 10, 13, 16, 19, 22,
            2, 5, 8, 11, 14, 17, 20, 23, 0, 0, 0, 0, 0, 0, 0, 0);
        Span<int> wide = stackalloc int[16 * 8];
        wide.Clear();
        var one = Vector256.Create(1);
        var eight = Vector256.Create(8);
        int pixels = 0;
        int j = 0;
        while (j + 32 <= rgb.Length)
        {
            // Nibble counters: lane code c adds 1 << 4c to the low (c < 8) or high (c ≥ 8) word; 15 rounds fit.
            var accLo = Vector256<int>.Zero;
            var accHi = Vector256<int>.Zero;
            int rounds = 0;
            for (; rounds < 15 && j + 32 <= rgb.Length; rounds++, j += 24, pixels += 8)
            {
                var bytes = Avx512Vbmi.VL.PermuteVar32x8(Vector256.Create(rgb.Slice(j, 32)), deinterleave);
                var low = bytes.GetLower();
                var r = Avx2.ConvertToVector256Int32(low);
                var g = Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(low, 8));
                var b = Avx2.ConvertToVector256Int32(bytes.GetUpper());
                var code = Codes(r, g, b).AsUInt32();
                accLo += Avx2.ShiftLeftLogicalVariable(one, code << 2).AsInt32();
                accHi += Avx2.ShiftLeftLogicalVariable(one, (code - eight.AsUInt32()) << 2).AsInt32();
            }

            for (int k = 0; k < 8; k++)
            {
                var nibLo = Vector256.ShiftRightLogical(accLo, 4 * k) & Vector256.Create(15);
                var nibHi = Vector256.ShiftRightLogical(accHi, 4 * k) & Vector256.Create(15);
                (Vector256.Create<int>(wide.Slice(k * 8, 8)) + nibLo).CopyTo(wide.Slice(k * 8, 8));
                (Vector256.Create<int>(wide.Slice((8 + k) * 8, 8)) + nibHi).CopyTo(wide.Slice((8 + k) * 8, 8));
            }
        }

        for (int k = 0; k < 16; k++)
        {
            counts[k] += Vector256.Sum(Vector256.Create<int>(wide.Slice(k * 8, 8)));
        }

        return pixels;
    }
}
