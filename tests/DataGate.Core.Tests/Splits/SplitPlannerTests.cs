using DataGate.Core.Config;
using DataGate.Core.Splits;

namespace DataGate.Core.Tests.Splits;

public class SplitPlannerTests
{
    private static readonly SplitSettings s_settings = new()
    {
        Ratios = [new("train", 0.8), new("val", 0.1), new("test", 0.1)],
        Seed = 42,
        Folds = 5,
        MinCellImages = 100,
        MaxCellDeviation = 0.02,
    };

    /// <summary>Generated rows: <paramref name="cells"/> cells, subjects of 1-4 images, near-duplicate pairs across subjects.</summary>
    private static List<SplitRow> Rows(int images, int cells, int seed, double singletons = 0.5, int start = 0)
    {
        var rng = new Random(seed);
        var rows = new List<SplitRow>(images);
        int subject = start;
        while (rows.Count < images)
        {
            int cell = rng.Next(cells);
            int size = rng.NextDouble() < singletons ? 1 : rng.Next(2, 5);
            for (int m = 0; m < size && rows.Count < images; m++)
            {
                var keys = new List<string> { $"subject={subject}" };
                if (rng.NextDouble() < 0.05)
                {
                    keys.Add($"duplicate_group=dup-{rng.Next(images / 40 + 1)}");
                }

                rows.Add(new SplitRow($"img/{seed}_{rows.Count + start:D7}.jpg", $"c{cell:D3}", keys, $"subject={subject}"));
            }

            subject++;
        }

        return rows;
    }

    private static void AssertNoGroupSpansSplitsOrFolds(List<SplitRow> rows, SplitPlan plan)
    {
        var seen = new Dictionary<string, (int Split, int Fold, string Row)>(StringComparer.Ordinal);
        for (int i = 0; i < rows.Count; i++)
        {
            foreach (var g in rows[i].GroupKeys)
            {
                if (seen.TryGetValue(g, out var first))
                {
                    Assert.True(first.Split == plan.SplitOf[i] && first.Fold == plan.FoldOf[i], $"group {g}: {first.Row} in {first.Split}/{first.Fold}, {rows[i].Key} in {plan.SplitOf[i]}/{plan.FoldOf[i]}");
                }
                else
                {
                    seen[g] = (plan.SplitOf[i], plan.FoldOf[i], rows[i].Key);
                }
            }
        }
    }

