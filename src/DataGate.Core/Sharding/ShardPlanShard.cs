namespace DataGate.Core.Sharding;

/// <summary>One shard of a plan: its input list file (relative to the plan folder), row count and the list's SHA-256.</summary>
internal sealed record ShardPlanShard(int Index, string File, int Rows, string Sha256);
