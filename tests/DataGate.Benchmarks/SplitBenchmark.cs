using System.Diagnostics;
using System.Globalization;
using DataGate.Core.Config;
using DataGate.Core.Splits;

namespace DataGate.Benchmarks;

/// <summary>
/// Split assignment (<see cref="SplitPlanner"/>) on generated labelled rows with groups. Usage:
/// <c>splits scale [rows=1000000]</c>: time and memory at 1/4, 1/2 and all rows;
/// <c>splits stability [images=20000] [cells=100] [runs=5] [tolerance] [foreign share] [new subject share] [old subject share]</c>:
/// max cell deviation and old images moved after appending 10 % without and with a lock, over several generated
/// sets (the tolerance argument gives one point of the trade-off curve in docs/splits.md; SPLITS_CAUSES=1 prints why
/// old images moved). The scale mode prints each phase's wall time.
/// </summary>
internal sealed class SplitBenchmark : IBenchmark
{
    private static readonly SplitSettings s_settings = new()
    {
        Ratios = [new("train", 0.8), new("val", 0.1), new("test", 0.1)],
        Seed = 42,
        MaxCellDeviation = 0.02,
        MinCellImages = 100,
    };

    public string Name => "splits";

    public string Description => "split assignment: 'scale [rows]' time/memory, 'stability [images] [cells] [runs]' deviation and moved images";

    public void Run(string[] args, TextWriter output)
    {
        var mode = args.Length > 0 ? args[0] : "stability";
        if (mode == "scale")
        {
            int rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
            Scale(rows, output);
        }
        else
        {
            int images = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
            int cells = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
            int runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
            double? tolerance = args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : null;
            SplitDataset.ForeignShare = args.Length > 5 ? double.Parse(args[5], CultureInfo.InvariantCulture) : 0.1;
            SplitDataset.NewSubjectShare = args.Length > 6 ? double.Parse(args[6], CultureInfo.InvariantCulture) : 0.6;
            SplitDataset.OldSubjectShare = args.Length > 7 ? double.Parse(args[7], CultureInfo.InvariantCulture) : 0.3;
            Stability(images, cells, runs, tolerance, output);
        }
    }

    private static void Scale(int total, TextWriter output)
    {
        // Warm-up (JIT) on a small set.
        SplitPlanner.Plan(SplitDataset.Generate(10_000, 100, 1).Rows, s_settings);
        foreach (var n in new[] { total / 4, total / 2, total })
        {
            var data = SplitDataset.Generate(n, 100, 7);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long before = GC.GetTotalMemory(true);
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var phases = new List<string>();
            var sw = Stopwatch.StartNew();
            var last = TimeSpan.Zero;
            var plan = SplitPlanner.PlanWithTolerance(data.Rows, s_settings, null, s_settings.MaxCellDeviation * SplitPlanner.DefaultToleranceShare, name =>
            {
                var now = sw.Elapsed;
                phases.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {(now - last).TotalMilliseconds:F0}"));
                last = now;
            });
            sw.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            long retained = GC.GetTotalMemory(true) - before;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rows {n,9:N0}: {sw.Elapsed.TotalSeconds:F3} s wall, {cpu.TotalSeconds:F3} s CPU (all threads, incl. GC), units {plan.UnitCount:N0}, groups kept together {plan.GroupsKeptTogether:N0}, allocated {allocated / (1024.0 * 1024):F0} MiB ({allocated / (double)n:F0} B/row), plan retained {retained / (1024.0 * 1024):F0} MiB, max gated deviation {plan.MaxGatedDeviation * 100:F2} pt"));
            output.WriteLine("  phases (ms wall): " + string.Join(", ", phases));
            GC.KeepAlive(plan);
        }
    }

