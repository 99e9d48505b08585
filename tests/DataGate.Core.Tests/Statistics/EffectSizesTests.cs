using DataGate.Core.Statistics;

namespace DataGate.Core.Tests.Statistics;

public class EffectSizesTests
{
    private static readonly double[] s_a = [1, 2, 2, 3];
    private static readonly double[] s_b = [2, 3, 3, 4];

    [Fact]
    public void Should_GiveHandValues_When_SamplesSeparated()
    {
        double[] a = [1, 2, 3];
        double[] b = [4, 5, 6];

        Assert.Equal(-3.0, EffectSizes.CohensD(a, b), 14);
        Assert.Equal(1.0, EffectSizes.KolmogorovSmirnov(a, b));
        Assert.Equal(0.0, EffectSizes.Auc(a, b));
        Assert.Equal(1.0, EffectSizes.Auc(b, a));
    }

    [Fact]
    public void Should_CountTiesAsHalf_When_SamplesShareValues()
    {
        // Pairs (a > b) + ½ (a = b): a=2 ties b=2 twice (1), a=3 beats b=2 and ties b=3 twice (2) -> 3 / 16.
        Assert.Equal(3.0 / 16, EffectSizes.Auc(s_a, s_b), 15);
        Assert.Equal(13.0 / 16, EffectSizes.Auc(s_b, s_a), 15);
    }

    [Fact]
    public void Should_MoveBothCdfsTogether_When_KsValuesTie()
    {
        // At x = 2: F_A = 3/4, F_B = 1/4 -> D = 1/2.
        Assert.Equal(0.5, EffectSizes.KolmogorovSmirnov(s_a, s_b), 15);
        Assert.Equal(0.0, EffectSizes.KolmogorovSmirnov(s_a, [3, 2, 1, 2]));
    }

    [Fact]
    public void Should_UsePooledDdof1Sd_When_CohensD()
    {
        // Means 2 and 3, SS 2 and 2, pooled variance 4/6.
        Assert.Equal(-1.0 / Math.Sqrt(4.0 / 6.0), EffectSizes.CohensD(s_a, s_b), 14);
        Assert.Equal(1.0 / Math.Sqrt(0.5), EffectSizes.CohensD([2, 3], [1.5]), 14);
        Assert.True(double.IsNaN(EffectSizes.CohensD([1], [1])));
        Assert.True(double.IsNaN(EffectSizes.CohensD([1, 1], [1, 1])));
    }

    [Fact]
    public void Should_ExcludeAndCountNaN_When_Comparing()
    {
        var r = EffectSizes.Compare([1, double.NaN, 2, 2, 3], [double.NaN, 2, 3, double.NaN, 3, 4]);

        Assert.Equal((4, 4, 1, 2), (r.CountA, r.CountB, r.MissingA, r.MissingB));
        Assert.Equal(3.0 / 16, r.Auc, 15);
        Assert.Equal(0.5, r.KolmogorovSmirnov, 15);
        Assert.Equal(-1.0 / Math.Sqrt(4.0 / 6.0), r.CohensD, 14);
        Assert.True(double.IsNaN(EffectSizes.Auc([double.NaN], [1])));
    }

    [Fact]
    public void Should_AgreeWithPairwiseDefinitions_When_RandomTiedSamples()
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 20; trial++)
        {
            var a = new double[rng.Next(1, 60)];
            var b = new double[rng.Next(1, 60)];
            for (int i = 0; i < a.Length; i++)
            {
                a[i] = rng.Next(0, 12);
            }

            for (int i = 0; i < b.Length; i++)
            {
                b[i] = rng.Next(3, 15) * 0.9;
            }

            double pairs = 0;
            double ks = 0;
            foreach (double x in a)
            {
                foreach (double y in b)
                {
                    pairs += x > y ? 1 : x == y ? 0.5 : 0;
                }
            }

            foreach (double t in a.Concat(b))
            {
                double fa = a.Count(v => v <= t) / (double)a.Length;
                double fb = b.Count(v => v <= t) / (double)b.Length;
                ks = Math.Max(ks, Math.Abs(fa - fb));
            }

            Assert.Equal(pairs / (a.Length * b.Length), EffectSizes.Auc(a, b), 14);
            Assert.Equal(ks, EffectSizes.KolmogorovSmirnov(a, b), 14);
        }
    }
}
