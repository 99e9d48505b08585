using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace DataGate.Benchmarks;

/// <summary>
/// Aligned, face-like generated images (shared by the near-duplicate tests and benchmarks): a head ellipse with hair,
/// eyes, brows, nose and mouth at jittered positions over a gradient background, low-frequency shading and fine
/// noise. Distinct seeds give distinct images that are nevertheless alike (same layout, like aligned face crops), so
/// a hash radius finds some false pairs among them; <see cref="Variant"/> makes the planted copies.
/// </summary>
internal static class SyntheticFaces
{
    /// <summary>The kinds of planted copy.</summary>
    public static readonly string[] VariantKinds = ["resized", "jpeg_q20", "mirrored", "crop_90", "colour_shift"];

    /// <summary>The edited copies of the embedding benchmark (issue 13 part 3): crops 80–95 %, colour jitter, JPEG q20, mirror, small rotations.</summary>
    public static readonly string[] EditKinds = ["crop_95", "crop_90", "crop_80", "colour_jitter", "jpeg_q20", "mirrored", "rotated"];

    /// <summary>One distinct image, deterministic for its seed.</summary>
    public static Image<Rgb24> Face(int seed, int side = 200)
    {
        var rng = new Random(seed);
        var image = new Image<Rgb24>(side, side);
        double s = side / 200.0;
        double cx = (100 + rng.Next(-8, 9)) * s;
        double cy = (105 + rng.Next(-8, 9)) * s;
        double rx = (55 + rng.Next(-8, 9)) * s;
        double ry = (72 + rng.Next(-8, 9)) * s;
        var skin = (R: 110 + rng.Next(130), G: 70 + rng.Next(110), B: 50 + rng.Next(90));
        var hair = (R: rng.Next(120), G: rng.Next(90), B: rng.Next(70));
        var bgA = (R: rng.Next(256), G: rng.Next(256), B: rng.Next(256));
        var bgB = (R: rng.Next(256), G: rng.Next(256), B: rng.Next(256));
        double bgAngle = rng.NextDouble() * Math.PI * 2;
        double eyeY = cy - (ry * (0.15 + (rng.NextDouble() * 0.12)));
        double eyeDx = rx * (0.35 + (rng.NextDouble() * 0.12));
        double eyeR = (5 + rng.Next(4)) * s;
        double mouthY = cy + (ry * (0.45 + (rng.NextDouble() * 0.1)));
        double mouthW = rx * (0.3 + (rng.NextDouble() * 0.2));
        double hairLine = cy - (ry * (0.45 + (rng.NextDouble() * 0.3)));
        double lightX = (rng.NextDouble() - 0.5) * 0.8;
        var waves = Enumerable.Range(0, 4).Select(_ => (Fx: rng.NextDouble() * 0.08, Fy: rng.NextDouble() * 0.08, Phase: rng.NextDouble() * 6.28, Amp: 6 + (rng.NextDouble() * 14))).ToArray();
        var noise = new Random(seed * 7919);
        for (int y = 0; y < side; y++)
        {
            for (int x = 0; x < side; x++)
            {
                double t = 0.5 + ((((x - (side / 2.0)) * Math.Cos(bgAngle)) + ((y - (side / 2.0)) * Math.Sin(bgAngle))) / side);
                double r = bgA.R + ((bgB.R - bgA.R) * t);
                double g = bgA.G + ((bgB.G - bgA.G) * t);
                double b = bgA.B + ((bgB.B - bgA.B) * t);
                double dx = (x - cx) / rx;
                double dy = (y - cy) / ry;
                double head = (dx * dx) + (dy * dy);
                if (head < 1.25 && y < hairLine + (dx * dx * ry * 0.3))
                {
                    (r, g, b) = (hair.R, hair.G, hair.B);
                }
                else if (head < 1)
                {
                    double light = 1 + (lightX * dx) - (0.15 * head);
                    (r, g, b) = (skin.R * light, skin.G * light, skin.B * light);
                    foreach (int side2 in new[] { -1, 1 })
                    {
                        double ex = (x - (cx + (side2 * eyeDx))) / (eyeR * 1.6);
                        double ey = (y - eyeY) / eyeR;
                        if ((ex * ex) + (ey * ey) < 1)
                        {
                            (r, g, b) = (30, 25, 20);
                        }
                        else if ((ex * ex) + (ey * ey) < 2.2)
                        {
                            (r, g, b) = (235, 230, 225);
                        }

                        double bx = (x - (cx + (side2 * eyeDx))) / (eyeR * 2.2);
                        double by = (y - (eyeY - (eyeR * 2.6))) / (eyeR * 0.5);
                        if ((bx * bx) + (by * by) < 1)
                        {
                            (r, g, b) = (hair.R, hair.G, hair.B);
                        }
                    }

                    double mx = (x - cx) / mouthW;
                    double my = (y - mouthY) / (4 * s);
                    if ((mx * mx) + (my * my) < 1)
                    {
                        (r, g, b) = (150, 50, 60);
                    }

                    if (Math.Abs(x - cx) < 3 * s && y > eyeY && y < mouthY - (10 * s))
                    {
                        (r, g, b) = (r * 0.85, g * 0.85, b * 0.85);
                    }
                }

                double wave = 0;
                foreach (var w in waves)
                {
                    wave += w.Amp * Math.Sin((w.Fx * x) + (w.Fy * y) + w.Phase);
                }

                int n = noise.Next(-6, 7);
                image[x, y] = new Rgb24(Clamp(r + wave + n), Clamp(g + wave + n), Clamp(b + wave + n));
            }
        }

        return image;
    }