    private static void Stability(int images, int cells, int runs, double? tolerance, TextWriter output)
    {
        double tol = tolerance ?? s_settings.MaxCellDeviation * SplitPlanner.DefaultToleranceShare;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"images {images}, cells {cells}, 80/10/10, balance tolerance {tol * 100:F2} pt, {runs} generated sets"));
        static double Dev(SplitPlan p) => p.Cells.Where(c => c.Images >= 100).Select(c => c.MaxDeviation).DefaultIfEmpty(0).Max();
        var total = new long[2];
        double worst = 0;
        for (int run = 0; run < runs; run++)
        {
            var data = SplitDataset.Generate(images, cells, 1000 + run);
            var before = SplitPlanner.PlanWithTolerance(data.Rows, s_settings, null, tol);
            var grown = data.Append(0.10, 5000 + run);
            var after = SplitPlanner.PlanWithTolerance(grown.Rows, s_settings, null, tol);
            var locked = SplitPlanner.PlanWithTolerance(grown.Rows, s_settings, SplitLock.Empty.Update(before), tol);
            var (movedFree, old) = Moved(before, after);
            var (movedLocked, _) = Moved(before, locked);
            var gatedCells = before.Cells.Where(c => c.Images >= 100).Select(c => c.Stratum).ToHashSet(StringComparer.Ordinal);
            var (movedGated, oldGated) = Moved(before, after, i => gatedCells.Contains(data.Rows[i].Stratum));
            int over = before.Cells.Count(c => c.Images >= 100 && c.MaxDeviation > 0.01 + 1e-12);
            if (Environment.GetEnvironmentVariable("SPLITS_CAUSES") == "1")
            {
                output.WriteLine("  moved by cause: " + Causes(data.Rows, before, grown.Rows, after));
            }

            total[0] += movedFree;
            total[1] += old;
            worst = Math.Max(worst, Math.Max(Dev(before), Dev(after)));
            int big = before.Cells.Count(c => c.Images >= 100);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"set {run}: units {before.UnitCount}, cells >=100 images {big}; max deviation {Dev(before) * 100:F2} pt (grown {Dev(after) * 100:F2}, grown+lock {Dev(locked) * 100:F2}); moved after +10 %: no lock {movedFree} of {old} ({movedFree * 100.0 / old:F2} %; cells >=100 images {movedGated * 100.0 / oldGated:F2} %, others {(movedFree - movedGated) * 100.0 / (old - oldGated):F2} %), cells >=100 images over 1 pt {over}, lock {movedLocked} ({movedLocked * 100.0 / old:F2} %), DG2033 with lock {locked.Findings.Count(f => f.Diagnostic.Code == "DG2033")}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all sets: moved without lock {total[0]} of {total[1]} ({total[0] * 100.0 / total[1]:F2} %), largest deviation of a cell >= 100 images {worst * 100:F3} pt"));
    }

    /// <summary>Why old images moved: their unit's placing key or majority cell changed, or the cut of its cell moved.</summary>
    private static string Causes(IReadOnlyList<SplitRow> oldRows, SplitPlan before, IReadOnlyList<SplitRow> newRows, SplitPlan after)
    {
        static (Dictionary<int, string> Key, Dictionary<int, string> Cell) Describe(IReadOnlyList<SplitRow> rows, SplitPlan plan)
        {
            var key = new Dictionary<int, string>();
            var cell = new Dictionary<int, string>();
            foreach (var g in Enumerable.Range(0, rows.Count).GroupBy(i => plan.UnitOf[i]))
            {
                var keys = g.GroupBy(i => rows[i].HashKey ?? rows[i].Key).Select(x => (x.Key, Count: x.Count(), Hash: SplitPlanner.Hash(x.Key, 42))).OrderByDescending(x => x.Count).ThenBy(x => x.Hash).First();
                key[g.Key] = keys.Key;
                cell[g.Key] = g.GroupBy(i => rows[i].Stratum).OrderByDescending(x => x.Count()).ThenBy(x => x.Key, StringComparer.Ordinal).First().Key;
            }

            return (key, cell);
        }

        var (keyBefore, cellBefore) = Describe(oldRows, before);
        var (keyAfter, cellAfter) = Describe(newRows, after);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < after.Keys.Count; i++)
        {
            index[after.Keys[i]] = i;
        }

        int keyChanged = 0, cellChanged = 0, cut = 0, small = 0;
        var sizes = before.Cells.ToDictionary(c => c.Stratum, c => c.Images, StringComparer.Ordinal);
        for (int i = 0; i < before.Keys.Count; i++)
        {
            int j = index[before.Keys[i]];
            if (after.Names[after.SplitOf[j]] == before.Names[before.SplitOf[i]])
            {
                continue;
            }

            int ub = before.UnitOf[i], ua = after.UnitOf[j];
            if (keyBefore[ub] != keyAfter[ua])
            {
                keyChanged++;
            }
            else if (cellBefore[ub] != cellAfter[ua])
            {
                cellChanged++;
            }
            else if (sizes[cellBefore[ub]] < 100)
            {
                small++;
            }
            else
            {
                cut++;
            }
        }

        return $"placing key changed {keyChanged}, majority cell changed {cellChanged}, cut moved in a cell < 100 images {small}, in a cell >= 100 images {cut}";
    }

    private static (int Moved, int Old) Moved(SplitPlan before, SplitPlan after, Func<int, bool>? which = null)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < after.Keys.Count; i++)
        {
            index[after.Keys[i]] = i;
        }

        int moved = 0;
        int old = 0;
        for (int i = 0; i < before.Keys.Count; i++)
        {
            if (which is not null && !which(i))
            {
                continue;
            }

            old++;
            if (after.Names[after.SplitOf[index[before.Keys[i]]]] != before.Names[before.SplitOf[i]])
            {
                moved++;
            }
        }

        return (moved, old);
    }
}

