using System.Globalization;

namespace DataGate.Core.Reports;

/// <summary>RFC 4180 field formatting shared by the CSV writers.</summary>
internal static class Csv
{
    public static string Field(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>Shortest round-trip text of a double; empty for NaN; <c>inf</c>/<c>-inf</c> like Python.</summary>
    public static string Number(double value) => value switch
    {
        double.NaN => string.Empty,
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
