using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DataGate.Core.Metrics;

/// <summary>The gray-to-column-plane transpose of <see cref="FftBlur"/>.</summary>
internal static partial class FftBlur
{
    /// <summary>
    /// Writes row 2p of <paramref name="gray"/> into column p of <paramref name="even"/> and row 2p+1 into column p
    /// of <paramref name="odd"/> (planes of <paramref name="width"/> rows × <paramref name="stride"/> columns);
    /// rows past the image are 1.0. With AVX2, blocks of 4 pairs × 4 pixels go through a 4×4 double transpose in
    /// registers; the rest element by element (same values: bytes converted to double exactly).
    /// </summary>
    private static void TransposePairs(ReadOnlySpan<byte> gray, int width, int height, double[] even, double[] odd, int stride)
    {
        if (gray.Length < width * height || even.Length < width * stride || odd.Length < width * stride || stride * 2 < height)
        {
            throw new ArgumentException("Buffers are smaller than the image.");
        }

        int fastP = 0;
        if (Avx2.IsSupported)
        {
            fastP = height / 8 * 4;
            int fastX = width / 4 * 4;
            ref byte g0 = ref MemoryMarshal.GetReference(gray);
            ref double e0 = ref MemoryMarshal.GetArrayDataReference(even);
            ref double o0 = ref MemoryMarshal.GetArrayDataReference(odd);
            for (int p0 = 0; p0 < fastP; p0 += 4)
            {
                int rowBase = 2 * p0 * width;
                for (int x0 = 0; x0 < fastX; x0 += 4)
                {
                    ref byte src = ref Unsafe.Add(ref g0, rowBase + x0);
                    Block(ref src, width * 2, ref Unsafe.Add(ref e0, (x0 * stride) + p0), stride);
                    Block(ref Unsafe.Add(ref src, width), width * 2, ref Unsafe.Add(ref o0, (x0 * stride) + p0), stride);
                }

                for (int p = p0; p < p0 + 4; p++)
                {
                    for (int x = fastX; x < width; x++)
                    {
                        even[(x * stride) + p] = gray[(2 * p * width) + x];
                        odd[(x * stride) + p] = gray[(((2 * p) + 1) * width) + x];
                    }
                }
            }
        }

        for (int p = fastP; p < stride; p++)
        {
            int y = 2 * p;
            for (int x = 0; x < width; x++)
            {
                even[(x * stride) + p] = y < height ? gray[(y * width) + x] : 1.0;
                odd[(x * stride) + p] = y + 1 < height ? gray[((y + 1) * width) + x] : 1.0;
            }
        }
    }

    // 4 rows (rowStep bytes apart) × 4 bytes → 4 columns of 4 doubles at dst, dst + stride, …
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block(ref byte src, int rowStep, ref double dst, int stride)
    {
        var r0 = Row4(ref src);
        var r1 = Row4(ref Unsafe.Add(ref src, rowStep));
        var r2 = Row4(ref Unsafe.Add(ref src, 2 * rowStep));
        var r3 = Row4(ref Unsafe.Add(ref src, 3 * rowStep));
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        Avx.Permute2x128(t0, t2, 0x20).StoreUnsafe(ref dst);
        Avx.Permute2x128(t1, t3, 0x20).StoreUnsafe(ref Unsafe.Add(ref dst, stride));
        Avx.Permute2x128(t0, t2, 0x31).StoreUnsafe(ref Unsafe.Add(ref dst, 2 * stride));
        Avx.Permute2x128(t1, t3, 0x31).StoreUnsafe(ref Unsafe.Add(ref dst, 3 * stride));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Row4(ref byte src)
    {
        var bytes = Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(ref src)).AsByte();
        return Avx.ConvertToVector256Double(Sse41.ConvertToVector128Int32(bytes));
    }
}
