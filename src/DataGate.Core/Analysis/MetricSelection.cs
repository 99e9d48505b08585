namespace DataGate.Core.Analysis;

/// <summary>
/// Which metrics a measurement computes: a set of names, each a family (<see cref="MetricFamilies"/>: <c>default</c>,
/// <c>all</c>, <c>quality</c>, <c>hashes</c>, ...), a metric name (<c>laplacian_variance</c>) or a text column name
/// (<c>phash</c>). A metric is selected when its name, its family, <c>all</c>, or (unless it is opt-in)
/// <c>default</c> is named. Metrics are computed a family at a time, so a selection may compute more than it names;
/// the result holds only what was selected (the rest is NaN or absent). A cleanvision issue flag (<c>is_blurry</c>)
/// selects its score (<c>blurry_score</c>) too. Immutable.
/// </summary>
public sealed class MetricSelection
{
    // A cleanvision issue flag brings its score along: the flag is set from the score under the rule file's thresholds
    // (DatasetMetrics.Apply), so a rule on is_blurry needs blurry_score measured.
    private static readonly Dictionary<string, string> s_flagOfScore = new(StringComparer.Ordinal)
    {
        [MetricCatalog.DarkScore.Name] = MetricCatalog.IsDark.Name,
        [MetricCatalog.LightScore.Name] = MetricCatalog.IsLight.Name,
        [MetricCatalog.BlurryScore.Name] = MetricCatalog.IsBlurry.Name,
        [MetricCatalog.LowInformationScore.Name] = MetricCatalog.IsLowInformation.Name,
        [MetricCatalog.OddAspectRatioScore.Name] = MetricCatalog.IsOddAspectRatio.Name,
    };

    private readonly HashSet<string> _names;

    private MetricSelection(IEnumerable<string> names) => _names = new HashSet<string>(names, StringComparer.Ordinal);

    /// <summary>Every metric that is not opt-in: what <c>datagate check</c> computes.</summary>
    public static MetricSelection Default { get; } = new([MetricFamilies.Default]);

    /// <summary>Every metric, opt-in families included.</summary>
    public static MetricSelection All { get; } = new([MetricFamilies.All]);

    /// <summary>The names selected, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _names.Order(StringComparer.Ordinal)];

    /// <summary>Creates a selection from family, metric and column names.</summary>
    /// <param name="names">Names; each must be a family, a metric of <see cref="MetricCatalog"/> or a column of <see cref="TextColumns"/>.</param>
    /// <exception cref="ArgumentException">A name is unknown (the message lists it).</exception>
    public static MetricSelection Of(params IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = names.ToList();
        var unknown = list.Where(n => !IsKnown(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown metric, column or family name(s): {string.Join(", ", unknown)}", nameof(names));
        }

        return new MetricSelection(list);
    }

    /// <summary>True when <paramref name="name"/> is a family, a metric or a text column name.</summary>
    public static bool IsKnown(string name)
        => name is MetricFamilies.Default or MetricFamilies.All
            || MetricCatalog.Find(name) is not null
            || TextColumns.FamilyOf(name) is not null
            || MetricCatalog.All.Any(m => string.Equals(m.Family, name, StringComparison.Ordinal))
            || TextColumns.All.Any(c => string.Equals(TextColumns.FamilyOf(c), name, StringComparison.Ordinal));

    /// <summary>A selection holding the names of both.</summary>
    public MetricSelection Union(MetricSelection other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new MetricSelection(_names.Concat(other._names));
    }

    /// <summary>True when the metric is selected.</summary>
    public bool Includes(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return _names.Contains(MetricFamilies.All) || _names.Contains(metric.Name) || _names.Contains(metric.Family)
            || (!metric.IsOptIn && _names.Contains(MetricFamilies.Default))
            || (s_flagOfScore.TryGetValue(metric.Name, out var flag) && _names.Contains(flag));
    }

    /// <summary>True when the text column (<see cref="TextColumns"/>) is selected.</summary>
    public bool IncludesColumn(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return _names.Contains(MetricFamilies.All) || _names.Contains(MetricFamilies.Default) || _names.Contains(column)
            || (TextColumns.FamilyOf(column) is { } family && _names.Contains(family));
    }

    /// <summary>True when any metric or column of the family is selected.</summary>
    public bool IncludesFamily(string family)
        => MetricCatalog.All.Any(m => m.Family == family && Includes(m)) || TextColumns.All.Any(c => TextColumns.FamilyOf(c) == family && IncludesColumn(c));

    /// <summary>True when every metric and column is selected (nothing to blank out).</summary>
    internal bool IsEverything => MetricCatalog.All.All(Includes) && TextColumns.All.All(IncludesColumn);

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Names);
}
