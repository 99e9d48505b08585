namespace DataGate.Core.Sharding;

/// <summary>One column of the shard schema.</summary>
/// <param name="Name">Column name (metrics.csv's name where the column is one of metrics.csv's).</param>
/// <param name="Kind">Physical form.</param>
/// <param name="HexDigits">For <see cref="ShardColumnKind.Hash64"/>: the digits of the hex form in metrics.csv.</param>
internal sealed record ShardColumn(string Name, ShardColumnKind Kind, int HexDigits = 0);
