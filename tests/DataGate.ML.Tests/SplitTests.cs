using System.Globalization;
using Microsoft.ML;

namespace DataGate.ML.Tests;

/// <summary>StratifiedSplit: the properties of a stratified, group-preserving split, its determinism and its errors.</summary>
public sealed class SplitTests : IDisposable
{
    private static readonly KeyValuePair<string, double>[] s_ratios = [new("train", 0.7), new("val", 0.15), new("test", 0.15)];

    private readonly TestData _data = new();

    public void Dispose() => _data.Dispose();

    /// <summary>A labelled row that needs no image: key, two stratification columns, a subject id that groups rows.</summary>
    public sealed class PersonRow
    {
        public string Key { get; set; } = string.Empty;

        public string AgeBin { get; set; } = string.Empty;

        public float Gender { get; set; }

        public string Subject { get; set; } = string.Empty;
    }

    /// <summary>3,000 rows in 10 cells (one cell rare), 1-4 rows per subject, a few rows with a missing age bin.</summary>
    private static List<PersonRow> People(int seed = 5)
    {
        var random = new Random(seed);
        string[] bins = ["0-20", "20-40", "40-60", "60-80", "80-inf"];
        var rows = new List<PersonRow>();
        int subject = 0;
        while (rows.Count < 3000)
        {
            int size = random.Next(1, 5);
            string bin = random.Next(50) == 0 ? string.Empty : bins[random.Next(bins.Length) is 4 && random.Next(4) != 0 ? 1 : random.Next(bins.Length)];
            float gender = random.Next(2);
            for (int i = 0; i < size; i++)
            {
                rows.Add(new PersonRow { Key = $"p{rows.Count:D5}.jpg", AgeBin = bin, Gender = gender, Subject = "s" + subject.ToString(CultureInfo.InvariantCulture) });
            }

            subject++;
        }

        return rows;
    }

    private static DataGateSplitResult Split(MLContext ml, IDataView data, long seed = 42)
        => ml.Data.DataGate().StratifiedSplit(data, s_ratios, stratifyByColumnNames: ["AgeBin", "Gender"], groupByColumnNames: ["Subject"], seed: seed, keyColumnName: "Key");

    private static Dictionary<string, string> Assignment(MLContext ml, DataGateSplitResult result)
        => result.Names.SelectMany(n => ml.Data.CreateEnumerable<PersonRow>(result[n], reuseRowObject: false).Select(r => (r.Key, n)))
            .ToDictionary(x => x.Key, x => x.n);

