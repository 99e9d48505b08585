namespace DataGate.ExampleGenerator;

/// <summary>
/// Draws random face parameters for given labels. Skin tone follows race, hair follows age, and the background
/// saturation follows gender (the planted shortcut: women get more colourful backgrounds).
/// </summary>
internal static class FaceSpecFactory
{
    private static readonly Color3 s_skinLight = new(241, 208, 184);
    private static readonly Color3 s_skinMid = new(196, 148, 108);
    private static readonly Color3 s_skinDark = new(88, 58, 40);

    private static readonly Color3[] s_darkHair = [new(22, 18, 16), new(38, 28, 22), new(58, 40, 28)];
    private static readonly Color3[] s_lightHair = [new(96, 66, 42), new(176, 142, 96), new(204, 172, 118), new(136, 66, 36)];

    /// <summary>Creates a face for <paramref name="labels"/> from the random stream <paramref name="rng"/>.</summary>
    public static FaceSpec Create(FaceLabels labels, SeededRandom rng)
    {
        bool infant = labels.Age <= 3;
        double rx = rng.Range(44, 56) * (infant ? 1.08 : 1.0);
        double ry = rx * (infant ? rng.Range(1.10, 1.2) : rng.Range(1.22, 1.36));
        return new FaceSpec
        {
            Labels = labels,
            NoiseSeed = rng.NextUInt64(),
            BackgroundA = BackgroundColor(labels.Gender, rng),
            BackgroundB = BackgroundColor(labels.Gender, rng),
            GradientAngle = rng.Range(0, 2 * Math.PI),
            CenterX = 100 + rng.Range(-7, 7),
            CenterY = 94 + rng.Range(-7, 7),
            RadiusX = rx,
            RadiusY = ry,
            Tilt = rng.Range(-0.09, 0.09),
            Skin = SkinTone(labels.Race, rng),
            Hair = HairColor(labels, rng),
            HairStyle = PickHairStyle(labels, rng),
            Iris = labels.Race == 0 && rng.Chance(0.4)
                ? Color3.FromHsv(rng.Range(190, 215), rng.Range(0.3, 0.55), rng.Range(0.45, 0.7))
                : Color3.FromHsv(rng.Range(20, 32), rng.Range(0.55, 0.8), rng.Range(0.15, 0.38)),
            Lips = Color3.FromHsv(rng.Range(350, 372), rng.Range(0.35, 0.55), rng.Range(0.5, 0.75)),
            Clothing = Color3.FromHsv(rng.Range(0, 360), rng.Range(0.05, 0.65), rng.Range(0.15, 0.85)),
            EyeScale = infant ? rng.Range(1.2, 1.35) : rng.Range(0.92, 1.08),
            Smile = rng.Range(-1.5, 4),
            Light = rng.Range(-1, 1),
            Grain = rng.Range(2.0, 3.0),
        };
    }

    private static Color3 BackgroundColor(int gender, SeededRandom rng)
    {
        // The shortcut: overlapping but shifted saturation ranges by gender.
        double saturation = gender == 1 ? rng.Range(0.28, 0.7) : rng.Range(0.03, 0.4);
        return Color3.FromHsv(rng.Range(0, 360), saturation, rng.Range(0.35, 0.95));
    }

    private static Color3 SkinTone(int race, SeededRandom rng)
    {
        (double lo, double hi) = race switch
        {
            0 => (0.0, 0.3),
            1 => (0.62, 1.0),
            2 => (0.1, 0.42),
            3 => (0.38, 0.78),
            _ => (0.12, 0.72),
        };
        double t = rng.Range(lo, hi);
        Color3 baseTone = t < 0.5
            ? Color3.Lerp(s_skinLight, s_skinMid, t * 2)
            : Color3.Lerp(s_skinMid, s_skinDark, (t - 0.5) * 2);
        double warmth = rng.Range(-8, 8);
        return new Color3(baseTone.R + warmth, baseTone.G, baseTone.B - warmth);
    }

    private static Color3 HairColor(FaceLabels labels, SeededRandom rng)
    {
        if (labels.Age >= 55 && rng.Chance(Math.Min(0.95, (labels.Age - 45) / 30.0)))
        {
            return new Color3(1, 1, 1).Scale(rng.Range(150, 220));
        }

        bool light = labels.Race is 0 or 4 && rng.Chance(0.45);
        Color3[] palette = light ? s_lightHair : s_darkHair;
        return palette[rng.Next(0, palette.Length)].Scale(rng.Range(0.9, 1.1));
    }

    private static HairStyle PickHairStyle(FaceLabels labels, SeededRandom rng)
    {
        if (labels.Age <= 1)
        {
            return HairStyle.Sparse;
        }

        if (labels.Gender == 0 && labels.Age >= 40 && rng.Chance((labels.Age - 30) / 100.0))
        {
            return HairStyle.Bald;
        }

        return rng.Chance(labels.Gender == 1 ? 0.7 : 0.12) ? HairStyle.Long : HairStyle.Short;
    }
}
