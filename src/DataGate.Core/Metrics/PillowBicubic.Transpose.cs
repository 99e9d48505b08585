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
            Int32Transpose.Transpose8(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Load8(ref byte s, int offset) =>
        Avx2.ConvertToVector256Int32(Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref s, offset))).AsByte());
}
