namespace DataGate.Core.Metrics.Eda;

/// <summary>
/// OpenCV 4.x <c>cv2.resize(img, (dw, dh), interpolation=INTER_AREA)</c> of an 8-bit 3-channel image, bit-exact.
/// Hand-written because the <c>eda_*</c> metrics must reproduce the notebook's numbers and OpenCV's INTER_AREA has
/// three different code paths, each with its own rounding, which no general resampler reproduces:
/// <list type="bullet">
/// <item>both scale factors integers (<c>is_area_fast</c>): block sums, <c>cvRound(sum · (1/area)f)</c> (half to even);
/// for 2×2 blocks OpenCV's vector path rounds half up (<c>(s + 2) &gt;&gt; 2</c>);</item>
/// <item>both factors ≥ 1 otherwise: fractional area weights (<c>computeResizeAreaTab</c>) accumulated in
/// <see cref="float"/>, then <c>cvRound</c>;</item>
/// <item>upscaling in either direction: OpenCV emulates area with its fixed-point bilinear resize (11-bit weights from
/// the area formula), whose vector vertical pass rounds in two steps.</item>
/// </list>
/// </summary>
internal static class OpenCvAreaResize
{
    private const int Cn = 3;
    private const int CoefBits = 11;
    private const int CoefScale = 1 << CoefBits;
    private const double DblEpsilon = 2.220446049250313e-16;

    /// <summary>Resizes interleaved 3-channel bytes.</summary>
    /// <param name="src">Source, <c>sw·sh·3</c> bytes.</param>
    /// <param name="sw">Source width ≥ 1.</param>
    /// <param name="sh">Source height ≥ 1.</param>
    /// <param name="dst">Destination, <c>dw·dh·3</c> bytes.</param>
    /// <param name="dw">Destination width ≥ 1.</param>
    /// <param name="dh">Destination height ≥ 1.</param>
    public static void Resize(ReadOnlySpan<byte> src, int sw, int sh, Span<byte> dst, int dw, int dh)
    {
        if (sw == dw && sh == dh)
        {
            src[..(sw * sh * Cn)].CopyTo(dst);
            return;
        }

        double invScaleX = (double)dw / sw, invScaleY = (double)dh / sh;
        double scaleX = 1.0 / invScaleX, scaleY = 1.0 / invScaleY;
        int iscaleX = SaturateInt(scaleX), iscaleY = SaturateInt(scaleY);
        bool areaFast = Math.Abs(scaleX - iscaleX) < DblEpsilon && Math.Abs(scaleY - iscaleY) < DblEpsilon;
        if (scaleX >= 1 && scaleY >= 1)
        {
            if (areaFast)
            {
                Fast(src, sw, sh, dst, dw, dh, iscaleX, iscaleY);
            }
            else
            {
                Area(src, sw, sh, dst, dw, dh, scaleX, scaleY);
            }

            return;
        }

        Linear(src, sw, sh, dst, dw, dh, scaleX, scaleY, invScaleX, invScaleY);
    }

    private static int SaturateInt(double v) => (int)Math.Round(v, MidpointRounding.ToEven);

    // cvRound of a float: round half to even.
    private static byte RoundToByte(float v)
    {
        int r = (int)MathF.Round(v, MidpointRounding.ToEven);
        return (byte)Math.Clamp(r, 0, 255);
    }

