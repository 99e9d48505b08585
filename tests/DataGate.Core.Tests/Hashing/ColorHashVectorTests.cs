using System.Runtime.Intrinsics;
using DataGate.Core.Hashing;

namespace DataGate.Core.Tests.Hashing;

public sealed class ColorHashVectorTests
{
    [Fact]
    public void Should_MatchPillowHsvTables_When_CodesAreComputedArithmeticallyForEveryColour()
    {
        int mismatches = 0;
        string first = string.Empty;
        Span<int> rs = stackalloc int[8];
        Span<int> gs = stackalloc int[8];
        Span<int> bs = stackalloc int[8];
        for (int r = 0; r < 256; r++)
        {
            for (int g = 0; g < 256; g++)
            {
                for (int b0 = 0; b0 < 256; b0 += 8)
                {
                    for (int l = 0; l < 8; l++)
                    {
                        rs[l] = r;
                        gs[l] = g;
                        bs[l] = b0 + l;
                    }

                    var codes = ColorHashVector.Codes(Vector256.Create<int>(rs), Vector256.Create<int>(gs), Vector256.Create<int>(bs));
                    for (int l = 0; l < 8; l++)
                    {
                        int expected = ColorHashBins.Code(r, g, b0 + l);
                        if (codes[l] != expected)
                        {
                            if (mismatches++ < 20)
                            {
                                first += $"({r},{g},{b0 + l}): {codes[l]} vs {expected}; ";
                            }
                        }
                    }
                }
            }
        }

        Assert.True(mismatches == 0, $"{mismatches} mismatches: {first}");
    }

    [Fact]
    public void Should_CountSameCodesAsScalar_When_ImageHasEveryColourOnce()
    {
        var rgb = new byte[(1 << 24) * 3];
        for (int c = 0; c < 1 << 24; c++)
        {
            rgb[(3 * c) + 0] = (byte)(c >> 16);
            rgb[(3 * c) + 1] = (byte)(c >> 8);
            rgb[(3 * c) + 2] = (byte)c;
        }

        // A prime-sized slice so the vector prefix and the scalar tail both run.
        var slice = rgb.AsSpan(5 * 3, 1_000_003 * 3);
        var counts = new int[16];
        int done = ColorHashVector.CountPrefix(slice, counts);
        var expected = new int[16];
        for (int i = 0; i < done; i++)
        {
            expected[ColorHashBins.Code(slice[3 * i], slice[(3 * i) + 1], slice[(3 * i) + 2])]++;
        }

        Assert.Equal(expected, counts);
        Assert.True(!ColorHashVector.IsSupported || done > 999_900, $"vector prefix covered only {done} pixels");
    }
}
