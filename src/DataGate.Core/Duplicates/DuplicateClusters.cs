namespace DataGate.Core.Duplicates;

/// <summary>
/// Turns duplicate pairs or equal digests into groups. Groups are numbered 0, 1, 2, … in the order of their
/// smallest member index, so ids are stable for the same input; items in no group get −1.
/// </summary>
internal static class DuplicateClusters
{
    /// <summary>Connected components (union-find) of the pair graph; only components of ≥ 2 items are groups.</summary>
    /// <param name="count">Number of items, ≥ 0; pair indices must be below it.</param>
    /// <param name="pairs">Pairs of item indices (e.g. from <see cref="NearDuplicateIndex.FindPairs"/>).</param>
    public static DuplicateGroups FromPairs(int count, IEnumerable<NearDuplicatePair> pairs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(pairs);
        var parent = new int[count];
        for (int i = 0; i < count; i++)
        {
            parent[i] = i;
        }

        foreach (var p in pairs)
        {
            if ((uint)p.First >= (uint)count || (uint)p.Second >= (uint)count)
            {
                throw new ArgumentOutOfRangeException(nameof(pairs), $"Pair ({p.First}, {p.Second}) outside 0..{count - 1}.");
            }

            int a = Find(parent, p.First);
            int b = Find(parent, p.Second);
            if (a != b)
            {
                // Keep the smaller index as root so the root is the component's smallest member.
                if (a < b)
                {
                    parent[b] = a;
                }
                else
                {
                    parent[a] = b;
                }
            }
        }

        var root = new int[count];
        for (int i = 0; i < count; i++)
        {
            root[i] = Find(parent, i);
        }

        return Number(root);
    }

    /// <summary>Groups items with equal keys (ordinal comparison), e.g. <c>file_hash</c> or <c>pixel_hash</c>.</summary>
    /// <param name="keys">One key per item; null or empty keys (e.g. undecodable files) are never grouped.</param>
    public static DuplicateGroups FromKeys(IReadOnlyList<string?> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var root = new int[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            var k = keys[i];
            if (string.IsNullOrEmpty(k))
            {
                root[i] = i;
                continue;
            }

            if (!first.TryGetValue(k, out int r))
            {
                r = i;
                first.Add(k, i);
            }

            root[i] = r;
        }

        return Number(root);
    }

    // root[i] = smallest member of i's component (root[i] == i for that member).
    private static DuplicateGroups Number(int[] root)
    {
        int n = root.Length;
        var size = new int[n];
        for (int i = 0; i < n; i++)
        {
            size[root[i]]++;
        }

        var groupOfRoot = new int[n];
        int groups = 0;
        for (int i = 0; i < n; i++)
        {
            groupOfRoot[i] = root[i] == i && size[i] >= 2 ? groups++ : -1;
        }

        var ids = new int[n];
        var members = new List<int>[groups];
        for (int g = 0; g < groups; g++)
        {
            members[g] = [];
        }

        for (int i = 0; i < n; i++)
        {
            int g = groupOfRoot[root[i]];
            ids[i] = g;
            if (g >= 0)
            {
                members[g].Add(i);
            }
        }

        return new DuplicateGroups(ids, members.Select(m => (IReadOnlyList<int>)m.ToArray()).ToArray());
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }
}
