using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataGate.ML.Tests;

/// <summary>Reads every scalar String, Single, Int32 and Boolean column of a data view into text rows (floats round-trip exact).</summary>
internal static class DataViewTable
{
    public static List<Dictionary<string, string>> Read(IDataView view) => Read(view.Schema, c => view.GetRowCursor(c));

    public static List<Dictionary<string, string>> Read(DataViewSchema schema, Func<IEnumerable<DataViewSchema.Column>, DataViewRowCursor> open)
    {
        var columns = Columns(schema);
        using var cursor = open(columns);
        var rows = new List<Dictionary<string, string>>();
        var getters = columns.Select(c => (c.Name, Get: Getter(cursor, c))).ToList();
        while (cursor.MoveNext())
        {
            rows.Add(getters.ToDictionary(g => g.Name, g => g.Get()));
        }

        return rows;
    }

    /// <summary>The columns <see cref="Read(IDataView)"/> reads.</summary>
    public static List<DataViewSchema.Column> Columns(DataViewSchema schema)
        => schema.Where(c => !c.IsHidden && (c.Type is TextDataViewType or BooleanDataViewType || c.Type.RawType == typeof(float) || c.Type.RawType == typeof(int))).ToList();

    public static Func<string> Getter(DataViewRow row, DataViewSchema.Column column)
    {
        if (column.Type is TextDataViewType)
        {
            var g = row.GetGetter<ReadOnlyMemory<char>>(column);
            return () =>
            {
                ReadOnlyMemory<char> v = default;
                g(ref v);
                return v.ToString();
            };
        }

        if (column.Type is BooleanDataViewType)
        {
            var g = row.GetGetter<bool>(column);
            return () =>
            {
                bool v = false;
                g(ref v);
                return v ? "true" : "false";
            };
        }

        if (column.Type.RawType == typeof(int))
        {
            var n = row.GetGetter<int>(column);
            return () =>
            {
                int v = 0;
                n(ref v);
                return v.ToString(CultureInfo.InvariantCulture);
            };
        }

        var f = row.GetGetter<float>(column);
        return () =>
        {
            float v = 0;
            f(ref v);
            return v.ToString("R", CultureInfo.InvariantCulture);
        };
    }
}