/// <summary>
/// A generated labelled dataset for splits: cells of skewed sizes, subjects of 1-6 images (a few members in another
/// cell), near-duplicate pairs; appending adds new subjects, new images of old subjects and new duplicates of old images.
/// </summary>
internal sealed class SplitDataset
{
    private readonly List<(string Path, int Cell, int Subject, int Dup)> _items;
    private readonly int _cells;
    private int _nextSubject;
    private int _nextDup;

    private SplitDataset(List<(string, int, int, int)> items, int cells, int nextSubject, int nextDup)
    {
        _items = items;
        _cells = cells;
        _nextSubject = nextSubject;
        _nextDup = nextDup;
        Rows = Build();
    }

    public IReadOnlyList<SplitRow> Rows { get; }

    /// <summary>Share of a subject's images in another cell than the subject's (a mislabelled or re-binned photo).</summary>
    public static double ForeignShare { get; set; } = 0.1;

    /// <summary>Of appended images: the share of new subjects, and of new images of old subjects (the rest are near duplicates of old images).</summary>
    public static double NewSubjectShare { get; set; } = 0.6;

    /// <inheritdoc cref="NewSubjectShare"/>
    public static double OldSubjectShare { get; set; } = 0.3;

    public static SplitDataset Generate(int images, int cells, int seed)
    {
        var rng = new Random(seed);
        var weights = Enumerable.Range(0, cells).Select(c => 1.0 / Math.Pow(c + 1, 0.8)).ToArray();
        double sum = weights.Sum();
        var cumulative = new double[cells];
        double acc = 0;
        for (int c = 0; c < cells; c++)
        {
            acc += weights[c] / sum;
            cumulative[c] = acc;
        }

        var items = new List<(string, int, int, int)>(images);
        int subject = 0, dup = 0;
        while (items.Count < images)
        {
            int cell = Array.BinarySearch(cumulative, rng.NextDouble()) is var i && i < 0 ? Math.Min(~i, cells - 1) : i;
            int size = 1 + (int)Math.Min(5, -Math.Log(1 - rng.NextDouble()) * 1.2);
            for (int m = 0; m < size && items.Count < images; m++)
            {
                int memberCell = rng.NextDouble() < ForeignShare ? rng.Next(cells) : cell;
                items.Add((Name(rng), memberCell, subject, -1));
            }

            subject++;
        }

        // 5 % of images get a near duplicate partner (in the same cell).
        for (int d = 0; d < images / 20; d++)
        {
            int a = rng.Next(items.Count);
            var (p, c, s, existing) = items[a];
            int id = existing >= 0 ? existing : dup++;
            items[a] = (p, c, s, id);
            items.Add((Name(rng), c, -2 - d, id));
        }

        return new SplitDataset(items, cells, subject, dup);
    }

    /// <summary>Adds a share of new images: 60 % new subjects, 30 % new images of old subjects, 10 % duplicates of old images.</summary>
    public SplitDataset Append(double share, int seed)
    {
        var rng = new Random(seed);
        var items = new List<(string, int, int, int)>(_items);
        int add = (int)(_items.Count * share);
        int subject = _nextSubject, dup = _nextDup;
        for (int a = 0; a < add; a++)
        {
            double kind = rng.NextDouble();
            if (kind < NewSubjectShare)
            {
                items.Add((Name(rng), rng.Next(_cells), subject++, -1));
            }
            else if (kind < NewSubjectShare + OldSubjectShare)
            {
                var old = _items[rng.Next(_items.Count)];
                items.Add((Name(rng), old.Cell, old.Subject, -1));
            }
            else
            {
                int o = rng.Next(_items.Count);
                var old = items[o];
                int id = old.Item4 >= 0 ? old.Item4 : dup++;
                items[o] = (old.Item1, old.Item2, old.Item3, id);
                items.Add((Name(rng), old.Item2, subject++, id));
            }
        }

        return new SplitDataset(items, _cells, subject, dup);
    }

    private static string Name(Random rng) => $"{rng.Next(100):D2}/{rng.NextInt64():x16}.jpg";

    private List<SplitRow> Build()
    {
        var rows = new List<SplitRow>(_items.Count);
        foreach (var (path, cell, subject, dup) in _items.OrderBy(x => x.Path, StringComparer.Ordinal))
        {
            var keys = new List<string>(2);
            string? hashKey = null;
            if (subject >= 0)
            {
                hashKey = "subject=" + subject.ToString(CultureInfo.InvariantCulture);
                keys.Add(hashKey);
            }

            if (dup >= 0)
            {
                keys.Add("duplicate_group=dup-" + dup.ToString(CultureInfo.InvariantCulture));
            }

            rows.Add(new SplitRow(path, "cell" + cell.ToString("D3", CultureInfo.InvariantCulture), keys, hashKey));
        }

        return rows;
    }
}
