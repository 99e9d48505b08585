using DataGate.Core.Statistics;

namespace DataGate.Core.Reports;

/// <summary>A contingency table of two category fields (rows × columns) over the kept images.</summary>
/// <param name="Rows">Row field name.</param>
/// <param name="Columns">Column field name.</param>
/// <param name="Table">Counts; images without a usable value on either side are in <see cref="CrossTab.Missing"/>.</param>
public sealed record NamedCrossTab(string Rows, string Columns, CrossTab Table);
