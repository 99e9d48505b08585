using DataGate.Core.Diagnostics;

namespace DataGate.Core.Sharding;

/// <summary>One input of a plan: its key (dataset-relative path) and, for a file the scan refused, the reason.</summary>
internal sealed record ShardPlanEntry(string Key, Diagnostic? Refused);
