using System.Numerics;
using System.Runtime.InteropServices;
using DataGate.Core.Imaging;

namespace DataGate.Core.Quality.Brisque;

/// <summary>
/// Computes the 36 BRISQUE features exactly as OpenCV contrib's <c>QualityBRISQUE::computeFeatures</c>:
/// OpenCV gray / 255 in float32; scales 1 and ½ (<c>INTER_CUBIC</c> to ⌊w/2⌋×⌊h/2⌋); MSCN
/// <c>(I − μ)/(√(blur(I²) − μ²) + 1/255)</c> with a 7×7 Gaussian σ = 7/6; per scale
/// [γ, (σl² + σr²)/2] of the MSCN AGGD fit, then [γ, mean, σl², σr²] of the products with the right (H),
/// lower (V), lower-right (D1) and upper-right (D2) neighbours (zero outside the image).
/// Buffers are kept per thread and reused.
/// </summary>
internal sealed class BrisqueFeatures
{
    private static readonly (int Dy, int Dx)[] s_shifts = [(0, 1), (1, 0), (1, 1), (-1, 1)];

    [ThreadStatic]
    private static BrisqueFeatures? t_instance;

    private float[] _image = [];
    private float[] _small = [];
    private float[] _mu = [];
    private float[] _sq = [];
    private float[] _scratch = [];
    private float[] _ext = [];

    /// <summary>Images above this many pixels get fresh buffers instead of the thread's cached ones.</summary>
    private const int CachedPixelLimit = 4_000_000;

    /// <summary>
    /// The calling thread's instance (buffers reused between calls), or a fresh one for images over 4 Mpx so
    /// that a thread does not keep hundreds of MB alive after one huge image.
    /// </summary>
    public static BrisqueFeatures For(int width, int height) =>
        (long)width * height > CachedPixelLimit ? new BrisqueFeatures() : t_instance ??= new BrisqueFeatures();

    /// <summary>
    /// Writes the 36 features of <paramref name="image"/> into <paramref name="features"/>. Images narrower or
    /// shorter than 2 pixels (where OpenCV's half-scale resize fails) give 36 NaN.
    /// </summary>
    public void Compute(RgbImage image, Span<float> features)
    {
        int w = image.Width, h = image.Height;
        if (w < 2 || h < 2)
        {
            features.Fill(float.NaN);
            return;
        }

        int n = w * h;
        Ensure(ref _image, n);
        Ensure(ref _small, (w / 2) * (h / 2));
        Ensure(ref _mu, n);
        Ensure(ref _sq, n);
        Ensure(ref _scratch, n);
        Ensure(ref _ext, w + OpenCvGaussian7.Size);

        // cvtColor(RGB2GRAY) then convertTo(CV_32F, 1/255), fused so no gray buffer is allocated.
        OpenCvGrayFloat.Convert(image.Pixels.AsSpan(0, n * 3), _image.AsSpan(0, n));

        ScaleFeatures(_image, w, h, features[..18]);

        int sw = w / 2, sh = h / 2;
        OpenCvCubicResize.Resize(_image.AsSpan(0, n), w, h, _small, sw, sh, _scratch);
        ScaleFeatures(_small, sw, sh, features[18..]);
    }

    private static void Ensure(ref float[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new float[length];
        }
    }

    private void ScaleFeatures(float[] img, int w, int h, Span<float> f)
    {
        int n = w * h;
        var src = img.AsSpan(0, n);
        var mu = _mu.AsSpan(0, n);
        var sq = _sq.AsSpan(0, n);
        OpenCvGaussian7.Blur(src, mu, w, h, _scratch, _ext);
        OpenCvGaussian7.BlurSquares(src, sq, w, h, _scratch, _ext);
        var sqBlur = sq;
        var mscn = mu; // written in place, element by element

        // sigma = sqrt(blur(I²) − μ²) + 1/255; MSCN = (I − μ)/sigma. A slightly negative variance gives NaN in
        // OpenCV, whose AGGD code then counts the pixel as 0; so NaN becomes 0 here.
        var offset = new Vector<float>((float)(1.0 / 255.0));
        int lanes = Vector<float>.Count;
        ref float src0 = ref MemoryMarshal.GetReference(src);
        ref float mu0 = ref MemoryMarshal.GetReference(mu);
        ref float sq0 = ref MemoryMarshal.GetReference(sqBlur);
        int i = 0;
        for (; i <= n - lanes; i += lanes)
        {
            var m = Vector.LoadUnsafe(ref mu0, (nuint)i);
            var sigma = Vector.SquareRoot(Vector.LoadUnsafe(ref sq0, (nuint)i) - (m * m)) + offset;
            var v = (Vector.LoadUnsafe(ref src0, (nuint)i) - m) / sigma;
            Vector.ConditionalSelect(Vector.Equals(v, v), v, Vector<float>.Zero).StoreUnsafe(ref mu0, (nuint)i);
        }

        for (; i < n; i++)
        {
            float m = mu[i];
            float v = (src[i] - m) / (MathF.Sqrt(sqBlur[i] - (m * m)) + (float)(1.0 / 255.0));
            mscn[i] = float.IsNaN(v) ? 0f : v;
        }

        var stats = default(AggdFit.Stats);
        stats.AddRange(mscn);
        var (l, r, gamma) = AggdFit.Fit(stats, n);
        f[0] = (float)gamma;
        f[1] = (float)((l * l) + (r * r)) / 2;

        for (int s = 0; s < s_shifts.Length; s++)
        {
            var (dy, dx) = s_shifts[s];
            var pair = default(AggdFit.Stats);
            for (int y = 0; y < h; y++)
            {
                int y2 = y + dy;
                if (y2 < 0 || y2 >= h)
                {
                    continue;
                }

                int len = w - dx;
                pair.AddProducts(mscn.Slice(y * w, len), mscn.Slice((y2 * w) + dx, len));
            }

            var (pl, pr, pg) = AggdFit.Fit(pair, n);
            int o = 2 + (4 * s);
            f[o] = (float)pg;
            f[o + 1] = (float)AggdFit.MeanParam(pl, pr, pg);
            f[o + 2] = (float)Math.Pow(pl, 2);
            f[o + 3] = (float)Math.Pow(pr, 2);
        }
    }
}
