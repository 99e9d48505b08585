namespace DataGate.ExampleGenerator;

/// <summary>Pixel operations used to plant defects and near duplicates. All return new canvases.</summary>
internal static class ImageOps
{
    /// <summary>
    /// Separable box blur of the given radius (pixels, ≥ 1) repeated <paramref name="passes"/> times
    /// (three passes approximate a Gaussian). Edges are clamped.
    /// </summary>
    public static Canvas BoxBlur(Canvas source, int radius, int passes)
    {
        Canvas current = source;
        for (int pass = 0; pass < passes; pass++)
        {
            current = BlurAxis(BlurAxis(current, radius, horizontal: true), radius, horizontal: false);
        }

        return current;
    }

    /// <summary>
    /// Scales every channel so that the mean luma becomes about <paramref name="targetLuma"/> (0..255), then adds
    /// luminance grain of standard deviation <paramref name="grain"/> levels, like an underexposed high-ISO shot.
    /// </summary>
    public static Canvas Darken(Canvas source, double targetLuma, double grain, SeededRandom rng)
    {
        double k = targetLuma / source.MeanLuma();
        return AddGrain(Map(source, v => v * k), grain, rng);
    }

    /// <summary>
    /// Compresses channels toward white so the mean luma becomes about <paramref name="targetLuma"/> (0..255),
    /// then adds luminance grain of standard deviation <paramref name="grain"/> levels.
    /// </summary>
    public static Canvas WashOut(Canvas source, double targetLuma, double grain, SeededRandom rng)
    {
        double k = (255 - targetLuma) / (255 - source.MeanLuma());
        return AddGrain(Map(source, v => 255 - ((255 - v) * k)), grain, rng);
    }

    /// <summary>Adds the same Gaussian offset (standard deviation <paramref name="sigma"/> levels) to R, G and B of each pixel.</summary>
    public static Canvas AddGrain(Canvas source, double sigma, SeededRandom rng)
    {
        var result = new Canvas(source.Width, source.Height);
        byte[] src = source.Pixels;
        byte[] dst = result.Pixels;
        for (int i = 0; i < src.Length; i += 3)
        {
            double n = sigma * rng.NextGaussian();
            dst[i] = Canvas.ToByte(src[i] + n);
            dst[i + 1] = Canvas.ToByte(src[i + 1] + n);
            dst[i + 2] = Canvas.ToByte(src[i + 2] + n);
        }

        return result;
    }

    /// <summary>Multiplies every channel by <paramref name="factor"/> (e.g. 1.08 brightens by 8%).</summary>
    public static Canvas Brighten(Canvas source, double factor)
    {
        return Map(source, v => v * factor);
    }

    /// <summary>Replaces R, G and B by the rounded Rec.601 luma, so R = G = B.</summary>
    public static Canvas Grayscale(Canvas source)
    {
        var result = source.Clone();
        byte[] p = result.Pixels;
        for (int i = 0; i < p.Length; i += 3)
        {
            byte g = Canvas.ToByte((0.299 * p[i]) + (0.587 * p[i + 1]) + (0.114 * p[i + 2]));
            p[i] = g;
            p[i + 1] = g;
            p[i + 2] = g;
        }

        return result;
    }

    /// <summary>
    /// Crops the rectangle (<paramref name="left"/>, <paramref name="top"/>, <paramref name="cropWidth"/>,
    /// <paramref name="cropHeight"/>) and resamples it bilinearly to <paramref name="width"/>×<paramref name="height"/>.
    /// </summary>
    public static Canvas CropResize(Canvas source, double left, double top, double cropWidth, double cropHeight, int width, int height)
    {
        var result = new Canvas(width, height);
        byte[] src = source.Pixels;
        byte[] dst = result.Pixels;
        double sx = cropWidth / width;
        double sy = cropHeight / height;
        for (int y = 0; y < height; y++)
        {
            double fy = Math.Clamp(top + ((y + 0.5) * sy) - 0.5, 0, source.Height - 1);
            int y0 = (int)fy;
            int y1 = Math.Min(y0 + 1, source.Height - 1);
            double ty = fy - y0;
            for (int x = 0; x < width; x++)
            {
                double fx = Math.Clamp(left + ((x + 0.5) * sx) - 0.5, 0, source.Width - 1);
                int x0 = (int)fx;
                int x1 = Math.Min(x0 + 1, source.Width - 1);
                double tx = fx - x0;
                for (int ch = 0; ch < 3; ch++)
                {
                    double a = src[(((y0 * source.Width) + x0) * 3) + ch];
                    double b = src[(((y0 * source.Width) + x1) * 3) + ch];
                    double c = src[(((y1 * source.Width) + x0) * 3) + ch];
                    double d = src[(((y1 * source.Width) + x1) * 3) + ch];
                    double topRow = a + ((b - a) * tx);
                    double bottomRow = c + ((d - c) * tx);
                    dst[(((y * width) + x) * 3) + ch] = Canvas.ToByte(topRow + ((bottomRow - topRow) * ty));
                }
            }
        }

        return result;
    }

    private static Canvas Map(Canvas source, Func<double, double> f)
    {
        var result = new Canvas(source.Width, source.Height);
        byte[] src = source.Pixels;
        byte[] dst = result.Pixels;
        for (int i = 0; i < src.Length; i++)
        {
            dst[i] = Canvas.ToByte(f(src[i]));
        }

        return result;
    }

    private static Canvas BlurAxis(Canvas source, int radius, bool horizontal)
    {
        int w = source.Width;
        int h = source.Height;
        var result = new Canvas(w, h);
        byte[] src = source.Pixels;
        byte[] dst = result.Pixels;
        int lines = horizontal ? h : w;
        int length = horizontal ? w : h;
        double norm = 1.0 / ((2 * radius) + 1);
        for (int line = 0; line < lines; line++)
        {
            for (int pos = 0; pos < length; pos++)
            {
                for (int ch = 0; ch < 3; ch++)
                {
                    int sum = 0;
                    for (int k = -radius; k <= radius; k++)
                    {
                        int q = Math.Clamp(pos + k, 0, length - 1);
                        int index = horizontal ? (line * w) + q : (q * w) + line;
                        sum += src[(index * 3) + ch];
                    }

                    int outIndex = horizontal ? (line * w) + pos : (pos * w) + line;
                    dst[(outIndex * 3) + ch] = Canvas.ToByte(sum * norm);
                }
            }
        }

        return result;
    }
}
