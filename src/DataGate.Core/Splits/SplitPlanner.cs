using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;

namespace DataGate.Core.Splits;

/// <summary>
/// Stratified, group-preserving, stable split assignment over plain rows (no dataset folder needed): what
/// <c>splits:</c> does to the kept images, usable by any host. Single-threaded and deterministic: the same rows, settings,
/// seed and lock give the same plan on any machine and thread count. docs/splits.md describes the algorithm:
/// <list type="number">
/// <item>Units: rows sharing a group key (duplicate group, <c>group_by</c> value) are one unit (union-find).</item>
/// <item>Stratum of a unit: the cell most of its rows are in; a tie goes to the ordinally smallest cell.</item>
/// <item>Pooling: a cell with fewer units than 1/(smallest ratio) is balanced in one pooled remainder stratum.</item>
/// <item>Placement: each unit has u = hash(seed, the hash key covering most of its rows) in [0, 1); split k owns a
/// fixed interval of u, a unique largest split in the middle (80/10/10: val | train | test). In each stratum the units
/// are ordered by u and the K−1 cut points start where the intervals put them; a cut moves only as far as needed to
/// keep every split's image count within the balance tolerance of its target, so the units that move are those
/// nearest the interval boundaries, and data that grows moves few old units.</item>
/// <item>Repair: cells with at least <c>min_cell_images</c> images are balanced on their actual rows (members other
/// cells' units carry in included) by single-unit moves or swaps near the interval boundaries.</item>
/// <item>Lock: locked rows keep their split; only free units are cut, towards the counts that restore the ratios.</item>
/// <item>Folds: the same placement, with another hash, over the units of the fold split.</item>
/// </list>
/// </summary>
public static class SplitPlanner
{
    /// <summary>Salt XORed into the seed for the fold hash, so folds are independent of splits.</summary>
    private const ulong FoldSalt = 0x9E3779B97F4A7C15UL;

    /// <summary>
    /// The balance tolerance as a share of <see cref="SplitSettings.MaxCellDeviation"/>: each cell is balanced to within
    /// half the gate (1 point by default), not exactly, so that appended data moves fewer old units (docs/splits.md).
    /// </summary>
    internal const double DefaultToleranceShare = 0.5;

    /// <summary>Units of each side a repair swap considers, nearest the other side's hash interval first.</summary>
    private const int SwapCandidates = 48;

    /// <summary>Plans the splits of rows.</summary>
    /// <param name="rows">Rows in a deterministic order (e.g. ordinal path order); keys unique.</param>
    /// <param name="settings">Ratios, seed, folds and the deviation gate (<c>StratifyBy</c>/<c>GroupBy</c> are the host's business: they are already in the rows).</param>
    /// <param name="splitLock">The remembered assignment, or null for none.</param>
    /// <returns>The plan, row-indexed like <paramref name="rows"/>.</returns>
    public static SplitPlan Plan(IReadOnlyList<SplitRow> rows, SplitSettings settings, SplitLock? splitLock = null)
        => PlanWithTolerance(rows, settings, splitLock, (settings ?? throw new ArgumentNullException(nameof(settings))).MaxCellDeviation * DefaultToleranceShare);

