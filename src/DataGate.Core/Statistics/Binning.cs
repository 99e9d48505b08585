using System.Globalization;

namespace DataGate.Core.Statistics;

/// <summary>
/// Right-inclusive binning like pandas <c>cut(x, edges, right=True)</c>: bin i holds values v with
/// edges[i] &lt; v ≤ edges[i+1]. Values ≤ the first edge, above the last edge, or NaN fall in no bin (pandas gives NaN).
/// Labels are <c>"lo-hi"</c> with edges in shortest round-trip invariant form and <c>inf</c> for +∞.
/// </summary>
internal sealed class Binning
{
    private readonly double[] _edges;
    private readonly string[] _labels;

    /// <summary>Creates bins between consecutive <paramref name="edges"/>.</summary>
    /// <param name="edges">At least two strictly increasing edges, no NaN (the last may be +∞).</param>
    /// <exception cref="ArgumentException">When the edges are fewer than two, not strictly increasing, or NaN.</exception>
    public Binning(IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        if (edges.Count < 2)
        {
            throw new ArgumentException("At least two edges are needed.", nameof(edges));
        }

        _edges = new double[edges.Count];
        for (int i = 0; i < edges.Count; i++)
        {
            _edges[i] = edges[i];
            if (double.IsNaN(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1])))
            {
                throw new ArgumentException("Edges must be strictly increasing and not NaN.", nameof(edges));
            }
        }

        _labels = new string[_edges.Length - 1];
        for (int i = 0; i < _labels.Length; i++)
        {
            _labels[i] = FormatEdge(_edges[i]) + "-" + FormatEdge(_edges[i + 1]);
        }
    }

    /// <summary>The UTKFace EDA age bins: (0,10], (10,20], …, (80,90], (90,∞) labelled 0-10 … 90-inf.</summary>
    public static Binning AgeDecades { get; } = WithOpenLastBin([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);

    /// <summary>The edges, ascending.</summary>
    public IReadOnlyList<double> Edges => _edges;

    /// <summary>Bin labels in bin order (one fewer than the edges).</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Bins between <paramref name="edges"/> plus a last bin (last edge, +∞).</summary>
    /// <param name="edges">Strictly increasing finite edges, at least one.</param>
    /// <returns>The binning.</returns>
    public static Binning WithOpenLastBin(IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var all = new double[edges.Count + 1];
        for (int i = 0; i < edges.Count; i++)
        {
            all[i] = edges[i];
        }

        all[^1] = double.PositiveInfinity;
        return new Binning(all);
    }

    /// <summary>Index of the bin holding <paramref name="value"/>, or -1 when it falls in none (≤ first edge, above the last, NaN).</summary>
    public int IndexOf(double value)
    {
        if (!(value > _edges[0]) || value > _edges[^1])
        {
            return -1;
        }

        // Smallest i with value <= edges[i]; the bin is i - 1.
        int lo = 1;
        int hi = _edges.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (value <= _edges[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo - 1;
    }

    /// <summary>Label of the bin holding <paramref name="value"/>, or null when it falls in none.</summary>
    public string? LabelOf(double value)
    {
        int i = IndexOf(value);
        return i < 0 ? null : _labels[i];
    }

    /// <summary>Labels for every value (null where a value falls in no bin), e.g. as a cross-tab row key.</summary>
    public string?[] Assign(ReadOnlySpan<double> values)
    {
        var result = new string?[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = LabelOf(values[i]);
        }

        return result;
    }

    private static string FormatEdge(double edge) => edge switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => edge.ToString("R", CultureInfo.InvariantCulture),
    };
}
