namespace DataGate.Core.Statistics;

/// <summary>One row of a report table: a statistic name and one value per column.</summary>
/// <param name="Statistic">Row label, e.g. <c>Mean</c> or a category.</param>
/// <param name="Values">One value per column, in the table's column order.</param>
public sealed record StatisticRow(string Statistic, IReadOnlyList<double> Values);
