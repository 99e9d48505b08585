namespace DataGate.Core.Analysis;

/// <summary>A numeric per-image metric: its CSV/rule name, unit and meaning.</summary>
/// <param name="Name">Column and rule name (snake_case); part of the public CSV contract.</param>
/// <param name="Description">One sentence for documentation and reports.</param>
/// <param name="Index">Position in <see cref="ImageRecord.Values"/>.</param>
public sealed record MetricDefinition(string Name, string Description, int Index);
