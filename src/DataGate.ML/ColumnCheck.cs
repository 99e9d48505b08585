using DataGate.Core.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataGate.ML;

/// <summary>Input-column validation shared by the estimators and transformers: DG1036 errors naming column, expected and actual type.</summary>
internal static class ColumnCheck
{
    /// <summary>The item type of a scalar column of a schema shape, or null (with the text of what it is) when absent or not scalar.</summary>
    public static (DataViewType? Type, string Actual) Find(SchemaShape schema, string column)
    {
        var found = schema.Where(c => c.Name == column).ToList();
        if (found.Count == 0)
        {
            return (null, "no such column");
        }

        var c = found[^1];

        return c.Kind == SchemaShape.Column.VectorKind.Scalar ? (c.ItemType, c.ItemType.ToString() ?? string.Empty) : (null, $"{c.Kind} of {c.ItemType}");
    }

    /// <summary>The type of a column of a schema, or null (with the text of what it is) when absent or not scalar.</summary>
    public static (DataViewType? Type, string Actual) Find(DataViewSchema schema, string column)
    {
        var c = column.Length == 0 ? null : schema.GetColumnOrNull(column);
        if (c is null)
        {
            return (null, "no such column");
        }

        return c.Value.Type is VectorDataViewType v ? (null, $"vector of {v.ItemType}") : (c.Value.Type, c.Value.Type.ToString() ?? string.Empty);
    }

    /// <summary>The error for a column that is missing or has the wrong type.</summary>
    public static ArgumentOutOfRangeException Mismatch(string column, string expected, string actual, string paramName = "inputSchema")
        => new(paramName, $"{DiagnosticCodes.MlColumnMismatch.Code}: input column '{column}': expected {expected}, got {actual}");
}
