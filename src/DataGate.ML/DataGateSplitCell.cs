namespace DataGate.ML;

/// <summary>One stratification cell of a <see cref="DataGateSplitResult"/>: how its rows spread over the splits.</summary>
/// <param name="Stratum">The cell: its stratify-by values joined by <c> | </c> (<c>(missing)</c> for a missing one); empty when not stratified.</param>
/// <param name="Rows">Rows of the cell.</param>
/// <param name="Counts">Rows of the cell in each split, indexed like <see cref="DataGateSplitResult.Names"/>.</param>
/// <param name="MaxDeviation">Largest |share of the cell in a split − the split's ratio| (0.01 = 1 point).</param>
/// <param name="Gated">True when the cell has at least the minimum number of rows to be held to the deviation bound.</param>
public sealed record DataGateSplitCell(string Stratum, int Rows, IReadOnlyList<int> Counts, double MaxDeviation, bool Gated);
