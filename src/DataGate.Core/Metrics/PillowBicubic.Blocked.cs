using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DataGate.Core.Metrics;

/// <summary>The vectorised two-pass path of <see cref="PillowBicubic"/> (same arithmetic, same rounding).</summary>
internal static partial class PillowBicubic
{
    // Horizontal pass on blocks of Vector<int>.Count rows transposed so that one vector holds one sample of every
    // row of the block; its 8-bit results go to per-channel planes [c][row][x]; the vertical pass then runs along
    // x with whole vectors.
    private static void ResizeBothBlocked(
        ReadOnlySpan<byte> src, int w, Span<byte> dst, int outW, int outH,
        (int[] Bounds, int[] Kernel, int KSize) horizontal, (int[] Bounds, int[] Kernel, int KSize) vertical,
        int yFirst, int rows, MetricsWorkspace ws)
    {
        int lanes = Vector<int>.Count;
        int outWp = (outW + lanes - 1) / lanes * lanes;
        var planes = ws.ResizeInts(3 * rows * outWp).AsSpan(0, 3 * rows * outWp);
        var blockAndStage = ws.BlockInts((w * 3 * lanes) + (3 * lanes * lanes));
        var block = blockAndStage.AsSpan(0, w * 3 * lanes);
        var stage = MemoryMarshal.Cast<int, Vector256<int>>(blockAndStage.AsSpan(w * 3 * lanes, 3 * lanes * lanes));
        var blockVectors = MemoryMarshal.Cast<int, Vector<int>>(block);
        var half = new Vector<int>(1 << (PrecisionBits - 1));
        var zero = Vector<int>.Zero;
        var max = new Vector<int>(255);
        var (boundsX, kx, ksizeX) = horizontal;
        for (int r0 = 0; r0 < rows; r0 += lanes)
        {
            int used = Math.Min(lanes, rows - r0);
            bool fast = CanTranspose8 && used == lanes;
            if (fast)
            {
                TransposeRowsIn(src, (yFirst + r0) * w * 3, w * 3, w * 3, block);
                HorizontalBlock8(blockVectors, outW, outWp, horizontal, planes, rows, r0, stage);
                continue;
            }

            for (int lane = 0; lane < used; lane++)
            {
                var row = src.Slice((yFirst + r0 + lane) * w * 3, w * 3);
                for (int i = 0; i < row.Length; i++)
                {
                    block[(i * lanes) + lane] = row[i];
                }
            }

            for (int xx = 0; xx < outW; xx++)
            {
                int xmin = boundsX[xx * 2], xmax = boundsX[(xx * 2) + 1];
                int kbase = xx * ksizeX;
                Vector<int> a0 = half, a1 = half, a2 = half;
                for (int t = 0; t < xmax; t++)
                {
                    int k = kx[kbase + t];
                    int p = (xmin + t) * 3;
                    a0 += blockVectors[p] * k;
                    a1 += blockVectors[p + 1] * k;
                    a2 += blockVectors[p + 2] * k;
                }

                a0 = Vector.Min(Vector.Max(Vector.ShiftRightArithmetic(a0, PrecisionBits), zero), max);
                a1 = Vector.Min(Vector.Max(Vector.ShiftRightArithmetic(a1, PrecisionBits), zero), max);
                a2 = Vector.Min(Vector.Max(Vector.ShiftRightArithmetic(a2, PrecisionBits), zero), max);
                for (int lane = 0; lane < used; lane++)
                {
                    int r = r0 + lane;
                    planes[(r * outWp) + xx] = a0[lane];
                    planes[((rows + r) * outWp) + xx] = a1[lane];
                    planes[(((2 * rows) + r) * outWp) + xx] = a2[lane];
                }
            }
        }

        var planeVectors = MemoryMarshal.Cast<int, Vector<int>>(planes);
        var (boundsY, ky, ksizeY) = vertical;
        int perRow = outWp / lanes;
        for (int yy = 0; yy < outH; yy++)
        {
            int ymin = boundsY[yy * 2] - yFirst, ymax = boundsY[(yy * 2) + 1];
            int kbase = yy * ksizeY;
            for (int c = 0; c < 3; c++)
            {
                for (int v = 0; v < perRow; v++)
                {
                    var acc = half;
                    for (int t = 0; t < ymax; t++)
                    {
                        acc += planeVectors[((((c * rows) + ymin + t) * outWp) / lanes) + v] * ky[kbase + t];
                    }

                    acc = Vector.Min(Vector.Max(Vector.ShiftRightArithmetic(acc, PrecisionBits), zero), max);
                    int x0 = v * lanes;
                    int count = Math.Min(lanes, outW - x0);
                    for (int lane = 0; lane < count; lane++)
                    {
                        dst[((((yy * outW) + x0 + lane) * 3)) + c] = (byte)acc[lane];
                    }
                }
            }
        }
    }

    // The horizontal pass of 8 full rows (CanTranspose8): outputs of 8 consecutive x per channel are staged,
    // transposed back to one vector per row and stored whole into the [c][row][x] planes.
    private static void HorizontalBlock8(
        ReadOnlySpan<Vector<int>> blockVectors, int outW, int outWp, (int[] Bounds, int[] Kernel, int KSize) horizontal,
        Span<int> planes, int rows, int r0, Span<Vector256<int>> stage)
    {
        var half = new Vector<int>(1 << (PrecisionBits - 1));
        var zero = Vector<int>.Zero;
        var max = new Vector<int>(255);
        var (boundsX, kx, ksizeX) = horizontal;
        for (int x0 = 0; x0 < outWp; x0 += 8)
        {
            for (int q = 0; q < 8; q++)
            {
                int xx = x0 + q;
                if (xx >= outW)
                {
                    stage[q] = Vector256<int>.Zero;
                    stage[8 + q] = Vector256<int>.Zero;
                    stage[16 + q] = Vector256<int>.Zero;
                    continue;
                }

                int xmin = boundsX[xx * 2], xmax = boundsX[(xx * 2) + 1];
                int kbase = xx * ksizeX;
                Vector<int> a0 = half, a1 = half, a2 = half;
                for (int t = 0; t < xmax; t++)
                {
                    int k = kx[kbase + t];
                    int p = (xmin + t) * 3;
                    a0 += blockVectors[p] * k;
                    a1 += blockVectors[p + 1] * k;
                    a2 += blockVectors[p + 2] * k;
                }

                stage[q] = Vector.Min(Vector.Max(Vector.ShiftRightArithmetic(a0, PrecisionBits), zero), max).AsVector256();
                stage[8 + q] = Vector.Min(Vector.Max(Vector.ShiftRightArithmetic(a1, PrecisionBits), zero), max).AsVector256();
                stage[16 + q] = Vector.Min(Vector.Max(Vector.ShiftRightArithmetic(a2, PrecisionBits), zero), max).AsVector256();
            }

            for (int c = 0; c < 3; c++)
            {
                var channel = stage.Slice(c * 8, 8);
                Int32Transpose.Transpose8(channel);
                for (int lane = 0; lane < 8; lane++)
                {
                    channel[lane].CopyTo(planes.Slice(((((c * rows) + r0 + lane) * outWp) + x0), 8));
                }
            }
        }
    }
}
