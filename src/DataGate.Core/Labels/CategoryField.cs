using DataGate.Core.Analysis;

namespace DataGate.Core.Labels;

/// <summary>
/// A field whose values are categories, usable in tables, balance and parity rules: a declared category field, the
/// <c>{name}_bin</c> of a binned numeric field, or a metric-derived field (<c>skin_tone</c>, <c>luminance_bin</c>).
/// </summary>
internal sealed class CategoryField
{
    private readonly Func<ImageRecord, (string? Value, bool Invalid)> _read;

    internal CategoryField(string name, CategoryFieldKind kind, IReadOnlyList<string> categories, Func<ImageRecord, (string? Value, bool Invalid)> read)
    {
        Name = name;
        Kind = kind;
        Categories = categories;
        _read = read;
    }

    /// <summary>Field name as used in datagate.yml.</summary>
    public string Name { get; }

    /// <summary>Where the field comes from.</summary>
    public CategoryFieldKind Kind { get; }

    /// <summary>
    /// Declared categories in table order (display names, bin labels, skin-tone or quantile labels); empty for a
    /// category field without <c>names</c>, whose categories are the values observed (<see cref="IsOpen"/>).
    /// </summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>True when the categories are not declared but observed.</summary>
    public bool IsOpen => Categories.Count == 0;

    /// <summary>
    /// The category of a record (a display name when the field declares names), or null. A null with
    /// <paramref name="invalid"/> false means the label or metric is missing; with true, it is present but not a declared
    /// category (an undeclared code, or a value outside every bin).
    /// </summary>
    public string? ValueOf(ImageRecord record, out bool invalid)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (value, bad) = _read(record);
        invalid = bad;
        return value;
    }

    /// <summary>The categories to report for these records: the declared ones, or the observed ones sorted ordinally.</summary>
    public IReadOnlyList<string> CategoriesFor(IEnumerable<ImageRecord> records)
    {
        if (!IsOpen)
        {
            return Categories;
        }

        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (ValueOf(r, out _) is { } v)
            {
                seen.Add(v);
            }
        }

        return [.. seen];
    }
}
