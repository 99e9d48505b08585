namespace DataGate.Core.Duplicates;

/// <summary>Result of grouping duplicates.</summary>
/// <param name="GroupIds">Per item: its group id (0-based, ordered by the group's smallest member), or −1.</param>
/// <param name="Groups">Members of each group, ascending; every group has ≥ 2 members.</param>
internal sealed record DuplicateGroups(IReadOnlyList<int> GroupIds, IReadOnlyList<IReadOnlyList<int>> Groups);
