namespace DataGate.ExampleGenerator;

/// <summary>
/// Renders a <see cref="FaceSpec"/> pixel by pixel: gradient background, shoulders, neck, hair, shaded head,
/// ears, brows, eyes, nose and mouth as soft-edged ellipses, then 1/f texture and sensor grain.
/// </summary>
internal sealed class FaceRenderer
{
    private const double EdgeSoftness = 1.1;

    private readonly FaceSpec _s;
    private readonly ValueNoise _texture;
    private readonly ValueNoise _detail;
    private readonly double _cos;
    private readonly double _sin;

    private FaceRenderer(FaceSpec spec)
    {
        _s = spec;
        _texture = new ValueNoise(SeededRandom.Derive(spec.NoiseSeed, 1));
        _detail = new ValueNoise(SeededRandom.Derive(spec.NoiseSeed, 2));
        _cos = Math.Cos(spec.Tilt);
        _sin = Math.Sin(spec.Tilt);
    }

    /// <summary>Renders <paramref name="spec"/> onto a new canvas of the given size (200×200 in the example).</summary>
    public static Canvas Render(FaceSpec spec, int width, int height)
    {
        var renderer = new FaceRenderer(spec);
        var canvas = new Canvas(width, height);
        var grain = new SeededRandom(SeededRandom.Derive(spec.NoiseSeed, 3));
        byte[] p = canvas.Pixels;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                Color3 c = renderer.Shade(x + 0.5, y + 0.5);
                double texture = 1 + (0.05 * renderer._texture.Fractal(x, y, 24, 5));
                double luma = spec.Grain * grain.NextGaussian();
                double chroma = spec.Grain * 0.35;
                int i = ((y * width) + x) * 3;
                p[i] = Canvas.ToByte((c.R * texture) + luma + (chroma * grain.NextGaussian()));
                p[i + 1] = Canvas.ToByte((c.G * texture) + luma + (chroma * grain.NextGaussian()));
                p[i + 2] = Canvas.ToByte((c.B * texture) + luma + (chroma * grain.NextGaussian()));
            }
        }

        return canvas;
    }

    private Color3 Shade(double x, double y)
    {
        double dx = x - _s.CenterX;
        double dy = y - _s.CenterY;
        double u = (dx * _cos) + (dy * _sin);
        double v = (-dx * _sin) + (dy * _cos);
        double rx = _s.RadiusX;
        double ry = _s.RadiusY;

        Color3 c = Background(x, y);
        c = Body(c, x, y);
        c = Blend(c, _s.Skin.Scale(0.74), Ellipse(u, v, 0, ry * 0.82, rx * 0.46, ry * 0.55));
        if (_s.HairStyle == HairStyle.Long)
        {
            c = Blend(c, HairColor(u, v, 0.8), Ellipse(u, v, 0, ry * 0.28, rx * 1.24, ry * 1.16));
        }

        double earCover = Math.Max(Ellipse(u, v, -rx * 0.97, ry * 0.03, rx * 0.13, ry * 0.19), Ellipse(u, v, rx * 0.97, ry * 0.03, rx * 0.13, ry * 0.19));
        c = Blend(c, _s.Skin.Scale(0.86), earCover);

        double head = Ellipse(u, v, 0, 0, rx, ry);
        if (head > 0)
        {
            c = Blend(c, Face(u, v, x, y), head);
        }

        return Hair(c, u, v);
    }

    private Color3 Background(double x, double y)
    {
        double t = (((x - 100) * Math.Cos(_s.GradientAngle)) + ((y - 100) * Math.Sin(_s.GradientAngle))) / 200.0 + 0.5;
        Color3 c = Color3.Lerp(_s.BackgroundA, _s.BackgroundB, Math.Clamp(t, 0, 1));
        return c.Scale(1 + (0.14 * _detail.Fractal(x, y, 70, 3)));
    }

    private Color3 Body(Color3 c, double x, double y)
    {
        double cover = Ellipse(x - _s.CenterX, y, 0, _s.CenterY + (_s.RadiusY * 2.05), _s.RadiusX * 1.95, _s.RadiusY * 0.95);
        if (cover <= 0)
        {
            return c;
        }

        double fabric = 1 + (0.12 * _detail.Fractal(x + 300, y, 5, 3));
        double fold = 1 - (0.1 * Math.Abs(x - _s.CenterX) / _s.RadiusX / 2);
        return Blend(c, _s.Clothing.Scale(fabric * fold), cover);
    }

    private Color3 Face(double u, double v, double x, double y)
    {
        double rx = _s.RadiusX;
        double ry = _s.RadiusY;
        double nu = u / rx;
        double nv = v / ry;
        double r2 = (nu * nu) + (nv * nv);
        double shade = 1 - (0.3 * r2 * Math.Sqrt(r2)) + (0.09 * _s.Light * nu);
        double pores = 1 + (0.035 * _detail.Fractal(x, y, 3, 3));
        Color3 c = _s.Skin.Scale(shade * pores);

        double blush = Math.Max(Ellipse(u, v, -rx * 0.5, ry * 0.28, rx * 0.22, ry * 0.13), Ellipse(u, v, rx * 0.5, ry * 0.28, rx * 0.22, ry * 0.13));
        c = Blend(c, new Color3(c.R * 1.04, c.G * 0.9, c.B * 0.88), blush * 0.5);

        c = Blend(c, c.Scale(0.86), Ellipse(u, v, rx * 0.06 * -_s.Light, ry * 0.16, rx * 0.1, ry * 0.17) * 0.6);
        c = Blend(c, c.Scale(0.55), Math.Max(Ellipse(u, v, -rx * 0.09, ry * 0.3, rx * 0.055, ry * 0.025), Ellipse(u, v, rx * 0.09, ry * 0.3, rx * 0.055, ry * 0.025)));

        c = Eye(c, u, v, -1);
        c = Eye(c, u, v, 1);

        Color3 brow = _s.Hair.R > 140 ? _s.Hair.Scale(0.7) : _s.Hair;
        double browY = -ry * (_s.EyeScale > 1.15 ? 0.2 : 0.24);
        c = Blend(c, brow, 0.85 * Math.Max(Ellipse(u, v, -rx * 0.38, browY, rx * 0.2, ry * 0.04), Ellipse(u, v, rx * 0.38, browY, rx * 0.2, ry * 0.04)));

        double mouthV = v - (_s.Smile * nu * nu * 4);
        c = Blend(c, _s.Lips.Scale(_s.Skin.R / 230.0 + 0.2), Ellipse(u, mouthV, 0, ry * 0.5, rx * 0.27, ry * 0.07));
        return Blend(c, new Color3(55, 28, 28), Ellipse(u, mouthV, 0, ry * 0.5, rx * 0.25, ry * 0.011));
    }

    private Color3 Eye(Color3 c, double u, double v, int side)
    {
        double k = _s.EyeScale;
        double ex = side * _s.RadiusX * 0.38;
        double ey = -_s.RadiusY * (k > 1.15 ? 0.0 : 0.06);
        double ew = _s.RadiusX * 0.16 * k;
        double eh = _s.RadiusY * 0.065 * k;
        c = Blend(c, c.Scale(0.84), Ellipse(u, v, ex, ey - (eh * 0.4), ew * 1.35, eh * 2.0) * 0.7);
        double sclera = Ellipse(u, v, ex, ey, ew, eh);
        if (sclera <= 0)
        {
            return c;
        }

        double gaze = _s.Light * ew * 0.15;
        double ir = eh * 0.95;
        c = Blend(c, new Color3(232, 226, 220), sclera);
        c = Blend(c, _s.Iris, sclera * Ellipse(u, v, ex + gaze, ey, ir, ir));
        c = Blend(c, new Color3(12, 10, 10), sclera * Ellipse(u, v, ex + gaze, ey, ir * 0.45, ir * 0.45));
        c = Blend(c, new Color3(250, 250, 250), sclera * Ellipse(u, v, ex + gaze + (ir * 0.3), ey - (ir * 0.35), 1.1, 1.1));
        double lid = Ellipse(u, v, ex, ey - (eh * 0.15), ew * 1.02, eh * 1.1) - Ellipse(u, v, ex, ey + (eh * 0.12), ew * 0.98, eh * 1.05);
        return Blend(c, new Color3(30, 20, 18), Math.Clamp(lid, 0, 1) * 0.8);
    }

    private Color3 Hair(Color3 c, double u, double v)
    {
        if (_s.HairStyle == HairStyle.Bald)
        {
            return c;
        }

        double rx = _s.RadiusX;
        double ry = _s.RadiusY;
        double nu = u / rx;
        double hairline = _s.HairStyle == HairStyle.Sparse
            ? ry * (-0.7 + (0.2 * nu * nu))
            : ry * (-0.46 + (0.38 * nu * nu * nu * nu));
        double below = Math.Clamp((hairline - v) / 2.5, 0, 1);
        double cover = Ellipse(u, v, 0, -ry * 0.07, rx * 1.09, ry * 1.05) * below;
        if (cover <= 0)
        {
            return c;
        }

        double density = _s.HairStyle == HairStyle.Sparse ? 0.45 : 1.0;
        return Blend(c, HairColor(u, v, 1.0), cover * density);
    }

    private Color3 HairColor(double u, double v, double brightness)
    {
        double strands = _texture.Fractal((u * 3.0) + 500, v * 0.25, 4, 3);
        double sheen = 1 + (0.25 * Math.Max(0, -_s.Light * u / _s.RadiusX));
        return _s.Hair.Scale(brightness * sheen * (1 + (0.28 * strands))).Offset(6 * strands);
    }

    private static Color3 Blend(Color3 under, Color3 over, double alpha)
    {
        return alpha <= 0 ? under : Color3.Lerp(under, over, Math.Min(alpha, 1));
    }

    /// <summary>Coverage (0..1) of an axis-aligned ellipse with an anti-aliased edge about one pixel wide.</summary>
    private static double Ellipse(double x, double y, double cx, double cy, double rx, double ry)
    {
        double nx = (x - cx) / rx;
        double ny = (y - cy) / ry;
        double d = Math.Sqrt((nx * nx) + (ny * ny));
        double signedDistance = (d - 1) * Math.Min(rx, ry);
        return Math.Clamp(0.5 - (signedDistance / EdgeSoftness), 0, 1);
    }
}
