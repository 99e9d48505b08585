using System.Buffers;
using System.IO.Hashing;
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
/// <item>Placement: each unit has u = hash(seed, smallest member hash key) in [0, 1); split k owns a fixed interval of
/// u. In each stratum the units are ordered by u and the K−1 cut points start where the intervals put them; a cut
/// moves only as far as needed to bring the cumulative image count within the balance tolerance of its target,
/// so the units that move are those nearest the interval boundaries, and data that grows moves few old units.</item>
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

    /// <summary>Plans the splits of rows.</summary>
    /// <param name="rows">Rows in a deterministic order (e.g. ordinal path order); keys unique.</param>
    /// <param name="settings">Ratios, seed, folds and the deviation gate (<c>StratifyBy</c>/<c>GroupBy</c> are the host's business: they are already in the rows).</param>
    /// <param name="splitLock">The remembered assignment, or null for none.</param>
    /// <returns>The plan, row-indexed like <paramref name="rows"/>.</returns>
    public static SplitPlan Plan(IReadOnlyList<SplitRow> rows, SplitSettings settings, SplitLock? splitLock = null)
        => PlanWithTolerance(rows, settings, splitLock, (settings ?? throw new ArgumentNullException(nameof(settings))).MaxCellDeviation * DefaultToleranceShare);

    internal static SplitPlan PlanWithTolerance(IReadOnlyList<SplitRow> rows, SplitSettings settings, SplitLock? splitLock, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(settings);
        splitLock ??= SplitLock.Empty;
        int n = rows.Count;
        var names = settings.Ratios.Select(r => r.Name).ToArray();
        var ratios = settings.Ratios.Select(r => r.Ratio).ToArray();
        int k = names.Length;
        var findings = new List<Finding>();

        // 1. Units by union-find over the group keys.
        var parent = new int[n];
        for (int i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        var firstOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            foreach (var g in rows[i].GroupKeys)
            {
                if (firstOfKey.TryGetValue(g, out var j))
                {
                    Union(parent, i, j);
                }
                else
                {
                    firstOfKey.Add(g, i);
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

        // A unit is placed by the hash key that covers most of its rows (ties: the smallest hash), so a new image
        // joining a group does not re-place it; a unit's fold hash uses the same key.
        var unitSize = new int[units];
        var unitHash = new ulong[units];
        var unitFoldHash = new ulong[units];
        var unitKeyRows = new int[units];
        long seed = settings.Seed;

        // Most units have one hash key: hash it once; only units whose rows have several keys count them.
        var unitKey = new string?[units];
        var mixed = new bool[units];
        for (int i = 0; i < n; i++)
        {
            int u = unitOf[i];
            unitSize[u]++;
            var hk = rows[i].HashKey ?? rows[i].Key;
            if (unitKey[u] is null)
            {
                unitKey[u] = hk;
            }
            else if (!mixed[u] && !string.Equals(unitKey[u], hk, StringComparison.Ordinal))
            {
                mixed[u] = true;
            }
        }

        for (int u = 0; u < units; u++)
        {
            if (!mixed[u])
            {
                unitHash[u] = Hash(unitKey[u]!, seed);
                unitFoldHash[u] = Hash(unitKey[u]!, (long)((ulong)seed ^ FoldSalt));
            }
        }

        var keyRows = new Dictionary<(int Unit, string Key), int>();
        for (int i = 0; i < n; i++)
        {
            if (mixed[unitOf[i]])
            {
                var key = (unitOf[i], rows[i].HashKey ?? rows[i].Key);
                keyRows[key] = keyRows.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var ((u, hk), count) in keyRows.OrderBy(kv => kv.Key.Unit).ThenBy(kv => kv.Key.Key, StringComparer.Ordinal))
        {
            ulong h = Hash(hk, seed);
            if (count > unitKeyRows[u] || (count == unitKeyRows[u] && h < unitHash[u]) || unitKeyRows[u] == 0)
            {
                unitKeyRows[u] = count;
                unitHash[u] = h;
                unitFoldHash[u] = Hash(hk, (long)((ulong)seed ^ FoldSalt));
            }
        }


        // 2. Strata (interned in ordinal order) and each unit's majority stratum.
        var strataNames = rows.Select(r => r.Stratum).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var stratumIndex = new Dictionary<string, int>(strataNames.Length, StringComparer.Ordinal);
        for (int s = 0; s < strataNames.Length; s++)
        {
            stratumIndex[strataNames[s]] = s;
        }

        var rowStratum = new int[n];
        for (int i = 0; i < n; i++)
        {
            rowStratum[i] = stratumIndex[rows[i].Stratum];
        }

        var unitStratum = MajorityStrata(unitOf, unitSize, rowStratum, units);

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
        var unitSplit = AssignWithForeignRows(unitOf, rowStratum, rowLocked, unitSize, unitHash, unitStratum, unitPinned, ratios, tolerance, Enumerable.Range(0, units).ToArray(), out var pooled);

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
            var unitFold = AssignWithForeignRows(unitOf, rowStratum, rowsInFoldSplit, unitSize, unitFoldHash, unitStratum, unitFoldPinned, foldRatios, tolerance, foldUnits, out _);
            for (int i = 0; i < n; i++)
            {
                if (splitOf[i] == foldSplit)
                {
                    foldOf[i] = rowsInFoldSplit[i] >= 0 ? rowsInFoldSplit[i] : unitFold[unitOf[i]] >= 0 ? unitFold[unitOf[i]] : 0;
                }
            }
        }

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

        return new SplitPlan
        {
            Names = names,
            Ratios = ratios,
            Keys = rows.Select(r => r.Key).ToArray(),
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

    private static int[] MajorityStrata(int[] unitOf, int[] unitSize, int[] rowStratum, int units)
    {
        var result = new int[units];
        Array.Fill(result, -1);
        var mixed = new bool[units];
        for (int i = 0; i < unitOf.Length; i++)
        {
            int u = unitOf[i];
            if (result[u] < 0)
            {
                result[u] = rowStratum[i];
            }
            else if (result[u] != rowStratum[i])
            {
                mixed[u] = true;
            }
        }

        Dictionary<(int Unit, int Stratum), int>? votes = null;
        for (int i = 0; i < unitOf.Length; i++)
        {
            int u = unitOf[i];
            if (!mixed[u] || unitSize[u] == 1)
            {
                continue;
            }

            votes ??= [];
            var key = (u, rowStratum[i]);
            votes[key] = votes.GetValueOrDefault(key) + 1;
        }

        if (votes is not null)
        {
            var best = new Dictionary<int, (int Stratum, int Votes)>();
            foreach (var ((u, s), count) in votes)
            {
                // Most rows wins; a tie goes to the ordinally smallest cell (strata are numbered in ordinal order).
                if (!best.TryGetValue(u, out var b) || count > b.Votes || (count == b.Votes && s < b.Stratum))
                {
                    best[u] = (s, count);
                }
            }

            foreach (var (u, b) in best)
            {
                result[u] = b.Stratum;
            }
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

    /// <summary>Item of the placement order: stratum, then hash, then unit index.</summary>
    private readonly record struct Placed(int Stratum, ulong Hash, int Unit) : IComparable<Placed>
    {
        public int CompareTo(Placed other)
        {
            int c = Stratum.CompareTo(other.Stratum);
            if (c != 0)
            {
                return c;
            }

            c = Hash.CompareTo(other.Hash);
            return c != 0 ? c : Unit.CompareTo(other.Unit);
        }
    }

    /// <summary>
    /// Places the units, then corrects for the rows a unit carries into cells other than its own (a group whose
    /// members sit in several cells): two more passes count those rows as fixed in their own cells, from the previous
    /// pass, and place each unit by its rows in its own cell only.
    /// </summary>
    private static int[] AssignWithForeignRows(int[] unitOf, int[] rowStratum, int[] rowFixed, int[] unitSize, ulong[] unitHash, int[] unitStratum, int[] unitPinned, double[] ratios, double tolerance, int[] subset, out bool[] pooledStrata)
    {
        int k = ratios.Length;
        var inSubset = new bool[unitSize.Length];
        foreach (var u in subset)
        {
            inSubset[u] = true;
        }

        var own = new int[unitSize.Length];
        bool anyForeign = false;
        for (int i = 0; i < unitOf.Length; i++)
        {
            int u = unitOf[i];
            if (!inSubset[u])
            {
                continue;
            }

            if (rowStratum[i] == unitStratum[u])
            {
                own[u]++;
            }
            else
            {
                anyForeign = true;
            }
        }

        var result = Assign(unitSize, unitHash, unitStratum, unitPinned, ratios, tolerance, subset, null, out pooledStrata);
        if (!anyForeign)
        {
            return result;
        }

        int strata = pooledStrata.Length;
        for (int pass = 0; pass < 2; pass++)
        {
            var foreign = new long[(strata + 1) * k];
            for (int i = 0; i < unitOf.Length; i++)
            {
                int u = unitOf[i];
                if (inSubset[u] && rowStratum[i] != unitStratum[u])
                {
                    int split = rowFixed[i] >= 0 ? rowFixed[i] : result[u];
                    foreign[rowStratum[i] * k + split]++;
                }
            }

            result = Assign(own, unitHash, unitStratum, unitPinned, ratios, tolerance, subset, foreign, out pooledStrata);
        }

        return result;
    }

    /// <summary>Assigns the given units to splits; returns the split of each unit (−1 for units not given).</summary>
    /// <remarks>
    /// <c>unitSize</c>: images each unit counts for in its stratum; <c>fixedRows</c>: images per (stratum, split)
    /// already placed by other units, or null.
    /// </remarks>
    private static int[] Assign(int[] unitSize, ulong[] unitHash, int[] unitStratum, int[] unitPinned, double[] ratios, double tolerance, int[] subset, long[]? fixedRows, out bool[] pooledStrata)
    {
        int k = ratios.Length;
        int units = unitSize.Length;
        var result = new int[units];
        Array.Fill(result, -1);
        int strata = unitStratum.Length == 0 ? 0 : unitStratum.Max() + 1;
        var pooled = new bool[strata];
        pooledStrata = pooled;

        // Pooling: a cell with fewer units than 1 / (smallest ratio) cannot give its smallest split one unit: such cells
        // are balanced together in one remainder stratum, which keeps the global ratios.
        int minUnits = (int)Math.Ceiling(1 / ratios.Min() - 1e-9);
        var unitsPerStratum = new int[strata];
        foreach (var u in subset)
        {
            unitsPerStratum[unitStratum[u]]++;
        }

        int pool = strata;
        for (int s = 0; s < strata; s++)
        {
            pooled[s] = unitsPerStratum[s] > 0 && unitsPerStratum[s] < minUnits;
        }

        int Effective(int u) => pooled[unitStratum[u]] ? pool : unitStratum[u];

        var cumulative = new double[k];
        double acc = 0;
        for (int s = 0; s < k; s++)
        {
            acc += ratios[s];
            cumulative[s] = acc;
        }

        // Pinned units keep their split; their images count towards their stratum's totals.
        var pinnedImages = new long[(strata + 1) * k];
        var totalImages = new long[strata + 1];
        var free = new List<Placed>(subset.Length);
        foreach (var u in subset)
        {
            int s = Effective(u);
            totalImages[s] += unitSize[u];
            if (unitPinned[u] >= 0)
            {
                result[u] = unitPinned[u];
                pinnedImages[s * k + unitPinned[u]] += unitSize[u];
            }
            else
            {
                free.Add(new Placed(s, unitHash[u], u));
            }
        }

        if (fixedRows is not null)
        {
            for (int st = 0; st < strata; st++)
            {
                int e = pooled[st] ? pool : st;
                for (int j = 0; j < k; j++)
                {
                    pinnedImages[e * k + j] += fixedRows[st * k + j];
                    totalImages[e] += fixedRows[st * k + j];
                }
            }
        }

        var order = free.ToArray();
        Array.Sort(order);
        var targets = new double[k];
        var prefix = new List<long>();
        for (int start = 0; start < order.Length;)
        {
            int s = order[start].Stratum;
            int end = start;
            while (end < order.Length && order[end].Stratum == s)
            {
                end++;
            }

            // Targets of the free images: what each split lacks of its ratio of the stratum (negative lacks clamped).
            long freeImages = 0;
            prefix.Clear();
            prefix.Add(0);
            for (int i = start; i < end; i++)
            {
                freeImages += unitSize[order[i].Unit];
                prefix.Add(freeImages);
            }

            double lackSum = 0;
            for (int j = 0; j < k; j++)
            {
                targets[j] = Math.Max(0, ratios[j] * totalImages[s] - pinnedImages[s * k + j]);
                lackSum += targets[j];
            }

            for (int j = 0; j < k; j++)
            {
                targets[j] = lackSum > 0 ? targets[j] / lackSum * freeImages : ratios[j] * freeImages;
            }

            double tolImages = tolerance * totalImages[s] / 2;
            int m = end - start;
            int previous = 0;
            double cumTarget = 0;
            for (int j = 0; j < k; j++)
            {
                int cut;
                if (j == k - 1)
                {
                    cut = m;
                }
                else
                {
                    cumTarget += targets[j];

                    // Where the fixed hash intervals put the cut: units with u below the boundary.
                    int pure = LowerBound(order, start, end, cumulative[j]) - start;
                    cut = ChooseCut(prefix, pure, cumTarget, tolImages, previous, m);
                }

                for (int i = previous; i < cut; i++)
                {
                    result[order[start + i].Unit] = j;
                }

                previous = cut;
            }

            Refine(order, start, end, result, unitSize, targets, cumulative, tolerance * totalImages[s]);
            start = end;
        }

        return result;
    }

    /// <summary>
    /// Contiguous cuts leave an error of up to half a group at each cut. While a split is off its target by more than
    /// the tolerance, move the one unit (from the most over-full to the most under-full split) that best reduces the
    /// error, among equals the unit nearest the receiving split's hash interval.
    /// </summary>
    private static void Refine(Placed[] order, int start, int end, int[] result, int[] unitSize, double[] targets, double[] cumulative, double tolImages)
    {
        int k = targets.Length;
        var dev = new double[k];
        for (int i = start; i < end; i++)
        {
            dev[result[order[i].Unit]] += unitSize[order[i].Unit];
        }

        for (int j = 0; j < k; j++)
        {
            dev[j] -= targets[j];
        }

        for (int iteration = 0; iteration < 4 * k; iteration++)
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

            if (dev[a] <= Math.Max(tolImages, 0.5) && -dev[b] <= Math.Max(tolImages, 0.5))
            {
                return;
            }

            double before = Math.Abs(dev[a]) + Math.Abs(dev[b]);
            double lo = b == 0 ? 0 : cumulative[b - 1], hi = cumulative[b];
            int best = -1;
            double bestError = before - 1e-9, bestDistance = double.MaxValue;
            for (int i = start; i < end; i++)
            {
                int u = order[i].Unit;
                if (result[u] != a)
                {
                    continue;
                }

                int size = unitSize[u];
                double error = Math.Abs(dev[a] - size) + Math.Abs(dev[b] + size);
                double p = Position(order[i].Hash);
                double distance = p < lo ? lo - p : p >= hi ? p - hi : 0;
                if (error < bestError - 1e-9 || (Math.Abs(error - bestError) <= 1e-9 && distance < bestDistance))
                {
                    best = u;
                    bestError = error;
                    bestDistance = distance;
                }
            }

            if (best < 0)
            {
                return;
            }

            result[best] = b;
            dev[a] -= unitSize[best];
            dev[b] += unitSize[best];
        }
    }

    /// <summary>First index in [start, end) whose position is at least <paramref name="boundary"/>.</summary>
    private static int LowerBound(Placed[] order, int start, int end, double boundary)
    {
        int lo = start, hi = end;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Position(order[mid].Hash) < boundary)
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
    /// <paramref name="tol"/> of <paramref name="target"/>; when no cut is (a large unit straddles the band), the one
    /// nearest the target, ties to the nearest <paramref name="pure"/>. Never before <paramref name="min"/>.
    /// </summary>
    private static int ChooseCut(List<long> prefix, int pure, double target, double tol, int min, int m)
    {
        // prefix[c] = images of the first c units; non-decreasing in c.
        int lo = LowerBoundPrefix(prefix, target - tol, min, m);
        int hi = UpperBoundPrefix(prefix, target + tol, min, m) - 1;
        if (lo <= hi)
        {
            return Math.Clamp(pure, lo, hi);
        }

        // No cut inside the band: the candidates are the last cut below it and the first above it.
        int below = Math.Max(min, lo - 1);
        int above = Math.Min(m, lo);
        double db = Math.Abs(prefix[below] - target), da = Math.Abs(prefix[above] - target);
        if (db != da)
        {
            return db < da ? below : above;
        }

        return Math.Abs(below - pure) <= Math.Abs(above - pure) ? below : above;
    }

    /// <summary>Smallest c in [min, m] with prefix[c] ≥ value, or m + 1.</summary>
    private static int LowerBoundPrefix(List<long> prefix, double value, int min, int m)
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
    private static int UpperBoundPrefix(List<long> prefix, double value, int min, int m)
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
