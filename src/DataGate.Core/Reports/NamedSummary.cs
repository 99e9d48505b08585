using DataGate.Core.Statistics;

namespace DataGate.Core.Reports;

/// <summary>A numeric variable (label field or image metric) summarised by the groups of a category field.</summary>
/// <param name="Variable">Numeric field or metric name.</param>
/// <param name="By">Category field name.</param>
/// <param name="Table">The EDA table (Count, Prop., Mean … Kurtosis per group and All).</param>
public sealed record NamedSummary(string Variable, string By, GroupedSummary Table);
