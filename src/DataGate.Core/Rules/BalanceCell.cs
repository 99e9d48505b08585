namespace DataGate.Core.Rules;

/// <summary>One category (or cell of crossed fields) of a balance rule.</summary>
/// <param name="Key">Category, or the cell's categories joined by <c> × </c>.</param>
/// <param name="Count">Kept images in it (≥ 0).</param>
/// <param name="Share">Count / labelled kept images, 0–1 (NaN when none is labelled).</param>
/// <param name="ReferenceShare">The reference share for reference rules, else NaN.</param>
/// <param name="Offending">True when this cell breaks the rule (below its bound, or one of the extreme groups of a failing ratio).</param>
public sealed record BalanceCell(string Key, long Count, double Share, double ReferenceShare, bool Offending);