    internal static SplitPlan PlanWithTolerance(IReadOnlyList<SplitRow> rows, SplitSettings settings, SplitLock? splitLock, double tolerance, Action<string>? phase = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(settings);
        splitLock ??= SplitLock.Empty;
        int n = rows.Count;
        var names = settings.Ratios.Select(r => r.Name).ToArray();
        var ratios = settings.Ratios.Select(r => r.Ratio).ToArray();
        int k = names.Length;
        var findings = new List<Finding>();

        // 1. Units by union-find over the group keys (one dictionary probe per key; no per-row allocation).
        var parent = new int[n];
        for (int i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        var firstOfKey = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var keys = rows[i].GroupKeys;
            for (int g = 0; g < keys.Count; g++)
            {
                ref int first = ref CollectionsMarshal.GetValueRefOrAddDefault(firstOfKey, keys[g], out bool exists);
                if (exists)
                {
                    Union(parent, i, first);
                }
                else
                {
                    first = i;
                }
            }
        }

        var unitOf = new int[n];
        var unitOfRoot = new int[n];
        Array.Fill(unitOfRoot, -1);
        int units = 0;
        for (int i = 0; i < n; i++)
        {
            int root = Find(parent, i);
            if (unitOfRoot[root] < 0)
            {
                unitOfRoot[root] = units++;
            }

            unitOf[i] = unitOfRoot[root];
        }

        // The rows of each unit, ascending (counting sort by unit): unitRows[unitStart[u]..unitStart[u + 1]].
        var unitStart = new int[units + 1];
        for (int i = 0; i < n; i++)
        {
            unitStart[unitOf[i] + 1]++;
        }

        for (int u = 0; u < units; u++)
        {
            unitStart[u + 1] += unitStart[u];
        }

        var unitRows = parent; // reused: the union-find is done
        var fill = unitOfRoot;
        Array.Copy(unitStart, fill, units);
        for (int i = 0; i < n; i++)
        {
            unitRows[fill[unitOf[i]]++] = i;
        }

        var unitSize = new int[units];
        for (int u = 0; u < units; u++)
        {
            unitSize[u] = unitStart[u + 1] - unitStart[u];
        }

        // A unit is placed by the hash key that covers most of its rows (ties: the smallest hash), so a new image
        // joining a group does not re-place it; a unit's fold hash uses the same key.
        long seed = settings.Seed;
        var unitHash = new ulong[units];
        var unitKey = new string[units];
        for (int u = 0; u < units; u++)
        {
            (unitKey[u], unitHash[u]) = PlacingKey(rows, unitRows, unitStart[u], unitStart[u + 1], seed);
        }

        phase?.Invoke("units");

        // 2. Strata (numbered in ordinal order) and each unit's majority stratum.
        var provisional = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowStratum = new int[n];
        string? lastStratum = null;
        int lastId = -1;
        for (int i = 0; i < n; i++)
        {
            var st = rows[i].Stratum;
            if (!ReferenceEquals(st, lastStratum))
            {
                ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(provisional, st, out bool exists);
                if (!exists)
                {
                    id = provisional.Count - 1;
                }

                lastStratum = st;
                lastId = id;
            }

            rowStratum[i] = lastId;
        }

        var strataNames = provisional.Keys.Order(StringComparer.Ordinal).ToArray();
        var remap = new int[strataNames.Length];
        for (int s = 0; s < strataNames.Length; s++)
        {
            remap[provisional[strataNames[s]]] = s;
        }

        for (int i = 0; i < n; i++)
        {
            rowStratum[i] = remap[rowStratum[i]];
        }

        var unitStratum = MajorityStrata(unitRows, unitStart, rowStratum, units);
        phase?.Invoke("strata");

        // 3. The lock: a unit is pinned to the split of its locked rows (the majority when they disagree, which is a finding).
        var rowLocked = new int[n];
        var rowLockedFold = new int[n];
        Array.Fill(rowLocked, -1);
        Array.Fill(rowLockedFold, -1);
        var unitPinned = new int[units];
        Array.Fill(unitPinned, -1);
        int lockedRows = 0;
        int foldSplit = settings.Folds > 0 ? Array.IndexOf(names, settings.FoldSplit) : -1;
        var stale = new List<string>();
        if (splitLock.Entries.Count > 0)
        {
            for (int i = 0; i < n; i++)
            {
                if (!splitLock.Entries.TryGetValue(rows[i].Key, out var e))
                {
                    continue;
                }

                int s = Array.IndexOf(names, e.Split);
                if (s < 0)
                {
                    stale.Add(rows[i].Key);
                    continue;
                }

                rowLocked[i] = s;
                rowLockedFold[i] = s == foldSplit && e.Fold >= 0 && e.Fold < settings.Folds ? e.Fold : -1;
                lockedRows++;
            }

            PinUnits(rows, names, unitOf, units, rowLocked, unitPinned, findings, "split");
        }

        if (stale.Count > 0)
        {
            findings.Add(new Finding
            {
                Diagnostic = DiagnosticCodes.StaleSplitLock.Create($"the split lock names splits that splits.ratios no longer has for {stale.Count} image(s); they were assigned afresh", settings.Location),
                Images = stale.Take(1000).Select(p => new ImageValue(p, double.NaN, "split " + splitLock.Entries[p].Split)).ToList(),
            });
        }

        // 4. Place the units.
        phase?.Invoke("lock");
        var unitSplit = AssignWithForeignRows(
            new Placement
            {
                UnitOf = unitOf, UnitRows = unitRows, UnitStart = unitStart, RowStratum = rowStratum, RowFixed = rowLocked,
                UnitSize = unitSize, UnitHash = unitHash, UnitStratum = unitStratum, UnitPinned = unitPinned, Strata = strataNames.Length,
                Ratios = ratios, Tolerance = tolerance, Subset = Enumerable.Range(0, units).ToArray(), RepairFromImages = Math.Max(1, settings.MinCellImages),
            },
            out var pooled);
        phase?.Invoke("assign");

        var splitOf = new int[n];
        for (int i = 0; i < n; i++)
        {
            splitOf[i] = rowLocked[i] >= 0 ? rowLocked[i] : unitSplit[unitOf[i]];
        }

        // 5. Folds over the units of the fold split.
        var foldOf = new int[n];
        Array.Fill(foldOf, -1);
        if (foldSplit >= 0)
        {
            var foldUnits = Enumerable.Range(0, units).Where(u => unitSplit[u] == foldSplit).ToArray();
            var unitFoldPinned = new int[units];
            Array.Fill(unitFoldPinned, -1);
            var rowsInFoldSplit = new int[n];
            for (int i = 0; i < n; i++)
            {
                rowsInFoldSplit[i] = splitOf[i] == foldSplit ? rowLockedFold[i] : -1;
            }

            PinUnits(rows, Enumerable.Range(0, settings.Folds).Select(f => "fold " + f).ToArray(), unitOf, units, rowsInFoldSplit, unitFoldPinned, findings, "fold");
            var foldRatios = Enumerable.Repeat(1.0 / settings.Folds, settings.Folds).ToArray();
            var unitFoldHash = new ulong[units];
            long foldSeed = (long)((ulong)seed ^ FoldSalt);
            foreach (var u in foldUnits)
            {
                unitFoldHash[u] = Hash(unitKey[u], foldSeed);
            }

            var unitFold = AssignWithForeignRows(
                new Placement
                {
                    UnitOf = unitOf, UnitRows = unitRows, UnitStart = unitStart, RowStratum = rowStratum, RowFixed = rowsInFoldSplit,
                    UnitSize = unitSize, UnitHash = unitFoldHash, UnitStratum = unitStratum, UnitPinned = unitFoldPinned, Strata = strataNames.Length,
                    Ratios = foldRatios, Tolerance = tolerance, Subset = foldUnits, RepairFromImages = int.MaxValue,
                },
                out _);
            for (int i = 0; i < n; i++)
            {
                if (splitOf[i] == foldSplit)
                {
                    foldOf[i] = rowsInFoldSplit[i] >= 0 ? rowsInFoldSplit[i] : unitFold[unitOf[i]] >= 0 ? unitFold[unitOf[i]] : 0;
                }
            }
        }

        phase?.Invoke("folds");

        // 6. The cell table and the gate.
        var cells = CellTable(strataNames, rowStratum, unitStratum, splitOf, pooled, ratios, settings.MinCellImages);
        var gated = cells.Where(c => c.Gated).ToList();
        double maxDev = gated.Count == 0 ? 0 : gated.Max(c => c.MaxDeviation);
        var severity = settings.Action == RuleAction.Warn ? Severity.Warning : Severity.Error;
        var over = gated.Where(c => c.MaxDeviation > settings.MaxCellDeviation + 1e-12).ToList();
        if (over.Count > 0)
        {
            findings.Add(new Finding
            {
                Diagnostic = DiagnosticCodes.SplitDeviation.Create(severity, $"{over.Count} cell(s) with at least {settings.MinCellImages} images deviate from the split ratios by more than {settings.MaxCellDeviation * 100:0.##} points (largest {maxDev * 100:0.##} points, cell '{over.MaxBy(c => c.MaxDeviation)!.Stratum}'); groups too large for their cell or a lock holding an old balance cause this", settings.Location),
                Observed = maxDev,
                Threshold = $"≤ {settings.MaxCellDeviation:0.####}",
                Images = over.OrderByDescending(c => c.MaxDeviation).Select(c => new ImageValue(c.Stratum, c.MaxDeviation, $"{c.Images} images: {string.Join(", ", names.Select((nm, s) => $"{nm} {c.Counts[s]}"))}")).ToList(),
            });
        }

        var counts = new int[k];
        foreach (var s in splitOf)
        {
            counts[s]++;
        }

        if (n > 0 && counts.Any(c => c == 0))
        {
            findings.Add(new Finding
            {
                Diagnostic = DiagnosticCodes.TooFewForSplits.Create(severity, $"{n} kept image(s) in {units} group(s) cannot fill {k} splits: {string.Join(", ", names.Where((_, s) => counts[s] == 0))} stay empty", settings.Location),
                Observed = units,
            });
        }
        else if (n == 0)
        {
            findings.Add(new Finding { Diagnostic = DiagnosticCodes.TooFewForSplits.Create(severity, $"no kept images to split into {k} splits", settings.Location), Observed = 0 });
        }

        int groups = 0, rowsInGroups = 0;
        foreach (var size in unitSize)
        {
            if (size > 1)
            {
                groups++;
                rowsInGroups += size;
            }
        }

        var keysOut = new string[n];
        for (int i = 0; i < n; i++)
        {
            keysOut[i] = rows[i].Key;
        }

        phase?.Invoke("table");
        return new SplitPlan
        {
            Names = names,
            Ratios = ratios,
            Keys = keysOut,
            SplitOf = splitOf,
            FoldOf = foldOf,
            UnitOf = unitOf,
            UnitCount = units,
            GroupsKeptTogether = groups,
            RowsInGroups = rowsInGroups,
            Folds = foldSplit >= 0 ? settings.Folds : 0,
            FoldSplit = foldSplit,
            LockedRows = lockedRows,
            Cells = cells,
            MaxGatedDeviation = maxDev,
            Findings = findings,
        };
    }