    private static void Fast(ReadOnlySpan<byte> src, int sw, int sh, Span<byte> dst, int dw, int dh, int sx, int sy)
    {
        int area = sx * sy;
        float scale = 1f / area;
        int rowBytes = sw * Cn;
        int dwidth = dw * Cn;
        int w1 = sw / sx * Cn;

        // For 2×2 blocks OpenCV's vector path (ResizeAreaFastVec_SIMD_8u) rounds (s + 2) >> 2, half up; the
        // reference values of 200×200 images (golden faces) are those of this rounding for every value of the
        // 300-value row, so it is used for the whole row. Other block sizes round cvRound(s · (1/area)f), half even.
        bool vec = sx == 2 && sy == 2;
        for (int dy = 0; dy < dh; dy++)
        {
            int sy0 = dy * sy;
            var d = dst.Slice(dy * dwidth, dwidth);
            int w = sy0 + sy <= sh ? w1 : 0;
            if (sy0 >= sh)
            {
                d.Clear();
                continue;
            }

            int dx = 0;
            if (vec)
            {
                for (; dx < w; dx++)
                {
                    int c = dx % Cn, px = dx / Cn;
                    int o0 = (sy0 * rowBytes) + (px * 2 * Cn) + c, o1 = o0 + rowBytes;
                    int s = src[o0] + src[o0 + Cn] + src[o1] + src[o1 + Cn];
                    d[dx] = (byte)((s + 2) >> 2);
                }
            }

            for (; dx < w; dx++)
            {
                int c = dx % Cn, px = dx / Cn;
                int baseOffset = (sy0 * rowBytes) + (px * sx * Cn) + c;
                int sum = 0;
                for (int ky = 0; ky < sy; ky++)
                {
                    int o = baseOffset + (ky * rowBytes);
                    for (int kx = 0; kx < sx; kx++)
                    {
                        sum += src[o + (kx * Cn)];
                    }
                }

                d[dx] = RoundToByte(sum * scale);
            }

            for (; dx < dwidth; dx++)
            {
                int c = dx % Cn, px = dx / Cn;
                int sx0 = (px * sx * Cn) + c;
                int sum = 0, count = 0;
                for (int ky = 0; ky < sy && sy0 + ky < sh; ky++)
                {
                    for (int kx = 0; kx < sx * Cn; kx += Cn)
                    {
                        if (sx0 + kx >= rowBytes)
                        {
                            break;
                        }

                        sum += src[((sy0 + ky) * rowBytes) + sx0 + kx];
                        count++;
                    }
                }

                d[dx] = count == 0 ? (byte)0 : RoundToByte((float)sum / count);
            }
        }
    }

    private readonly record struct Decimate(int Di, int Si, float Alpha);

    // OpenCV computeResizeAreaTab.
    private static List<Decimate> AreaTab(int ssize, int dsize, int cn, double scale)
    {
        var tab = new List<Decimate>(ssize * 2);
        for (int dx = 0; dx < dsize; dx++)
        {
            double fsx1 = dx * scale;
            double fsx2 = fsx1 + scale;
            double cellWidth = Math.Min(scale, ssize - fsx1);
            int sx1 = (int)Math.Ceiling(fsx1), sx2 = (int)Math.Floor(fsx2);
            sx2 = Math.Min(sx2, ssize - 1);
            sx1 = Math.Min(sx1, sx2);
            if (sx1 - fsx1 > 1e-3)
            {
                tab.Add(new Decimate(dx * cn, (sx1 - 1) * cn, (float)((sx1 - fsx1) / cellWidth)));
            }

            for (int sx = sx1; sx < sx2; sx++)
            {
                tab.Add(new Decimate(dx * cn, sx * cn, (float)(1.0 / cellWidth)));
            }

            if (fsx2 - sx2 > 1e-3)
            {
                tab.Add(new Decimate(dx * cn, sx2 * cn, (float)(Math.Min(Math.Min(fsx2 - sx2, 1.0), cellWidth) / cellWidth)));
            }
        }

        return tab;
    }

    private static void Area(ReadOnlySpan<byte> src, int sw, int sh, Span<byte> dst, int dw, int dh, double scaleX, double scaleY)
    {
        var xtab = AreaTab(sw, dw, Cn, scaleX);
        var ytab = AreaTab(sh, dh, 1, scaleY);
        int width = dw * Cn;
        var buf = new float[width];
        var sum = new float[width];
        int prevDy = ytab[0].Di;
        foreach (var y in ytab)
        {
            float beta = y.Alpha;
            var s = src.Slice(y.Si * sw * Cn, sw * Cn);
            Array.Clear(buf);
            foreach (var x in xtab)
            {
                float alpha = x.Alpha;
                buf[x.Di] += s[x.Si] * alpha;
                buf[x.Di + 1] += s[x.Si + 1] * alpha;
                buf[x.Di + 2] += s[x.Si + 2] * alpha;
            }

            if (y.Di != prevDy)
            {
                var d = dst.Slice(prevDy * width, width);
                for (int i = 0; i < width; i++)
                {
                    d[i] = RoundToByte(sum[i]);
                    sum[i] = beta * buf[i];
                }

                prevDy = y.Di;
            }
            else
            {
                for (int i = 0; i < width; i++)
                {
                    sum[i] += beta * buf[i];
                }
            }
        }

        var last = dst.Slice(prevDy * width, width);
        for (int i = 0; i < width; i++)
        {
            last[i] = RoundToByte(sum[i]);
        }
    }

