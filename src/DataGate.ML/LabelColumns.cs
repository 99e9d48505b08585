using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataGate.ML;

/// <summary>Reads scalar label-like columns (text, numbers, Boolean) as invariant text: Gate's label fields, StratifiedSplit's columns.</summary>
internal static class LabelColumns
{
    /// <summary>The types a label column may have.</summary>
    public const string Expected = "a scalar String, number or Boolean";

    public static bool IsLabelType(DataViewType type)
        => type is TextDataViewType or BooleanDataViewType
            || type.RawType == typeof(float) || type.RawType == typeof(double) || type.RawType == typeof(int) || type.RawType == typeof(long)
            || type.RawType == typeof(uint) || type.RawType == typeof(short) || type.RawType == typeof(byte);

    /// <summary>A getter of a label column's value as text (invariant culture); null for a missing value (empty text, NaN).</summary>
    public static Func<string?> Getter(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var raw = column.Type.RawType;
        if (raw == typeof(ReadOnlyMemory<char>))
        {
            var g = cursor.GetGetter<ReadOnlyMemory<char>>(column);
            return () =>
            {
                ReadOnlyMemory<char> v = default;
                g(ref v);
                var text = v.Span.Trim();
                return text.IsEmpty ? null : text.ToString();
            };
        }

        if (raw == typeof(bool))
        {
            var g = cursor.GetGetter<bool>(column);
            return () =>
            {
                bool v = false;
                g(ref v);
                return v ? "1" : "0";
            };
        }

        if (raw == typeof(float))
        {
            var g = cursor.GetGetter<float>(column);
            return () =>
            {
                float v = 0;
                g(ref v);
                return float.IsNaN(v) ? null : Number(v);
            };
        }

        if (raw == typeof(double))
        {
            var g = cursor.GetGetter<double>(column);
            return () =>
            {
                double v = 0;
                g(ref v);
                return double.IsNaN(v) ? null : Number(v);
            };
        }

        var convert = typeof(LabelColumns).GetMethod(nameof(IntegerGetter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(raw);
        return (Func<string?>)convert.Invoke(null, [cursor, column])!;
    }

    private static Func<string?> IntegerGetter<T>(DataViewRowCursor cursor, DataViewSchema.Column column)
        where T : struct, IFormattable
    {
        var g = cursor.GetGetter<T>(column);
        return () =>
        {
            T v = default;
            g(ref v);
            return v.ToString(null, CultureInfo.InvariantCulture);
        };
    }

    // Whole numbers as integers ("30", not "30.0"), so integer fields accept them; others round-trip.
    private static string Number(double v) => v == Math.Floor(v) && Math.Abs(v) < 1e15 ? ((long)v).ToString(CultureInfo.InvariantCulture) : v.ToString("R", CultureInfo.InvariantCulture);
}
