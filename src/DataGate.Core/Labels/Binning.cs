using System.Globalization;

namespace DataGate.Core.Labels;

/// <summary>Right-inclusive binning like pandas <c>cut</c>: (e0, e1], …, (eN−1, eN], plus an open (eN, ∞).</summary>
public static class Binning
{
    /// <summary>The label (<c>10-20</c>, <c>90-inf</c>) of the bin holding <paramref name="value"/>, or null when value ≤ e0 or NaN.</summary>
    public static string? Label(IReadOnlyList<double> edges, double value)
    {
        ArgumentNullException.ThrowIfNull(edges);
        if (double.IsNaN(value) || edges.Count == 0 || value <= edges[0])
        {
            return null;
        }

        for (int i = 1; i < edges.Count; i++)
        {
            if (value <= edges[i])
            {
                return $"{Format(edges[i - 1])}-{Format(edges[i])}";
            }
        }

        return $"{Format(edges[^1])}-inf";
    }

    /// <summary>All bin labels in order.</summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var labels = new List<string>();
        for (int i = 1; i < edges.Count; i++)
        {
            labels.Add($"{Format(edges[i - 1])}-{Format(edges[i])}");
        }

        labels.Add($"{Format(edges[^1])}-inf");
        return labels;
    }

    private static string Format(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
