namespace DataGate.Core.Reports.Html;

/// <summary>
/// One row of report.html's split table. The split assignment (issue 10) is not on <c>GateResult</c> yet; when it
/// arrives, the runner passes its rows here and the section appears. With no rows the section is left out.
/// </summary>
/// <param name="Name">Split name (train, val, test).</param>
/// <param name="Count">Images in the split.</param>
/// <param name="Shares">Share of each category of the stratification field in the split, by category.</param>
internal sealed record SplitRow(string Name, int Count, IReadOnlyDictionary<string, double> Shares);
