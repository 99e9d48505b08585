using DataGate.Core.Analysis;
using DataGate.Core.Config;

namespace DataGate.Core.Duplicates;

/// <summary>Applies a <see cref="KeepPolicy"/> to the members of a duplicate group.</summary>
internal static class KeepChooser
{
    /// <summary>The member to keep; deterministic (ties broken by ordinal path).</summary>
    public static ImageRecord Choose(IReadOnlyList<ImageRecord> members, KeepPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfZero(members.Count);
        var best = members[0];
        for (int i = 1; i < members.Count; i++)
        {
            if (Better(members[i], best, policy))
            {
                best = members[i];
            }
        }

        return best;
    }

    private static bool Better(ImageRecord a, ImageRecord b, KeepPolicy policy)
    {
        int c = policy switch
        {
            KeepPolicy.BestQuality => Compare(Brisque(b), Brisque(a)) is var q && q != 0 ? q : Size(a, b),
            KeepPolicy.Largest => Size(a, b),
            _ => 0,
        };
        return c > 0 || (c == 0 && string.CompareOrdinal(a.Path, b.Path) < 0);
    }

    // Lower BRISQUE is better; NaN is worst.
    private static double Brisque(ImageRecord r) => r[MetricCatalog.Brisque] is var v && double.IsNaN(v) ? double.PositiveInfinity : v;

    private static int Size(ImageRecord a, ImageRecord b)
    {
        int c = Compare(a[MetricCatalog.Width] * a[MetricCatalog.Height], b[MetricCatalog.Width] * b[MetricCatalog.Height]);
        return c != 0 ? c : Compare(a[MetricCatalog.FileSize], b[MetricCatalog.FileSize]);
    }

    private static int Compare(double x, double y) => x.CompareTo(y);
}
