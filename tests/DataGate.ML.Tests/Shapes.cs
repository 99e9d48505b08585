using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataGate.ML.Tests;

/// <summary>The schema shape of a data view (ML.NET's SchemaShape.Create is internal; its own tests use it the same way).</summary>
internal static class Shapes
{
    public static SchemaShape Of(DataViewSchema schema)
        => (SchemaShape)typeof(SchemaShape).GetMethod("Create", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static, [typeof(DataViewSchema)])!.Invoke(null, [schema])!;
}