    [Fact]
    public void Should_PutEveryRowInExactlyOneSplit_When_SplitWithExplicitArguments()
    {
        var ml = new MLContext(seed: 1);
        var people = People();
        var result = Split(ml, ml.Data.LoadFromEnumerable(people));

        var seen = result.Names.SelectMany(n => ml.Data.CreateEnumerable<PersonRow>(result[n], reuseRowObject: false).Select(r => r.Key)).ToList();
        Assert.Equal(people.Count, seen.Count);
        Assert.Equal(people.Select(p => p.Key).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(people.Count, result.Counts.Sum());
        Assert.Equal(["train", "val", "test"], result.Names);
        Assert.Equal(result.Counts, result.Names.Select(n => (int)ml.Data.CreateEnumerable<PersonRow>(result[n], reuseRowObject: true).Count()));
    }

    [Fact]
    public void Should_KeepEachGroupInOneSplit_When_RowsShareSubject()
    {
        var ml = new MLContext(seed: 1);
        var people = People();
        var assignment = Assignment(ml, Split(ml, ml.Data.LoadFromEnumerable(people)));

        var spanning = people.GroupBy(p => p.Subject).Where(g => g.Select(p => assignment[p.Key]).Distinct().Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(spanning);
        Assert.Contains(people.GroupBy(p => p.Subject), g => g.Count() > 1);
    }

    [Fact]
    public void Should_KeepCellSharesWithinTolerance_When_CellsAreLarge()
    {
        var ml = new MLContext(seed: 1);
        var people = People();
        var result = Split(ml, ml.Data.LoadFromEnumerable(people));
        var assignment = Assignment(ml, result);

        Assert.True(result.WithinTolerance, $"max deviation {result.MaxDeviation}");
        Assert.Empty(result.Findings);
        Assert.NotNull(result.Plan);
        Assert.Contains(result.Cells, c => c.Stratum == "(missing) | 0" || c.Stratum == "(missing) | 1");

        // Recount the shares from the sets themselves, cell by cell.
        foreach (var cell in people.GroupBy(p => (p.AgeBin.Length == 0 ? "(missing)" : p.AgeBin) + " | " + p.Gender.ToString(CultureInfo.InvariantCulture)))
        {
            var reported = result.Cells.Single(c => c.Stratum == cell.Key);
            Assert.Equal(cell.Count(), reported.Rows);
            for (int s = 0; s < result.Names.Count; s++)
            {
                int n = cell.Count(p => assignment[p.Key] == result.Names[s]);
                Assert.Equal(n, reported.Counts[s]);
                if (cell.Count() >= 50)
                {
                    Assert.True(Math.Abs(((double)n / cell.Count()) - result.Ratios[s]) <= 0.02 + 1e-12, $"cell {cell.Key} split {result.Names[s]}: {n} of {cell.Count()}");
                }
            }
        }
    }

    [Fact]
    public void Should_GiveSameAssignment_When_SplitTwiceOrInAnotherContext()
    {
        var people = People();
        var first = new MLContext(seed: 1);
        var second = new MLContext(seed: 99);
        var a = Assignment(first, Split(first, first.Data.LoadFromEnumerable(people)));
        var b = Assignment(second, Split(second, second.Data.LoadFromEnumerable(people)));
        var shuffled = Assignment(second, Split(second, second.Data.LoadFromEnumerable(people.OrderBy(p => p.Key.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995).ToList())));
        var otherSeed = Assignment(first, Split(first, first.Data.LoadFromEnumerable(people), seed: 43));

        Assert.Equal(a, b);
        Assert.Equal(a, shuffled);
        Assert.NotEqual(a, otherSeed);
    }

    [Fact]
    public void Should_MoveFewOldRows_When_DataGrows()
    {
        var ml = new MLContext(seed: 1);
        var people = People();
        var before = Assignment(ml, Split(ml, ml.Data.LoadFromEnumerable(people.Take(2700).ToList())));
        var after = Assignment(ml, Split(ml, ml.Data.LoadFromEnumerable(people)));

        int moved = before.Count(kv => after[kv.Key] != kv.Value);
        Assert.True(moved < before.Count / 20, $"{moved} of {before.Count} rows moved");
    }

    [Fact]
    public void Should_RejectBadArguments_When_RatiosOrColumnsAreWrong()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(People().Take(20).ToList());
        var ops = ml.Data.DataGate();

        var sum = Assert.Throws<ArgumentException>(() => ops.StratifiedSplit(data, [new("train", 0.8), new("test", 0.3)], keyColumnName: "Key"));
        Assert.Contains("DG1043", sum.Message, StringComparison.Ordinal);
        Assert.Contains("sum to 1.1", sum.Message, StringComparison.Ordinal);
        var one = Assert.Throws<ArgumentException>(() => ops.StratifiedSplit(data, [new("all", 1.0)], keyColumnName: "Key"));
        Assert.Contains("DG1043", one.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => ops.StratifiedSplit(data, s_ratios, stratifyByColumnNames: ["Gender", "Gender"], keyColumnName: "Key"));
        Assert.Contains("'Gender' is named twice", twice.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<ArgumentOutOfRangeException>(() => ops.StratifiedSplit(data, s_ratios, stratifyByColumnNames: ["Race"], keyColumnName: "Key"));
        Assert.Contains("DG1036", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'Race'", missing.Message, StringComparison.Ordinal);
        var keyType = Assert.Throws<ArgumentOutOfRangeException>(() => ops.StratifiedSplit(data, s_ratios, keyColumnName: "Gender"));
        Assert.Contains("expected String", keyType.Message, StringComparison.Ordinal);
        Assert.Contains("got Single", keyType.Message, StringComparison.Ordinal);
        var noKey = Assert.Throws<ArgumentOutOfRangeException>(() => ops.StratifiedSplit(data, s_ratios));
        Assert.Contains("'DataGateRecord'", noKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RejectRepeatedKeys_When_TwoRowsShareOne()
    {
        var ml = new MLContext(seed: 1);
        var people = People().Take(20).ToList();
        people[7].Key = people[3].Key;
        var e = Assert.Throws<InvalidOperationException>(() => Split(ml, ml.Data.LoadFromEnumerable(people)));
        Assert.Contains("DG3025", e.Message, StringComparison.Ordinal);
        Assert.Contains(people[3].Key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_SplitByRuleFileAndKeepDuplicatesTogether_When_GateHasSplits()
    {
        var ml = new MLContext(seed: 1);
        var rules = DataGateRules.FromText(TestData.SplitRules, Path.Combine(_data.Folder, "split.yml"), _data.Folder);
        var rows = ml.Data.LoadFromEnumerable(TestData.Rows);
        var model = ml.Transforms.DataGate().ComputeImageMetrics(imageFolder: _data.Folder)
            .Append(ml.Transforms.DataGate().Gate(rules))
            .Fit(rows);
        var scored = model.Transform(rows);
        var table = DataViewTable.Read(scored).ToDictionary(r => r[nameof(FaceRow.ImagePath)]);

        // The exact copy is kept here (action: warn): both images carry one duplicate group and land in one split.
        string group = table["img03.png"][DataGateColumns.DuplicateGroup];
        Assert.StartsWith("dup-", group, StringComparison.Ordinal);
        Assert.Equal(group, table["img03-copy.png"][DataGateColumns.DuplicateGroup]);
        Assert.Equal(table["img03.png"][DataGateColumns.Split], table["img03-copy.png"][DataGateColumns.Split]);
        Assert.Equal(string.Empty, table["img05.png"][DataGateColumns.DuplicateGroup]);
        Assert.Equal(string.Empty, table["dark.png"][DataGateColumns.Split]);
        Assert.Equal("-1", table["dark.png"][DataGateColumns.Fold]);
        Assert.Equal(table["img02.png"][DataGateColumns.Stratum], table["img04.png"][DataGateColumns.Stratum]);

        var kept = ml.Data.DataGate().FilterKept(scored);
        var result = ml.Data.DataGate().StratifiedSplit(kept, rules);
        var fitted = model.LastTransformer.FittedGate.Splits!;
        Assert.Equal(fitted.Names, result.Names);
        Assert.Equal(11, result.Counts.Sum());
        var bySet = result.Names.SelectMany(n => DataViewTable.Read(result[n]).Select(r => (Path: r[nameof(FaceRow.ImagePath)], Split: n, Row: r))).ToList();
        Assert.Equal(11, bySet.Select(x => x.Path).Distinct().Count());
        Assert.All(bySet, x => Assert.Equal(x.Split, x.Row[DataGateColumns.Split]));
        for (int i = 0; i < fitted.Keys.Count; i++)
        {
            Assert.Equal(fitted.Names[fitted.SplitOf[i]], bySet.Single(x => x.Path == fitted.Keys[i]).Split);
        }

        // Saved and reloaded, the gate gives every row the same split, fold, cell and group.
        string zip = Path.Combine(_data.Folder, "split-model.zip");
        ml.Model.Save(model, rows.Schema, zip);
        var fresh = new MLContext(seed: 3);
        var reloaded = DataViewTable.Read(fresh.Model.Load(zip, out _).Transform(fresh.Data.LoadFromEnumerable(TestData.Rows)));
        GateWorkoutTests.AssertSame(DataViewTable.Read(scored), reloaded);
    }

    [Fact]
    public void Should_ExplainMissingSplit_When_RowsAreNotKeptOrRulesHaveNoSplits()
    {
        var ml = new MLContext(seed: 1);
        var rules = DataGateRules.FromText(TestData.SplitRules, Path.Combine(_data.Folder, "split.yml"), _data.Folder);
        var rows = ml.Data.LoadFromEnumerable(TestData.Rows);
        var scored = ml.Transforms.DataGate().ComputeImageMetrics(imageFolder: _data.Folder)
            .Append(ml.Transforms.DataGate().Gate(rules))
            .Fit(rows).Transform(rows);

        var unkept = Assert.Throws<InvalidOperationException>(() => ml.Data.DataGate().StratifiedSplit(scored, rules));
        Assert.Contains("DG3024", unkept.Message, StringComparison.Ordinal);
        Assert.Contains("'dark.png'", unkept.Message, StringComparison.Ordinal);

        var noSplits = Assert.Throws<ArgumentException>(() => ml.Data.DataGate().StratifiedSplit(scored, DataGateRules.Load(_data.RulesPath)));
        Assert.Contains("DG1043", noSplits.Message, StringComparison.Ordinal);

        var other = DataGateRules.FromText(TestData.SplitRules.Replace("train: 0.5, test: 0.5", "fit: 0.5, holdout: 0.5", StringComparison.Ordinal), Path.Combine(_data.Folder, "other.yml"), _data.Folder);
        var mismatch = Assert.Throws<InvalidOperationException>(() => ml.Data.DataGate().StratifiedSplit(ml.Data.DataGate().FilterKept(scored), other));
        Assert.Contains("DG1044", mismatch.Message, StringComparison.Ordinal);

        var noGate = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Data.DataGate().StratifiedSplit(rows, rules));
        Assert.Contains("'DataGateSplit'", noGate.Message, StringComparison.Ordinal);
    }
}
