using System.Globalization;
using System.Net;

namespace DataGate.Core.Reports.Html;

/// <summary>HTML text helpers for report.html.</summary>
internal static class Markup
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string N(double value) =>
        double.IsNaN(value) ? "–" : double.IsInfinity(value) ? (value > 0 ? "∞" : "−∞") : value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>An id safe in an HTML id attribute and a URL fragment.</summary>
    public static string Anchor(string prefix, string id) =>
        prefix + "-" + string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
}