    private static short Coef(float v) => (short)Math.Clamp((int)MathF.Round(v * CoefScale, MidpointRounding.ToEven), short.MinValue, short.MaxValue);

    // The area-mode offsets and weights of OpenCV's linear resize: sx = ⌊d·scale⌋, f = (d+1) − (sx+1)/scale, frac part.
    private static (int S, float F) AreaModeOffset(int d, double scale, double invScale)
    {
        int s = (int)Math.Floor(d * scale);
        float f = (float)((d + 1) - ((s + 1) * invScale));
        f = f <= 0 ? 0f : f - MathF.Floor(f);
        return (s, f);
    }

    private static void Linear(ReadOnlySpan<byte> src, int sw, int sh, Span<byte> dst, int dw, int dh, double scaleX, double scaleY, double invScaleX, double invScaleY)
    {
        int width = dw * Cn;
        var xofs = new int[width];
        var alpha = new short[width * 2];
        int xmax = dw;
        for (int dx = 0; dx < dw; dx++)
        {
            var (sx, fx) = AreaModeOffset(dx, scaleX, invScaleX);
            if (sx < 0)
            {
                fx = 0;
                sx = 0;
            }

            if (sx + 1 >= sw)
            {
                xmax = Math.Min(xmax, dx);
                if (sx >= sw - 1)
                {
                    fx = 0;
                    sx = sw - 1;
                }
            }

            short a0 = Coef(1f - fx), a1 = Coef(fx);
            for (int k = 0; k < Cn; k++)
            {
                xofs[(dx * Cn) + k] = (sx * Cn) + k;
                alpha[((dx * Cn) + k) * 2] = a0;
                alpha[(((dx * Cn) + k) * 2) + 1] = a1;
            }
        }

        int xmaxValues = xmax * Cn;
        var row0 = new int[width];
        var row1 = new int[width];

        // OpenCV's vector vertical pass (VResizeLinearVec_32s8u) rounds ((r0 >> 4)·b0 >> 16) + ((r1 >> 4)·b1 >> 16)
        // then (+2) >> 2; its scalar tail (FixedPtCast) rounds (r0·b0 + r1·b1 + 2²¹) >> 22. On the 300-value rows of
        // a 100-pixel BGR row the reference values (golden seed_profile.csv: tiny_32, strip_w_h20, wide) are those
        // of the vector rounding for every value, so it is used throughout.
        for (int dy = 0; dy < dh; dy++)
        {
            var (sy, fy) = AreaModeOffset(dy, scaleY, invScaleY);
            short b0 = Coef(1f - fy), b1 = Coef(fy);
            int sy0 = Math.Clamp(sy, 0, sh - 1), sy1 = Math.Clamp(sy + 1, 0, sh - 1);
            Horizontal(src.Slice(sy0 * sw * Cn, sw * Cn), row0, xofs, alpha, xmaxValues);
            Horizontal(src.Slice(sy1 * sw * Cn, sw * Cn), row1, xofs, alpha, xmaxValues);
            var d = dst.Slice(dy * width, width);
            for (int x = 0; x < width; x++)
            {
                // Horizontal sums are at most 255·2048, so >> 4 fits the 16-bit lanes.
                int p0 = row0[x] >> 4, p1 = row1[x] >> 4;
                int t = ((p0 * b0) >> 16) + ((p1 * b1) >> 16);
                d[x] = (byte)Math.Clamp((t + 2) >> 2, 0, 255);
            }
        }
    }

    private static void Horizontal(ReadOnlySpan<byte> s, int[] d, int[] xofs, short[] alpha, int xmaxValues)
    {
        int x = 0;
        for (; x < xmaxValues; x++)
        {
            int sx = xofs[x];
            d[x] = (s[sx] * alpha[x * 2]) + (s[sx + Cn] * alpha[(x * 2) + 1]);
        }

        for (; x < d.Length; x++)
        {
            d[x] = s[xofs[x]] * CoefScale;
        }
    }
}
