namespace DataGate.Core.Analysis;

/// <summary>A numeric per-image metric: its CSV/rule name, unit, meaning and family.</summary>
/// <param name="Name">Column and rule name (snake_case); part of the public CSV contract.</param>
/// <param name="Description">One sentence for documentation and reports.</param>
/// <param name="Index">Position in <see cref="ImageRecord.Values"/>.</param>
/// <param name="IsFlag">True for a yes/no metric: 1 or 0 in rules, <c>true</c>/<c>false</c> in metrics.csv.</param>
/// <param name="Family">
/// The family it is computed with (see <see cref="MetricFamilies"/>); a <see cref="MetricSelection"/> names families
/// or single metrics.
/// </param>
/// <param name="IsOptIn">True for a metric outside the <c>default</c> selection: computed only when its family or name is selected.</param>
public sealed record MetricDefinition(string Name, string Description, int Index, bool IsFlag = false, string Family = MetricFamilies.Header, bool IsOptIn = false);
