using System.Globalization;

namespace DataGate.Core.Config;

/// <summary>A bound of a quality rule: absolute, or relative to the dataset (percentile, IQR fence).</summary>
/// <param name="Kind">How <paramref name="Value"/> is read.</param>
/// <param name="Value">The number: metric value, percentile 0–100, or the fence factor k ≥ 0.</param>
public sealed record Threshold(ThresholdKind Kind, double Value)
{
    /// <summary>Describes the bound for reports, e.g. <c>17.4</c>, <c>the 1st percentile</c>, <c>Q1 − 1.5·IQR</c>.</summary>
    public string Describe(bool isMinimum) => Kind switch
    {
        ThresholdKind.Absolute => Value.ToString("G6", CultureInfo.InvariantCulture),
        ThresholdKind.Percentile => $"the dataset's {Ordinal(Value)} percentile",
        _ => isMinimum
            ? $"Q1 − {Value.ToString("G6", CultureInfo.InvariantCulture)}·IQR"
            : $"Q3 + {Value.ToString("G6", CultureInfo.InvariantCulture)}·IQR",
    };

    private static string Ordinal(double value)
    {
        string text = value.ToString("G6", CultureInfo.InvariantCulture);
        if (value != Math.Floor(value))
        {
            return text + "th";
        }

        long n = (long)value;
        string suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return text + suffix;
    }
}
