namespace DataGate.ExampleGenerator;

/// <summary>
/// Builds a deliberately skewed label list with exact quotas: ages bunched at 0–5 and 20–40, about 62% male,
/// races 45/20/15/12/8%. Quotas are exact so the published distribution is reproducible to the unit.
/// </summary>
internal static class LabelPlan
{
    /// <summary>Age buckets (inclusive bounds) and their share of the faces.</summary>
    public static readonly (int Min, int Max, double Share)[] AgeBuckets =
    [
        (0, 5, 0.25),
        (6, 9, 0.04),
        (10, 19, 0.06),
        (20, 40, 0.46),
        (41, 60, 0.14),
        (61, 85, 0.05),
    ];

    /// <summary>Share of female faces (gender 1).</summary>
    public const double FemaleShare = 0.38;

    /// <summary>Share of races 0..4.</summary>
    public static readonly double[] RaceShares = [0.45, 0.20, 0.15, 0.12, 0.08];

    /// <summary>Creates <paramref name="count"/> labels in random order.</summary>
    public static FaceLabels[] Create(int count, SeededRandom rng)
    {
        var ages = new List<int>(count);
        int[] ageQuota = Quotas(count, AgeBuckets.Select(b => b.Share).ToArray());
        for (int b = 0; b < AgeBuckets.Length; b++)
        {
            for (int i = 0; i < ageQuota[b]; i++)
            {
                ages.Add(rng.Next(AgeBuckets[b].Min, AgeBuckets[b].Max + 1));
            }
        }

        var genders = Expand(Quotas(count, [1 - FemaleShare, FemaleShare]));
        var races = Expand(Quotas(count, RaceShares));
        rng.Shuffle(ages);
        rng.Shuffle(genders);
        rng.Shuffle(races);

        var labels = new FaceLabels[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = new FaceLabels(ages[i], genders[i], races[i]);
        }

        return labels;
    }

    /// <summary>Largest-remainder apportionment of <paramref name="count"/> over <paramref name="shares"/>.</summary>
    private static int[] Quotas(int count, double[] shares)
    {
        var quota = new int[shares.Length];
        var remainders = new (double Remainder, int Index)[shares.Length];
        int assigned = 0;
        for (int i = 0; i < shares.Length; i++)
        {
            double exact = count * shares[i];
            quota[i] = (int)Math.Floor(exact);
            remainders[i] = (exact - quota[i], i);
            assigned += quota[i];
        }

        Array.Sort(remainders, (a, b) => b.Remainder != a.Remainder ? b.Remainder.CompareTo(a.Remainder) : a.Index.CompareTo(b.Index));
        for (int i = 0; assigned < count; i++, assigned++)
        {
            quota[remainders[i].Index]++;
        }

        return quota;
    }

    private static List<int> Expand(int[] quota)
    {
        var values = new List<int>();
        for (int v = 0; v < quota.Length; v++)
        {
            for (int i = 0; i < quota[v]; i++)
            {
                values.Add(v);
            }
        }

        return values;
    }
}