    /// <summary>A planted copy of <paramref name="original"/> (a new image).</summary>
    /// <param name="original">The distinct image.</param>
    /// <param name="kind">One of <see cref="VariantKinds"/>.</param>
    /// <param name="seed">Varies the crop, shift and size.</param>
    /// <param name="quality">JPEG quality the caller saves with (q20 for <c>jpeg_q20</c>, else 90).</param>
    public static Image<Rgb24> Variant(Image<Rgb24> original, string kind, int seed, out int quality)
    {
        var rng = new Random(seed);
        var copy = original.Clone();
        quality = 90;
        switch (kind)
        {
            case "resized":
                int side = 64 + rng.Next(100);
                copy.Mutate(c => c.Resize(side, side));
                break;
            case "jpeg_q20":
                quality = 20;
                break;
            case "mirrored":
                copy.Mutate(c => c.Flip(FlipMode.Horizontal));
                break;
            case "crop_90":
                int w = (int)(original.Width * 0.9);
                int h = (int)(original.Height * 0.9);
                copy.Mutate(c => c.Crop(new Rectangle(rng.Next(original.Width - w + 1), rng.Next(original.Height - h + 1), w, h)));
                break;
            case "crop_80" or "crop_85" or "crop_95":
                double keep = int.Parse(kind[5..], System.Globalization.CultureInfo.InvariantCulture) / 100.0;
                int cw = (int)(original.Width * keep);
                int ch = (int)(original.Height * keep);
                copy.Mutate(c => c.Crop(new Rectangle(rng.Next(original.Width - cw + 1), rng.Next(original.Height - ch + 1), cw, ch)));
                break;
            case "rotated":
                // A small rotation (±3–8°), cropped back to the original size around the centre (no black corners inside 80 %).
                float angle = (3 + (float)(rng.NextDouble() * 5)) * (rng.Next(2) == 0 ? -1 : 1);
                int ow = original.Width;
                int oh = original.Height;
                copy.Mutate(c => c.Rotate(angle));
                copy.Mutate(c => c.Crop(new Rectangle((copy.Width - ow) / 2, (copy.Height - oh) / 2, ow, oh)));
                break;
            case "colour_jitter":
                // Stronger than colour_shift: brightness ±20 %, contrast ±20 %, hue ±25°, saturation ±30 %.
                copy.Mutate(c => c.Brightness(0.8f + (float)(rng.NextDouble() * 0.4)).Contrast(0.8f + (float)(rng.NextDouble() * 0.4)).Hue(rng.Next(-25, 26)).Saturate(0.7f + (float)(rng.NextDouble() * 0.6)));
                break;
            case "colour_shift":
                copy.Mutate(c => c.Brightness(0.9f + (float)(rng.NextDouble() * 0.2)).Hue(rng.Next(-15, 16)).Saturate(0.85f + (float)(rng.NextDouble() * 0.3)));
                break;
            default:
                throw new ArgumentException($"unknown variant '{kind}'", nameof(kind));
        }

        return copy;
    }

    /// <summary>Encodes as JPEG.</summary>
    public static byte[] Jpeg(Image<Rgb24> image, int quality)
    {
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = quality });
        return stream.ToArray();
    }

    /// <summary>
    /// The JPEG file of face <paramref name="seed"/> (quality 90), or of its <paramref name="kind"/> copy (see
    /// <see cref="Variant"/>, at the quality that variant is saved with).
    /// </summary>
    public static byte[] JpegOf(int seed, string? kind = null)
    {
        using var face = Face(seed);
        if (kind is null)
        {
            return Jpeg(face, 90);
        }

        using var copy = Variant(face, kind, seed, out int quality);
        return Jpeg(copy, quality);
    }

    private static byte Clamp(double v) => (byte)Math.Clamp((int)Math.Round(v), 0, 255);
}
