namespace DataGate.Core.Splits;

/// <summary>
/// One row to split, independent of any dataset folder: the input of <see cref="SplitPlanner.Plan"/>.
/// </summary>
/// <param name="Key">Stable identity of the row (a dataset-relative path); the lock file remembers rows by it. Unique.</param>
/// <param name="Stratum">The row's stratification cell (e.g. <c>20-30|female|asian</c>); empty when not stratified.</param>
/// <param name="GroupKeys">
/// Keys that tie rows together: rows sharing any key are one unit and land in one split and one fold (e.g.
/// <c>duplicate_group=dup-3</c>, <c>subject=17</c>). Empty for a row on its own.
/// </param>
/// <param name="HashKey">
/// What places the row's unit in the seeded hash: a key that stays the same as data grows (e.g. <c>subject=17</c>);
/// null means <paramref name="Key"/>. A unit is placed by the smallest hash of its members' hash keys.
/// </param>
public sealed record SplitRow(string Key, string Stratum, IReadOnlyList<string> GroupKeys, string? HashKey = null);
