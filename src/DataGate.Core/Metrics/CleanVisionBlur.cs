using DataGate.Core.Imaging;

namespace DataGate.Core.Metrics;

/// <summary>
/// cleanvision 0.3.x blurriness: the image is shrunk so its longer side is 64 px (Pillow <c>resize</c>, default
/// bicubic, size <c>max(int(w // ratio), 1)</c>), converted to Pillow gray, filtered with Pillow's FIND_EDGES
/// (3×3 kernel −1…8…−1, border rows and columns copied unfiltered); the score combines the edge standard deviation
/// and the standard deviation of the 256-bin gray histogram.
/// </summary>
internal static class CleanVisionBlur
{
    /// <summary>cleanvision <c>MAX_RESOLUTION_FOR_BLURRY_DETECTION</c>.</summary>
    public const int MaxResolution = 64;

    private const double NormalizingFactor = 0.01;
    private const double ColorThreshold = 0.18;

    /// <summary>Computes (blurriness, grayscale-histogram std, blurry score).</summary>
    public static (double Blurriness, double GrayStd, double Score) Compute(ReadOnlySpan<byte> rgb, int width, int height, MetricsWorkspace ws)
    {
        var (tw, th) = ThumbnailSize(width, height);
        var thumb = ws.Thumb((tw * th * 3) + (tw * th * 2));
        Span<byte> small = thumb.AsSpan(0, tw * th * 3);
        if (tw == width && th == height)
        {
            rgb.CopyTo(small);
        }
        else
        {
            var scratch = ws.Scratch(tw * height * 3);
            PillowBicubic.ResizeRgb(rgb, width, height, small, tw, th, scratch, ws);
        }

        int n = tw * th;
        Span<byte> gray = thumb.AsSpan(tw * th * 3, n);
        Span<byte> edges = thumb.AsSpan((tw * th * 3) + n, n);
        Span<int> grayHist = stackalloc int[256];
        Span<int> edgeHist = stackalloc int[256];
        grayHist.Clear();
        edgeHist.Clear();
        for (int i = 0, j = 0; i < n; i++, j += 3)
        {
            byte g = (byte)PillowGray.Level(small[j], small[j + 1], small[j + 2]);
            gray[i] = g;
            grayHist[g]++;
        }

        FindEdges(gray, edges, tw, th);
        for (int i = 0; i < n; i++)
        {
            edgeHist[edges[i]]++;
        }

        double sum = 0, sum2 = 0;
        for (int v = 0; v < 256; v++)
        {
            sum += (double)v * edgeHist[v];
            sum2 += (double)v * v * edgeHist[v];
        }

        double variance = (sum2 - (Math.Pow(sum, 2.0) / n)) / n;
        double blurriness = Math.Sqrt(variance);

        double mean = 0;
        for (int v = 0; v < 256; v++)
        {
            mean += grayHist[v];
        }

        mean /= 256.0;
        double ss = 0;
        for (int v = 0; v < 256; v++)
        {
            double d = grayHist[v] - mean;
            ss += d * d;
        }

        double grayStd = Math.Sqrt(ss / 256.0);
        double blurScore = 1 - Math.Exp(-1 * blurriness * NormalizingFactor);
        double stdScore = 1 - Math.Exp(-1 * grayStd * NormalizingFactor);
        if (stdScore <= ColorThreshold)
        {
            stdScore = 0;
        }

        return (blurriness, grayStd, Math.Min(blurScore + stdScore, 1.0));
    }

    /// <summary>The thumbnail size cleanvision asks Pillow for.</summary>
    public static (int Width, int Height) ThumbnailSize(int width, int height)
    {
        double ratio = (double)Math.Max(width, height) / MaxResolution;
        if (ratio <= 1)
        {
            return (width, height);
        }

        return (Math.Max((int)PythonFloorDiv(width, ratio), 1), Math.Max((int)PythonFloorDiv(height, ratio), 1));
    }

    /// <summary>Python's float <c>//</c> (CPython <c>float_floor_div</c>).</summary>
    internal static double PythonFloorDiv(double vx, double wx)
    {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0 && (wx < 0) != (mod < 0))
        {
            div -= 1.0;
        }

        if (div != 0)
        {
            double floorDiv = Math.Floor(div);
            if (div - floorDiv > 0.5)
            {
                floorDiv += 1.0;
            }

            return floorDiv;
        }

        return Math.CopySign(0.0, vx / wx);
    }

    private static void FindEdges(ReadOnlySpan<byte> src, Span<byte> dst, int w, int h)
    {
        if (w < 3 || h < 3)
        {
            src.CopyTo(dst);
            return;
        }

        src[..w].CopyTo(dst);
        for (int y = 1; y < h - 1; y++)
        {
            int o = y * w;
            dst[o] = src[o];
            for (int x = 1; x < w - 1; x++)
            {
                int c = o + x;
                int s = (8 * src[c]) - src[c - w - 1] - src[c - w] - src[c - w + 1] - src[c - 1] - src[c + 1] - src[c + w - 1] - src[c + w] - src[c + w + 1];
                dst[c] = s <= 0 ? (byte)0 : s >= 255 ? (byte)255 : (byte)s;
            }

            dst[o + w - 1] = src[o + w - 1];
        }

        src.Slice((h - 1) * w, w).CopyTo(dst[((h - 1) * w)..]);
    }
}
