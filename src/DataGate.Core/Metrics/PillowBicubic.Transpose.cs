using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DataGate.Core.Metrics;

/// <summary>AVX2 8×8 transposes for <see cref="PillowBicubic"/>'s blocked path (pure data movement).</summary>
internal static partial class PillowBicubic
{
    /// <summary>True when the blocked path may use the 8-lane AVX2 transposes.</summary>
    private static bool CanTranspose8 => Avx2.IsSupported && System.Numerics.Vector<int>.Count == 8;

    /// <summary>
    /// Writes <c>block[i·8 + lane] = src[rowStart + lane·rowStride + i]</c> for i &lt; <paramref name="rowLength"/>
    /// and the 8 lanes: 8 bytes of each of 8 rows widened and transposed at a time.
    /// </summary>
    private static void TransposeRowsIn(ReadOnlySpan<byte> src, int rowStart, int rowStride, int rowLength, Span<int> block)
    {
        // Every row must lie inside src (the last read of a row ends at its last byte).
        if (rowStart < 0 || rowStart + (7L * rowStride) + rowLength > src.Length || block.Length < rowLength * 8)
        {
            throw new ArgumentOutOfRangeException(nameof(rowLength));
        }

        ref byte s = ref MemoryMarshal.GetReference(src);
        var b = MemoryMarshal.Cast<int, Vector256<int>>(block);
        int i = 0;
        for (; i + 8 <= rowLength; i += 8)
        {
            int o = rowStart + i;
            var r0 = Load8(ref s, o);
            var r1 = Load8(ref s, o + rowStride);
            var r2 = Load8(ref s, o + (2 * rowStride));
            var r3 = Load8(ref s, o + (3 * rowStride));
            var r4 = Load8(ref s, o + (4 * rowStride));
            var r5 = Load8(ref s, o + (5 * rowStride));
            var r6 = Load8(ref s, o + (6 * rowStride));
            var r7 = Load8(ref s, o + (7 * rowStride));
            Transpose8(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);
            b[i] = r0;
            b[i + 1] = r1;
            b[i + 2] = r2;
            b[i + 3] = r3;
            b[i + 4] = r4;
            b[i + 5] = r5;
            b[i + 6] = r6;
            b[i + 7] = r7;
        }

        for (; i < rowLength; i++)
        {
            for (int lane = 0; lane < 8; lane++)
            {
                block[(i * 8) + lane] = src[rowStart + (lane * rowStride) + i];
            }
        }
    }

    /// <summary>Transposes the 8×8 ints in <paramref name="eight"/> (row q = vector q) in place.</summary>
    private static void Transpose8(Span<Vector256<int>> eight)
    {
        var e = eight[..8];
        var r0 = e[0];
        var r1 = e[1];
        var r2 = e[2];
        var r3 = e[3];
        var r4 = e[4];
        var r5 = e[5];
        var r6 = e[6];
        var r7 = e[7];
        Transpose8(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);
        e[0] = r0;
        e[1] = r1;
        e[2] = r2;
        e[3] = r3;
        e[4] = r4;
        e[5] = r5;
        e[6] = r6;
        e[7] = r7;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Load8(ref byte s, int offset) =>
        Avx2.ConvertToVector256Int32(Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref s, offset))).AsByte());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8(
        ref Vector256<int> r0, ref Vector256<int> r1, ref Vector256<int> r2, ref Vector256<int> r3,
        ref Vector256<int> r4, ref Vector256<int> r5, ref Vector256<int> r6, ref Vector256<int> r7)
    {
        var t0 = Avx2.UnpackLow(r0, r1);
        var t1 = Avx2.UnpackHigh(r0, r1);
        var t2 = Avx2.UnpackLow(r2, r3);
        var t3 = Avx2.UnpackHigh(r2, r3);
        var t4 = Avx2.UnpackLow(r4, r5);
        var t5 = Avx2.UnpackHigh(r4, r5);
        var t6 = Avx2.UnpackLow(r6, r7);
        var t7 = Avx2.UnpackHigh(r6, r7);
        var u0 = Avx2.UnpackLow(t0.AsInt64(), t2.AsInt64()).AsInt32();
        var u1 = Avx2.UnpackHigh(t0.AsInt64(), t2.AsInt64()).AsInt32();
        var u2 = Avx2.UnpackLow(t1.AsInt64(), t3.AsInt64()).AsInt32();
        var u3 = Avx2.UnpackHigh(t1.AsInt64(), t3.AsInt64()).AsInt32();
        var u4 = Avx2.UnpackLow(t4.AsInt64(), t6.AsInt64()).AsInt32();
        var u5 = Avx2.UnpackHigh(t4.AsInt64(), t6.AsInt64()).AsInt32();
        var u6 = Avx2.UnpackLow(t5.AsInt64(), t7.AsInt64()).AsInt32();
        var u7 = Avx2.UnpackHigh(t5.AsInt64(), t7.AsInt64()).AsInt32();
        r0 = Avx2.Permute2x128(u0, u4, 0x20);
        r1 = Avx2.Permute2x128(u1, u5, 0x20);
        r2 = Avx2.Permute2x128(u2, u6, 0x20);
        r3 = Avx2.Permute2x128(u3, u7, 0x20);
        r4 = Avx2.Permute2x128(u0, u4, 0x31);
        r5 = Avx2.Permute2x128(u1, u5, 0x31);
        r6 = Avx2.Permute2x128(u2, u6, 0x31);
        r7 = Avx2.Permute2x128(u3, u7, 0x31);
    }
}