    public static TheoryData<int, int, int> Datasets() => new()
    {
        { 5_000, 10, 1 },
        { 20_000, 100, 2 },
        { 3_000, 400, 3 },
        { 800, 3, 4 },
    };

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Should_KeepEveryGroupInOneSplitAndFold_When_RowsShareGroupKeys(int images, int cells, int seed)
    {
        var rows = Rows(images, cells, seed);
        var plan = SplitPlanner.Plan(rows, s_settings);
        AssertNoGroupSpansSplitsOrFolds(rows, plan);
        Assert.True(plan.GroupsKeptTogether > 0);
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Should_AssignEveryRowExactlyOnce_When_Planned(int images, int cells, int seed)
    {
        var rows = Rows(images, cells, seed);
        var plan = SplitPlanner.Plan(rows, s_settings);
        Assert.Equal(rows.Count, plan.SplitOf.Count);
        Assert.Equal(rows.Select(r => r.Key), plan.Keys);
        Assert.All(plan.SplitOf, s => Assert.InRange(s, 0, 2));
        Assert.Equal(rows.Count, plan.Counts.Sum());
        Assert.Equal(rows.Count, plan.Cells.Sum(c => c.Images));
        for (int i = 0; i < rows.Count; i++)
        {
            if (plan.SplitOf[i] == 0)
            {
                Assert.InRange(plan.FoldOf[i], 0, 4);
            }
            else
            {
                Assert.Equal(-1, plan.FoldOf[i]);
            }
        }

        // Global ratios hold (within a point) whatever the cells.
        for (int s = 0; s < 3; s++)
        {
            Assert.InRange((double)plan.Counts[s] / rows.Count, plan.Ratios[s] - 0.01, plan.Ratios[s] + 0.01);
        }
    }

    [Fact]
    public void Should_GiveTheSamePlan_When_PlannedAgainOrConcurrently()
    {
        var rows = Rows(10_000, 50, 5);
        var first = SplitPlanner.Plan(rows, s_settings);
        var plans = new SplitPlan[4];
        Parallel.For(0, plans.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => plans[i] = SplitPlanner.Plan(rows, s_settings));
        Assert.All(plans, p =>
        {
            Assert.Equal(first.SplitOf, p.SplitOf);
            Assert.Equal(first.FoldOf, p.FoldOf);
        });
    }

    [Fact]
    public void Should_KeepDeviationWithinTheGate_When_CellsHaveAtLeastMinCellImages()
    {
        var rows = Rows(20_000, 100, 6, singletons: 0.7);
        var plan = SplitPlanner.Plan(rows, s_settings);
        Assert.Contains(plan.Cells, c => c.Gated);
        Assert.All(plan.Cells.Where(c => c.Gated), c => Assert.True(c.MaxDeviation <= s_settings.MaxCellDeviation, $"{c.Stratum}: {c.MaxDeviation}"));
        Assert.DoesNotContain(plan.Findings, f => f.Diagnostic.Code == "DG2060");
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Should_KeepEveryCellOfAHundredImagesWithinOnePoint_When_SplitEightyTenTen(int seed)
    {
        // Cells of about 200 images, subjects of 1-4 images, near duplicates across subjects: the balance tolerance
        // (half the 2-point gate) holds on the actual rows of every cell with at least 100 images.
        var rows = Rows(20_000, 100, seed);
        var plan = SplitPlanner.Plan(rows, s_settings);
        var large = plan.Cells.Where(c => c.Images >= 100).ToList();
        Assert.True(large.Count >= 90, $"{large.Count} large cells");
        Assert.All(large, c => Assert.True(c.MaxDeviation <= 0.01 + 1e-12, $"{c.Stratum} ({c.Images} images): {c.MaxDeviation * 100:F3} pt, {string.Join("/", c.Counts)}"));
    }

    [Theory]
    [InlineData(new[] { 0.8, 0.1, 0.1 }, new[] { 1, 0, 2 })]
    [InlineData(new[] { 0.1, 0.1, 0.8 }, new[] { 0, 2, 1 })]
    [InlineData(new[] { 0.7, 0.2, 0.05, 0.05 }, new[] { 1, 0, 2, 3 })]
    [InlineData(new[] { 0.8, 0.2 }, new[] { 0, 1 })]
    [InlineData(new[] { 0.25, 0.25, 0.25, 0.25 }, new[] { 0, 1, 2, 3 })]
    public void Should_PutAUniqueLargestSplitInTheMiddleOfTheHashLine_When_LaidOut(double[] ratios, int[] expected)
        => Assert.Equal(expected, SplitPlanner.Layout(ratios));

    [Fact]
    public void Should_ReportDeviation_When_OneGroupIsTooLargeForItsCell()
    {
        var rows = Rows(2_000, 2, 7);
        // A cell of two subjects of 100 images each cannot be split 80/10/10.
        rows.AddRange(Enumerable.Range(0, 200).Select(i => new SplitRow($"big/{i:D4}.jpg", "c999", [$"subject=big{i % 2}"], $"subject=big{i % 2}")));
        var plan = SplitPlanner.Plan(rows, s_settings);
        var finding = Assert.Single(plan.Findings, f => f.Diagnostic.Code == "DG2060");
        Assert.Equal(DataGate.Core.Diagnostics.Severity.Error, finding.Diagnostic.Severity);
        Assert.Equal("c999", finding.Images[0].Path);
        Assert.True(plan.MaxGatedDeviation > 0.02);
    }

    [Fact]
    public void Should_NotMoveAnyLockedRow_When_RowsAreAppendedWithALock()
    {
        var old = Rows(10_000, 60, 8);
        var before = SplitPlanner.Plan(old, s_settings);
        var grown = old.Concat(Rows(1_000, 60, 9, start: 1_000_000)).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var after = SplitPlanner.Plan(grown, s_settings, SplitLock.Empty.Update(before));
        var index = after.Keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        for (int i = 0; i < old.Count; i++)
        {
            int j = index[old[i].Key];
            Assert.Equal(before.Names[before.SplitOf[i]], after.Names[after.SplitOf[j]]);
            Assert.Equal(before.FoldOf[i], after.FoldOf[j]);
        }

        Assert.Equal(old.Count, after.LockedRows);
        AssertNoGroupSpansSplitsOrFolds(grown, after);
        for (int s = 0; s < 3; s++)
        {
            Assert.InRange((double)after.Counts[s] / grown.Count, after.Ratios[s] - 0.01, after.Ratios[s] + 0.01);
        }
    }

    [Fact]
    public void Should_MoveFewOldRows_When_TenPercentIsAppendedWithoutALock()
    {
        var old = Rows(20_000, 100, 10);
        var before = SplitPlanner.Plan(old, s_settings);
        var grown = old.Concat(Rows(2_000, 100, 11, start: 1_000_000)).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var after = SplitPlanner.Plan(grown, s_settings);
        var split = after.Keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => after.SplitOf[x.i], StringComparer.Ordinal);
        int moved = old.Where((r, i) => split[r.Key] != before.SplitOf[i]).Count();

        // A fresh random split would move about 1 − (0.8² + 0.1² + 0.1²) = 34 % of the rows.
        Assert.True(moved < old.Count * 0.03, $"{moved} of {old.Count} moved");
    }

    [Fact]
    public void Should_ReportLeakageNamingImagesAndSplits_When_NewRowBridgesLockedSplits()
    {
        var rows = new List<SplitRow>
        {
            new("a.jpg", "", ["subject=1"]),
            new("b.jpg", "", ["subject=2"]),
            new("c.jpg", "", ["subject=1", "subject=2"]), // a new near duplicate of both
            new("d.jpg", "", []),
        };
        var locked = SplitLock.FromEntries([new("a.jpg", new LockedSplit("train", 0)), new("b.jpg", new LockedSplit("test", -1)), new("d.jpg", new LockedSplit("val", -1))]);
        var plan = SplitPlanner.Plan(rows, s_settings, locked);
        var leak = Assert.Single(plan.Findings, f => f.Diagnostic.Code == "DG2033");
        Assert.Contains("train", leak.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("test", leak.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("c.jpg", leak.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(["a.jpg", "b.jpg", "c.jpg"], leak.Images.Select(i => i.Path));
        Assert.Equal("train", plan.Names[plan.SplitOf[0]]); // nothing moved silently
        Assert.Equal("test", plan.Names[plan.SplitOf[1]]);
        Assert.Equal("val", plan.Names[plan.SplitOf[3]]);
    }

    [Fact]
    public void Should_KeepGlobalRatiosAndPoolTinyCells_When_CellsHaveFewerUnitsThanNeeded()
    {
        // 3,000 cells of one or two images each.
        var rows = Enumerable.Range(0, 4_500).Select(i => new SplitRow($"{i:D5}.jpg", $"cell{i % 3000:D4}", [])).ToList();
        var plan = SplitPlanner.Plan(rows, s_settings);
        Assert.All(plan.Cells, c => Assert.True(c.Pooled));
        for (int s = 0; s < 3; s++)
        {
            Assert.InRange((double)plan.Counts[s] / rows.Count, plan.Ratios[s] - 0.01, plan.Ratios[s] + 0.01);
        }
    }

    [Fact]
    public void Should_AssignTheImageAndReportTooFew_When_DatasetHasOneImage()
    {
        var plan = SplitPlanner.Plan([new SplitRow("only.jpg", "x", [])], s_settings);
        Assert.Single(plan.SplitOf);
        var f = Assert.Single(plan.Findings);
        Assert.Equal("DG2061", f.Diagnostic.Code);
        Assert.Contains("val", f.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportTooFew_When_NoRows()
    {
        var plan = SplitPlanner.Plan([], s_settings);
        Assert.Empty(plan.SplitOf);
        Assert.Equal("DG2061", Assert.Single(plan.Findings).Diagnostic.Code);
    }

    [Fact]
    public void Should_RoundTripAndSortLines_When_LockIsWrittenAndRead()
    {
        var rows = Rows(300, 3, 12);
        var plan = SplitPlanner.Plan(rows, s_settings);
        var text = SplitLock.Empty.Update(plan).ToText();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).Skip(1).ToList();
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        var (read, error) = SplitLock.Parse(text, "x.lock");
        Assert.Null(error);
        Assert.Equal(300, read!.Entries.Count);
        Assert.Equal(plan.SplitOf.Select(s => plan.Names[s]), rows.Select(r => read.Entries[r.Key].Split));
        Assert.Equal(plan.FoldOf, rows.Select(r => read.Entries[r.Key].Fold));
    }

    [Theory]
    [InlineData("path,split\na.jpg,train\n", 1, "header")]
    [InlineData("# c\npath,split,fold\na.jpg,train,\na.jpg,test,\n", 4, "twice")]
    [InlineData("path,split,fold\na.jpg,train,x\n", 2, "fold")]
    [InlineData("path,split,fold\na.jpg\n", 2, "path,split,fold")]
    [InlineData("path,split,fold\n\"a.jpg,train,\n", 2, "quote")]
    public void Should_ReportDG3015WithLine_When_LockIsMalformed(string text, int line, string detail)
    {
        var (read, error) = SplitLock.Parse(text, "x.lock");
        Assert.Null(read);
        Assert.Equal("DG3015", error!.Code);
        Assert.Equal(line, error.Location!.Line);
        Assert.Contains(detail, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Should_ReassignAndWarn_When_LockNamesASplitThatNoLongerExists()
    {
        var rows = Rows(100, 1, 13);
        var locked = SplitLock.FromEntries(rows.Take(10).Select(r => new KeyValuePair<string, LockedSplit>(r.Key, new LockedSplit("holdout", -1))));
        var plan = SplitPlanner.Plan(rows, s_settings, locked);
        var f = Assert.Single(plan.Findings, f => f.Diagnostic.Code == "DG2062");
        Assert.Equal(10, f.Images.Count);
        Assert.Equal(0, plan.LockedRows);
    }

    [Fact]
    public void Should_BalanceFoldsAndKeepGroups_When_FoldsAreRequested()
    {
        var rows = Rows(10_000, 20, 14);
        var plan = SplitPlanner.Plan(rows, s_settings);
        var sizes = Enumerable.Range(0, 5).Select(f => plan.FoldOf.Count(x => x == f)).ToList();
        int train = plan.Counts[0];
        Assert.All(sizes, s => Assert.InRange(s, train * 0.19, train * 0.21));
        Assert.Equal(5, plan.Folds);
        Assert.Equal(0, plan.FoldSplit);
    }
}