    /// <summary>The seeded 64-bit hash of a key: XxHash64 of its UTF-8 bytes.</summary>
    internal static ulong Hash(string key, long seed)
    {
        int max = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[512];
        int len = Encoding.UTF8.GetBytes(key, buffer);
        ulong h = XxHash64.HashToUInt64(buffer[..len], seed);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return h;
    }

    /// <summary>Position of a hash in [0, 1).</summary>
    internal static double Position(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a), rb = Find(parent, b);
        if (ra != rb)
        {
            // The smaller index becomes the root: the result does not depend on the order of unions.
            if (ra < rb)
            {
                parent[rb] = ra;
            }
            else
            {
                parent[ra] = rb;
            }
        }
    }

    /// <summary>
    /// The hash key covering most rows of the unit <c>unitRows[from..to]</c> (a tie goes to the smallest hash) and its hash.
    /// </summary>
    private static (string Key, ulong Hash) PlacingKey(IReadOnlyList<SplitRow> rows, int[] unitRows, int from, int to, long seed)
    {
        var first = rows[unitRows[from]];
        var key0 = first.HashKey ?? first.Key;
        bool same = true;
        for (int r = from + 1; r < to && same; r++)
        {
            var row = rows[unitRows[r]];
            same = string.Equals(row.HashKey ?? row.Key, key0, StringComparison.Ordinal);
        }

        if (same)
        {
            return (key0, Hash(key0, seed));
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = from; r < to; r++)
        {
            var row = rows[unitRows[r]];
            var key = row.HashKey ?? row.Key;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        string bestKey = key0;
        ulong bestHash = 0;
        int bestCount = 0;
        foreach (var (key, count) in counts)
        {
            ulong h = Hash(key, seed);
            if (count > bestCount || (count == bestCount && (h < bestHash || (h == bestHash && string.CompareOrdinal(key, bestKey) < 0))))
            {
                (bestKey, bestHash, bestCount) = (key, h, count);
            }
        }

        return (bestKey, bestHash);
    }

    /// <summary>The cell most rows of each unit are in; a tie goes to the ordinally smallest cell (strata are numbered in ordinal order).</summary>
    private static int[] MajorityStrata(int[] unitRows, int[] unitStart, int[] rowStratum, int units)
    {
        var result = new int[units];
        Dictionary<int, int>? votes = null;
        for (int u = 0; u < units; u++)
        {
            int from = unitStart[u], to = unitStart[u + 1];
            int s0 = rowStratum[unitRows[from]];
            bool same = true;
            for (int r = from + 1; r < to && same; r++)
            {
                same = rowStratum[unitRows[r]] == s0;
            }

            if (same)
            {
                result[u] = s0;
                continue;
            }

            votes ??= [];
            votes.Clear();
            for (int r = from; r < to; r++)
            {
                int st = rowStratum[unitRows[r]];
                votes[st] = votes.GetValueOrDefault(st) + 1;
            }

            int best = -1, bestVotes = 0;
            foreach (var (st, count) in votes)
            {
                if (count > bestVotes || (count == bestVotes && st < best))
                {
                    (best, bestVotes) = (st, count);
                }
            }

            result[u] = best;
        }

        return result;
    }

    private static void PinUnits(IReadOnlyList<SplitRow> rows, string[] names, int[] unitOf, int units, int[] rowLocked, int[] unitPinned, List<Finding> findings, string what)
    {
        var votes = new Dictionary<int, int[]>();
        for (int i = 0; i < rows.Count; i++)
        {
            if (rowLocked[i] < 0)
            {
                continue;
            }

            int u = unitOf[i];
            if (!votes.TryGetValue(u, out var v))
            {
                votes[u] = v = new int[names.Length];
            }

            v[rowLocked[i]]++;
        }

        var conflicted = new List<int>();
        foreach (var (u, v) in votes.OrderBy(kv => kv.Key))
        {
            int best = 0;
            for (int s = 1; s < v.Length; s++)
            {
                if (v[s] > v[best])
                {
                    best = s;
                }
            }

            unitPinned[u] = best;
            if (v.Count(c => c > 0) > 1)
            {
                conflicted.Add(u);
            }
        }

        if (conflicted.Count == 0)
        {
            return;
        }

        var members = new Dictionary<int, List<int>>();
        var set = conflicted.ToHashSet();
        for (int i = 0; i < rows.Count; i++)
        {
            if (set.Contains(unitOf[i]))
            {
                if (!members.TryGetValue(unitOf[i], out var list))
                {
                    members[unitOf[i]] = list = [];
                }

                list.Add(i);
            }
        }

        foreach (var u in conflicted)
        {
            var rowsOf = members[u];
            var spans = rowsOf.Where(i => rowLocked[i] >= 0).Select(i => names[rowLocked[i]]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var newcomers = rowsOf.Where(i => rowLocked[i] < 0).Select(i => rows[i].Key).ToList();
            var how = newcomers.Count > 0 ? $"new image(s) {string.Join(", ", newcomers.Take(5))} link them; they join {names[unitPinned[u]]}" : "the group's links changed since the lock was written";
            findings.Add(new Finding
            {
                Diagnostic = DiagnosticCodes.SplitLeakage.Create($"a group of {rowsOf.Count} images spans {what}s {string.Join(", ", spans)}: the lock pins its images apart and {how}; nothing was moved silently: delete the lock lines of the images that should move", imagePath: newcomers.FirstOrDefault() ?? rows[rowsOf[0]].Key),
                Images = rowsOf.Select(i => new ImageValue(rows[i].Key, double.NaN, rowLocked[i] >= 0 ? $"locked in {names[rowLocked[i]]}" : $"new, joins {names[unitPinned[u]]}")).ToList(),
            });
        }
    }

    /// <summary>The inputs of one assignment (the splits, or the folds of the fold split).</summary>
    private sealed class Placement
    {
        public required int[] UnitOf { get; init; }

        public required int[] UnitRows { get; init; }

        public required int[] UnitStart { get; init; }

        public required int[] RowStratum { get; init; }

        /// <summary>Per row: the split the lock fixes it in, or −1.</summary>
        public required int[] RowFixed { get; init; }

        public required int[] UnitSize { get; init; }

        public required ulong[] UnitHash { get; init; }

        public required int[] UnitStratum { get; init; }

        public required int[] UnitPinned { get; init; }

        public required int Strata { get; init; }

        public required double[] Ratios { get; init; }

        public required double Tolerance { get; init; }

        /// <summary>The units to place.</summary>
        public required int[] Subset { get; init; }

        /// <summary>Cells with at least this many images are repaired towards the tolerance on their actual rows.</summary>
        public required int RepairFromImages { get; init; }
    }

    /// <summary>
    /// The order of the splits along the hash line: a unique largest split takes the middle, the others keep their
    /// configured order around it (80/10/10 → val | train | test). A cut at cumulative share P moves with the
    /// Binomial(new units, P) count of appended units below it, whose spread √(P(1−P)) is smallest near the ends:
    /// cuts at 0.1 and 0.9 move 14 % fewer old units than cuts at 0.8 and 0.9 (docs/splits.md).
    /// </summary>
    internal static int[] Layout(IReadOnlyList<double> ratios)
    {
        int k = ratios.Count;
        int big = 0;
        for (int j = 1; j < k; j++)
        {
            if (ratios[j] > ratios[big])
            {
                big = j;
            }
        }

        bool unique = Enumerable.Range(0, k).All(j => j == big || ratios[j] < ratios[big]);
        if (!unique || k < 3)
        {
            return Enumerable.Range(0, k).ToArray();
        }

        var others = Enumerable.Range(0, k).Where(j => j != big).ToList();
        int before = (k - 1) / 2;
        return [.. others.Take(before), big, .. others.Skip(before)];
    }

    /// <summary>
    /// Places the units, then corrects for the rows a unit carries into cells other than its own (a group whose
    /// members sit in several cells): two more passes count those rows as fixed in their own cells, from the previous
    /// pass, and place each unit by its rows in its own cell only. A last repair moves single units near their
    /// receiving split's hash interval where a large cell's actual rows are still off by more than the tolerance.
    /// </summary>
    private static int[] AssignWithForeignRows(Placement p, out bool[] pooledStrata)
    {
        int k = p.Ratios.Length;
        int units = p.UnitSize.Length;
        int strata = p.Strata;
        var inSubset = new bool[units];
        foreach (var u in p.Subset)
        {
            inSubset[u] = true;
        }

        var own = new int[units];
        bool anyForeign = false;
        for (int i = 0; i < p.UnitOf.Length; i++)
        {
            int u = p.UnitOf[i];
            if (!inSubset[u])
            {
                continue;
            }

            if (p.RowStratum[i] == p.UnitStratum[u])
            {
                own[u]++;
            }
            else
            {
                anyForeign = true;
            }
        }

        // Pooling: a cell with fewer units than 1 / (smallest ratio) cannot give its smallest split one unit: such cells
        // are balanced together in one remainder stratum, which keeps the global ratios.
        int minUnits = (int)Math.Ceiling(1 / p.Ratios.Min() - 1e-9);
        var unitsPerStratum = new int[strata];
        foreach (var u in p.Subset)
        {
            unitsPerStratum[p.UnitStratum[u]]++;
        }

        var pooled = new bool[strata];
        for (int s = 0; s < strata; s++)
        {
            pooled[s] = unitsPerStratum[s] > 0 && unitsPerStratum[s] < minUnits;
        }

        pooledStrata = pooled;
        var effective = new int[units];
        for (int u = 0; u < units; u++)
        {
            effective[u] = pooled[p.UnitStratum[u]] ? strata : p.UnitStratum[u];
        }

        // The free units ordered by (effective stratum, hash, unit): bucketed by stratum, each bucket sorted by hash.
        var bucketStart = new int[strata + 2];
        int free = 0;
        foreach (var u in p.Subset)
        {
            if (p.UnitPinned[u] < 0)
            {
                bucketStart[effective[u] + 1]++;
                free++;
            }
        }

        for (int s = 0; s <= strata; s++)
        {
            bucketStart[s + 1] += bucketStart[s];
        }

        var order = new int[free];
        var hashes = new ulong[free];
        var next = bucketStart.AsSpan(0, strata + 1).ToArray();
        foreach (var u in p.Subset)
        {
            if (p.UnitPinned[u] < 0)
            {
                int at = next[effective[u]]++;
                order[at] = u;
                hashes[at] = p.UnitHash[u];
            }
        }

        for (int s = 0; s <= strata; s++)
        {
            int from = bucketStart[s], count = bucketStart[s + 1] - from;
            Array.Sort(hashes, order, from, count);

            // Equal hashes (rare) in unit order, so the order never depends on the sort's handling of ties.
            for (int i = from + 1; i < from + count; i++)
            {
                if (hashes[i] == hashes[i - 1])
                {
                    int j = i;
                    while (j < from + count && hashes[j] == hashes[i - 1])
                    {
                        j++;
                    }

                    Array.Sort(order, i - 1, j - i + 1);
                    i = j - 1;
                }
            }
        }

        var layout = Layout(p.Ratios);
        var intervalLo = new double[k];
        var intervalHi = new double[k];
        double acc = 0;
        foreach (var j in layout)
        {
            intervalLo[j] = acc;
            acc += p.Ratios[j];
            intervalHi[j] = acc;
        }

        var result = new int[units];
        Array.Fill(result, -1);
        foreach (var u in p.Subset)
        {
            if (p.UnitPinned[u] >= 0)
            {
                result[u] = p.UnitPinned[u];
            }
        }

        var ctx = new CutContext(p, pooled, order, hashes, bucketStart, effective, layout, intervalLo, intervalHi);
        Cut(ctx, p.UnitSize, null, result);
        if (anyForeign)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                var foreign = new long[(strata + 1) * k];
                for (int i = 0; i < p.UnitOf.Length; i++)
                {
                    int u = p.UnitOf[i];
                    if (inSubset[u] && p.RowStratum[i] != p.UnitStratum[u])
                    {
                        int split = p.RowFixed[i] >= 0 ? p.RowFixed[i] : result[u];
                        foreign[p.RowStratum[i] * k + split]++;
                    }
                }

                Cut(ctx, own, foreign, result);
            }
        }

        if (p.RepairFromImages < int.MaxValue)
        {
            Repair(ctx, inSubset, pooled, result);
        }

        return result;
    }

    /// <summary>The placement order and the hash intervals of one assignment.</summary>
    private sealed record CutContext(Placement P, bool[] Pooled, int[] Order, ulong[] Hashes, int[] BucketStart, int[] Effective, int[] Layout, double[] IntervalLo, double[] IntervalHi)
    {
        /// <summary>How far a hash position lies outside split <paramref name="j"/>'s interval (0 inside).</summary>
        public double Distance(ulong hash, int j)
        {
            double pos = Position(hash);
            return pos < IntervalLo[j] ? IntervalLo[j] - pos : pos >= IntervalHi[j] ? pos - IntervalHi[j] : 0;
        }
    }

    /// <summary>
    /// Cuts every stratum's hash-ordered free units into the splits (in layout order) and refines group granularity.
    /// </summary>
    /// <remarks>
    /// <c>size</c>: images each unit counts for in its stratum; <c>fixedRows</c>: images per (stratum, split) already
    /// placed by other units, or null. Each cut starts where the fixed hash intervals put it and moves only as far as
    /// needed to keep every split within the tolerance of its target: with E the cumulative error after a cut, the cut
    /// keeps |E| and |E − E(previous cut)| within the tolerance, so each split's deviation is within it (the feasible
    /// region of the deviations is the hexagon |d₁|, |d₃|, |d₁ + d₃| ≤ tolerance for three splits, not the square ±½).
    /// </remarks>
    private static void Cut(CutContext ctx, int[] size, long[]? fixedRows, int[] result)
    {
        var p = ctx.P;
        int k = p.Ratios.Length;
        int strata = p.Strata;
        var pinnedImages = new long[(strata + 1) * k];
        var totalImages = new long[strata + 1];
        foreach (var u in p.Subset)
        {
            int s = ctx.Effective[u];
            totalImages[s] += size[u];
            if (p.UnitPinned[u] >= 0)
            {
                pinnedImages[s * k + p.UnitPinned[u]] += size[u];
            }
        }

        if (fixedRows is not null)
        {
            for (int st = 0; st < strata; st++)
            {
                int e = ctx.Pooled[st] ? strata : st;
                for (int j = 0; j < k; j++)
                {
                    pinnedImages[e * k + j] += fixedRows[st * k + j];
                    totalImages[e] += fixedRows[st * k + j];
                }
            }
        }

        var targets = new double[k];
        var prefix = new long[ctx.Order.Length + 1];
        for (int s = 0; s <= strata; s++)
        {
            int start = ctx.BucketStart[s], end = ctx.BucketStart[s + 1];
            if (start == end)
            {
                continue;
            }

            // Targets of the free images: what each split lacks of its ratio of the stratum (negative lacks clamped).
            int m = end - start;
            long freeImages = 0;
            prefix[0] = 0;
            for (int i = 0; i < m; i++)
            {
                freeImages += size[ctx.Order[start + i]];
                prefix[i + 1] = freeImages;
            }

            double lackSum = 0;
            for (int j = 0; j < k; j++)
            {
                targets[j] = Math.Max(0, p.Ratios[j] * totalImages[s] - pinnedImages[s * k + j]);
                lackSum += targets[j];
            }

            for (int j = 0; j < k; j++)
            {
                targets[j] = lackSum > 0 ? targets[j] / lackSum * freeImages : p.Ratios[j] * freeImages;
            }

            double tol = p.Tolerance * totalImages[s];
            int previous = 0;
            double cumTarget = 0, error = 0, boundary = 0;
            for (int c = 0; c < k; c++)
            {
                int j = ctx.Layout[c];
                int cut;
                if (c == k - 1)
                {
                    cut = m;
                }
                else
                {
                    cumTarget += targets[j];
                    boundary += p.Ratios[j];

                    // Where the fixed hash intervals put the cut: units with u below the boundary.
                    int pure = LowerBound(ctx.Hashes, start, end, boundary) - start;
                    double lo = Math.Max(-tol, error - tol), hi = Math.Min(tol, error + tol);
                    cut = ChooseCut(prefix, pure, cumTarget + lo, cumTarget + hi, previous, m);
                    error = prefix[cut] - cumTarget;
                }

                for (int i = previous; i < cut; i++)
                {
                    result[ctx.Order[start + i]] = j;
                }

                previous = cut;
            }

            Refine(ctx, start, end, result, size, targets, tol);
        }
    }

    /// <summary>
    /// Contiguous cuts leave an error of up to half a group at each cut. While a split is off its target by more than
    /// the tolerance, move one unit from the most over-full to the most under-full split: among the units whose move
    /// reduces the error, the one nearest the receiving split's hash interval (the one the next data is least likely
    /// to move back).
    /// </summary>
    private static void Refine(CutContext ctx, int start, int end, int[] result, int[] size, double[] targets, double tolImages)
    {
        int k = targets.Length;
        var dev = new double[k];
        for (int i = start; i < end; i++)
        {
            dev[result[ctx.Order[i]]] += size[ctx.Order[i]];
        }

        for (int j = 0; j < k; j++)
        {
            dev[j] -= targets[j];
        }

        double limit = Math.Max(tolImages, 0.5);
        for (int iteration = 0; iteration < 8 * k; iteration++)
        {
            int a = 0, b = 0;
            for (int j = 1; j < k; j++)
            {
                if (dev[j] > dev[a])
                {
                    a = j;
                }

                if (dev[j] < dev[b])
                {
                    b = j;
                }
            }

            if (dev[a] <= limit && -dev[b] <= limit)
            {
                return;
            }

            double before = Math.Max(0, dev[a] - limit) + Math.Max(0, -dev[b] - limit);
            int best = -1;
            double bestDistance = double.MaxValue, bestError = double.MaxValue;
            for (int i = start; i < end; i++)
            {
                int u = ctx.Order[i];
                if (result[u] != a || size[u] == 0)
                {
                    continue;
                }

                double error = Math.Max(0, Math.Abs(dev[a] - size[u]) - limit) + Math.Max(0, Math.Abs(dev[b] + size[u]) - limit);
                if (error >= before - 1e-9)
                {
                    continue;
                }

                double distance = ctx.Distance(ctx.Hashes[i], b);
                if (distance < bestDistance || (distance == bestDistance && error < bestError))
                {
                    (best, bestDistance, bestError) = (u, distance, error);
                }
            }

            if (best < 0)
            {
                return;
            }

            result[best] = b;
            dev[a] -= size[best];
            dev[b] += size[best];
        }
    }

    /// <summary>
    /// Balances the actual rows of each large, unpooled cell (its own units' rows and the rows other cells' units
    /// carry into it) to within the tolerance where single-unit moves can: while a split is outside it, the free unit
    /// nearest the receiving split's interval whose move lowers the cells' total excess moves.
    /// </summary>
    private static void Repair(CutContext ctx, bool[] inSubset, bool[] pooled, int[] result)
    {
        var p = ctx.P;
        int k = p.Ratios.Length;
        int strata = p.Strata;
        var counts = new long[strata * k];
        var images = new long[strata];
        for (int i = 0; i < p.UnitOf.Length; i++)
        {
            int u = p.UnitOf[i];
            if (inSubset[u])
            {
                counts[p.RowStratum[i] * k + (p.RowFixed[i] >= 0 ? p.RowFixed[i] : result[u])]++;
                images[p.RowStratum[i]]++;
            }
        }

        var repaired = new bool[strata];
        bool any = false;
        for (int s = 0; s < strata; s++)
        {
            repaired[s] = !pooled[s] && images[s] >= p.RepairFromImages && images[s] > 0;
            any |= repaired[s] && CellExcess(counts, images, s, p.Ratios, p.Tolerance) > 1e-9;
        }

        if (!any)
        {
            return;
        }

        // The free units with a movable row in each repaired cell (ascending, each once per cell).
        var lists = new List<int>?[strata];
        foreach (var u in p.Subset)
        {
            if (p.UnitPinned[u] >= 0)
            {
                continue;
            }

            for (int r = p.UnitStart[u]; r < p.UnitStart[u + 1]; r++)
            {
                int i = p.UnitRows[r];
                int s = p.RowStratum[i];
                if (repaired[s] && p.RowFixed[i] < 0)
                {
                    var list = lists[s] ??= [];
                    if (list.Count == 0 || list[^1] != u)
                    {
                        list.Add(u);
                    }
                }
            }
        }

        var touched = new List<(int Cell, int Rows)>();
        for (int round = 0; round < 3; round++)
        {
            bool changed = false;
            for (int s = 0; s < strata; s++)
            {
                if (!repaired[s] || lists[s] is not { } candidates)
                {
                    continue;
                }

                for (int iteration = 0; iteration < 16 * k && CellExcess(counts, images, s, p.Ratios, p.Tolerance) > 1e-9; iteration++)
                {
                    int a = 0, b = 0;
                    for (int j = 1; j < k; j++)
                    {
                        double dj = counts[s * k + j] - p.Ratios[j] * images[s];
                        if (dj > counts[s * k + a] - p.Ratios[a] * images[s])
                        {
                            a = j;
                        }

                        if (dj < counts[s * k + b] - p.Ratios[b] * images[s])
                        {
                            b = j;
                        }
                    }

                    int best = -1;
                    double bestDistance = double.MaxValue, bestGain = 0;
                    foreach (var u in candidates)
                    {
                        if (result[u] != a)
                        {
                            continue;
                        }

                        MovableRows(p, u, touched);
                        double gain = 0;
                        foreach (var (cell, rows) in touched)
                        {
                            if (repaired[cell])
                            {
                                gain += CellExcess(counts, images, cell, p.Ratios, p.Tolerance) - CellExcessAfter(counts, images, cell, p.Ratios, p.Tolerance, a, b, rows);
                            }
                        }

                        if (gain <= 1e-9)
                        {
                            continue;
                        }

                        double distance = ctx.Distance(p.UnitHash[u], b);
                        if (distance < bestDistance || (distance == bestDistance && gain > bestGain))
                        {
                            (best, bestDistance, bestGain) = (u, distance, gain);
                        }
                    }

                    if (best < 0)
                    {
                        // No single move helps (the units of a are too large for the excess): swap a unit of a for a
                        // smaller one of b, both with all their movable rows in this cell.
                        if (!Swap(ctx, s, a, b, candidates, counts, images, result, touched))
                        {
                            break;
                        }

                        changed = true;
                        continue;
                    }

                    MovableRows(p, best, touched);
                    foreach (var (cell, rows) in touched)
                    {
                        counts[cell * k + a] -= rows;
                        counts[cell * k + b] += rows;
                    }

                    result[best] = b;
                    changed = true;
                }
            }

            if (!changed)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Swaps a unit of split <paramref name="a"/> for a smaller unit of split <paramref name="b"/> in cell
    /// <paramref name="s"/> when that lowers the cell's excess: among the nearest candidates to the other split's hash
    /// interval (at most <see cref="SwapCandidates"/> each), the pair nearest in sum, ties to the larger gain.
    /// </summary>
    private static bool Swap(CutContext ctx, int s, int a, int b, List<int> candidates, long[] counts, long[] images, int[] result, List<(int Cell, int Rows)> touched)
    {
        var p = ctx.P;
        var from = new List<(int Unit, int Size, double Distance)>();
        var to = new List<(int Unit, int Size, double Distance)>();
        foreach (var u in candidates)
        {
            if (result[u] != a && result[u] != b)
            {
                continue;
            }

            MovableRows(p, u, touched);
            if (touched.Count != 1)
            {
                continue;
            }

            if (result[u] == a)
            {
                from.Add((u, touched[0].Rows, ctx.Distance(p.UnitHash[u], b)));
            }
            else
            {
                to.Add((u, touched[0].Rows, ctx.Distance(p.UnitHash[u], a)));
            }
        }

        from.Sort((x, y) => x.Distance != y.Distance ? x.Distance.CompareTo(y.Distance) : x.Unit.CompareTo(y.Unit));
        to.Sort((x, y) => x.Distance != y.Distance ? x.Distance.CompareTo(y.Distance) : x.Unit.CompareTo(y.Unit));
        double before = CellExcess(counts, images, s, p.Ratios, p.Tolerance);
        int k = p.Ratios.Length;
        (int X, int Y, int Delta) best = (-1, -1, 0);
        double bestDistance = double.MaxValue, bestGain = 0;
        foreach (var x in from.Take(SwapCandidates))
        {
            foreach (var y in to.Take(SwapCandidates))
            {
                int delta = x.Size - y.Size;
                if (delta <= 0)
                {
                    continue;
                }

                double gain = before - CellExcessAfter(counts, images, s, p.Ratios, p.Tolerance, a, b, delta);
                double distance = x.Distance + y.Distance;
                if (gain > 1e-9 && (distance < bestDistance || (distance == bestDistance && gain > bestGain)))
                {
                    (best, bestDistance, bestGain) = ((x.Unit, y.Unit, delta), distance, gain);
                }
            }
        }

        if (best.X < 0)
        {
            return false;
        }

        result[best.X] = b;
        result[best.Y] = a;
        counts[s * k + a] -= best.Delta;
        counts[s * k + b] += best.Delta;
        return true;
    }

    /// <summary>The cells of a unit's rows that move with it (not fixed by the lock), with their row counts.</summary>
    private static void MovableRows(Placement p, int u, List<(int Cell, int Rows)> touched)
    {
        touched.Clear();
        for (int r = p.UnitStart[u]; r < p.UnitStart[u + 1]; r++)
        {
            int i = p.UnitRows[r];
            if (p.RowFixed[i] >= 0)
            {
                continue;
            }

            int s = p.RowStratum[i];
            int at = touched.FindIndex(t => t.Cell == s);
            if (at < 0)
            {
                touched.Add((s, 1));
            }
            else
            {
                touched[at] = (s, touched[at].Rows + 1);
            }
        }
    }

    /// <summary>Images by which a cell's splits exceed the tolerance, summed.</summary>
    private static double CellExcess(long[] counts, long[] images, int s, double[] ratios, double tolerance)
    {
        int k = ratios.Length;
        double excess = 0, tol = tolerance * images[s];
        for (int j = 0; j < k; j++)
        {
            excess += Math.Max(0, Math.Abs(counts[s * k + j] - ratios[j] * images[s]) - tol);
        }

        return excess;
    }

    private static double CellExcessAfter(long[] counts, long[] images, int s, double[] ratios, double tolerance, int from, int to, int rows)
    {
        int k = ratios.Length;
        double excess = 0, tol = tolerance * images[s];
        for (int j = 0; j < k; j++)
        {
            long c = counts[s * k + j] - (j == from ? rows : 0) + (j == to ? rows : 0);
            excess += Math.Max(0, Math.Abs(c - ratios[j] * images[s]) - tol);
        }

        return excess;
    }

    /// <summary>First index in [start, end) whose position is at least <paramref name="boundary"/>.</summary>
    private static int LowerBound(ulong[] hashes, int start, int end, double boundary)
    {
        int lo = start, hi = end;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Position(hashes[mid]) < boundary)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// The cut (number of units before it) nearest <paramref name="pure"/> whose cumulative image count is within
    /// [<paramref name="lo"/>, <paramref name="hi"/>]; when no cut is (a large unit straddles the band), the one
    /// nearest the band, ties to the nearest <paramref name="pure"/>. Never before <paramref name="min"/>.
    /// </summary>
    private static int ChooseCut(long[] prefix, int pure, double lo, double hi, int min, int m)
    {
        // prefix[c] = images of the first c units; non-decreasing in c.
        int first = LowerBoundPrefix(prefix, lo, min, m);
        int last = UpperBoundPrefix(prefix, hi, min, m) - 1;
        if (first <= last)
        {
            return Math.Clamp(pure, first, last);
        }

        // No cut inside the band: the candidates are the last cut below it and the first above it.
        int below = Math.Max(min, first - 1);
        int above = Math.Min(m, first);
        double db = Math.Max(0, lo - prefix[below]) + Math.Max(0, prefix[below] - hi);
        double da = Math.Max(0, lo - prefix[above]) + Math.Max(0, prefix[above] - hi);
        if (db != da)
        {
            return db < da ? below : above;
        }

        return Math.Abs(below - pure) <= Math.Abs(above - pure) ? below : above;
    }

    /// <summary>Smallest c in [min, m] with prefix[c] ≥ value, or m + 1.</summary>
    private static int LowerBoundPrefix(long[] prefix, double value, int min, int m)
    {
        int lo = min, hi = m + 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (prefix[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Smallest c in [min, m] with prefix[c] > value, or m + 1.</summary>
    private static int UpperBoundPrefix(long[] prefix, double value, int min, int m)
    {
        int lo = min, hi = m + 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (prefix[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static List<SplitCell> CellTable(string[] strata, int[] rowStratum, int[] unitStratum, int[] splitOf, bool[] pooled, double[] ratios, int minCellImages)
    {
        int k = ratios.Length;
        var counts = new int[strata.Length, k];
        var images = new int[strata.Length];
        for (int i = 0; i < rowStratum.Length; i++)
        {
            counts[rowStratum[i], splitOf[i]]++;
            images[rowStratum[i]]++;
        }

        var unitCount = new int[strata.Length];
        foreach (var s in unitStratum)
        {
            unitCount[s]++;
        }

        var cells = new List<SplitCell>(strata.Length);
        for (int s = 0; s < strata.Length; s++)
        {
            var row = new int[k];
            double dev = 0;
            for (int j = 0; j < k; j++)
            {
                row[j] = counts[s, j];
                if (images[s] > 0)
                {
                    dev = Math.Max(dev, Math.Abs((double)row[j] / images[s] - ratios[j]));
                }
            }

            cells.Add(new SplitCell
            {
                Stratum = strata[s],
                Images = images[s],
                Units = unitCount[s],
                Counts = row,
                Pooled = s < pooled.Length && pooled[s],
                MaxDeviation = dev,
                Gated = images[s] >= minCellImages,
            });
        }

        return cells;
    }
}
