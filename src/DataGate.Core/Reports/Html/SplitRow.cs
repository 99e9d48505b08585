namespace DataGate.Core.Reports.Html;

/// <summary>
/// One row of report.html's split table, built from <c>GateResult.Splits</c> (<see cref="HtmlReportWriter.SplitRows"/>).
/// Without <c>splits:</c> there are no rows and the section is left out.
/// </summary>
/// <param name="Name">Split name (train, val, test).</param>
/// <param name="Count">Images in the split.</param>
/// <param name="Shares">Share of the split's images from each stratification cell, by cell.</param>
internal sealed record SplitRow(string Name, int Count, IReadOnlyDictionary<string, double> Shares);
