using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Statistics;

namespace DataGate.Core.Labels;

/// <summary>Resolves the category and numeric fields a configuration makes available to tables and rules.</summary>
internal static class CategoryFields
{
    /// <summary>
    /// Every category field, in this order: declared category fields, the <c>_bin</c> field of each binned numeric
    /// field, then <c>skin_tone</c> and <c>luminance_bin</c>.
    /// </summary>
    public static IReadOnlyList<CategoryField> All(GateConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return All(config.Fields, config.Derived);
    }

    /// <summary>Finds a category field by name, or null.</summary>
    public static CategoryField? Find(GateConfig config, string name) => All(config).FirstOrDefault(f => f.Name == name);

    /// <summary>Declared numeric (integer or number) fields.</summary>
    public static IReadOnlyList<FieldDefinition> Numeric(GateConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Fields.Where(f => f.Type != FieldType.Category).ToList();
    }

    /// <summary>A numeric field's value for a record, NaN when missing or not a number.</summary>
    public static double NumericValue(FieldDefinition field, ImageRecord record)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(record);
        return record.Labels.TryGetValue(field.Name, out var raw) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
    }

    internal static List<CategoryField> All(IReadOnlyList<FieldDefinition> fields, DerivedSettings derived)
    {
        var result = new List<CategoryField>();
        foreach (var f in fields.Where(f => f.Type == FieldType.Category))
        {
            var names = f.Names;
            result.Add(new CategoryField(f.Name, CategoryFieldKind.Declared, names.Values.Distinct(StringComparer.Ordinal).ToList(), r =>
            {
                if (!r.Labels.TryGetValue(f.Name, out var raw))
                {
                    return (null, false);
                }

                if (names.Count == 0)
                {
                    return (raw, false);
                }

                return names.TryGetValue(raw, out var display) ? (display, false) : (null, true);
            }));
        }

        foreach (var f in fields.Where(f => f.Bins is not null))
        {
            var binName = f.BinFieldName!;
            var binning = Binning.WithOpenLastBin(f.Bins!);
            result.Add(new CategoryField(binName, CategoryFieldKind.Bin, binning.Labels, r =>
                r.Labels.TryGetValue(binName, out var bin) ? (bin, false) : (null, r.Labels.ContainsKey(f.Name))));
        }

        result.Add(new CategoryField(DerivedFields.SkinTone, CategoryFieldKind.Derived, DerivedFields.SkinToneCategories, r =>
            r.Texts.TryGetValue(DerivedFields.SkinTone, out var tone) ? (tone, false) : (null, false)));
        result.Add(new CategoryField(DerivedFields.LuminanceBin, CategoryFieldKind.Derived, DerivedFields.LuminanceLabels(derived.LuminanceBins), r =>
            r.Texts.TryGetValue(DerivedFields.LuminanceBin, out var bin) ? (bin, false) : (null, false)));
        return result;
    }
}
