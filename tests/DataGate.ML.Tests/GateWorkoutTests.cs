using DataGate.Core.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataGate.ML.Tests;

/// <summary>The ML.NET "workout" of the DataGate transforms: schema propagation, fit/transform, save/load, reuse.</summary>
public sealed class GateWorkoutTests : IDisposable
{
    private readonly TestData _data = new();

    public void Dispose() => _data.Dispose();

    private (MLContext Ml, IDataView Rows, IEstimator<ITransformer> Pipeline) Pipeline()
    {
        var ml = new MLContext(seed: 1);
        var rules = DataGateRules.Load(_data.RulesPath);
        var rows = ml.Data.LoadFromEnumerable(TestData.Rows);
        var pipeline = ml.Transforms.DataGate().ComputeImageMetrics(imageFolder: _data.Folder, inputColumnName: nameof(FaceRow.ImagePath))
            .Append(ml.Transforms.DataGate().Gate(rules));
        return (ml, rows, pipeline);
    }

    [Fact]
    public void Should_AddMetricAndVerdictColumns_When_SchemaPropagates()
    {
        var (_, rows, pipeline) = Pipeline();
        var shape = pipeline.GetOutputSchema(Shapes.Of(rows.Schema));
        var names = shape.Select(c => c.Name).ToHashSet();
        foreach (var metric in MetricCatalog.All.Where(m => !m.IsOptIn))
        {
            Assert.Contains(metric.Name, names);
        }

        Assert.Contains(DataGateColumns.Kept, names);
        Assert.Contains(DataGateColumns.Reason, names);
        Assert.Contains(DataGateColumns.Error, names);
        Assert.Contains(TextColumns.PHash, names);
        Assert.DoesNotContain(names, n => n.StartsWith("DataGate.", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_NameColumnExpectedAndActualType_When_InputColumnHasWrongType()
    {
        var ml = new MLContext(seed: 1);
        var rows = ml.Data.LoadFromEnumerable(new[] { new NumberRow { ImagePath = 3 } });
        var estimator = ml.Transforms.DataGate().ComputeImageMetrics(imageFolder: _data.Folder);
        var shapeError = Assert.Throws<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(Shapes.Of(rows.Schema)));
        var fitError = Assert.Throws<ArgumentOutOfRangeException>(() => estimator.Fit(rows));
        foreach (var e in new[] { shapeError, fitError })
        {
            Assert.Contains("DG1036", e.Message, StringComparison.Ordinal);
            Assert.Contains("'ImagePath'", e.Message, StringComparison.Ordinal);
            Assert.Contains("expected String", e.Message, StringComparison.Ordinal);
            Assert.Contains("got Single", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_RejectMissingColumn_When_InputHasNone()
    {
        var ml = new MLContext(seed: 1);
        var rows = ml.Data.LoadFromEnumerable(new[] { new NumberRow { ImagePath = 3 } });
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Transforms.DataGate().ComputeImageMetrics(inputColumnName: "Nope").Fit(rows));
        Assert.Contains("'Nope'", e.Message, StringComparison.Ordinal);
        Assert.Contains("no such column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RequireRecordColumn_When_GateRunsWithoutMetrics()
    {
        var ml = new MLContext(seed: 1);
        var rows = ml.Data.LoadFromEnumerable(TestData.Rows);
        var gate = ml.Transforms.DataGate().Gate(DataGateRules.Load(_data.RulesPath));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => gate.GetOutputSchema(Shapes.Of(rows.Schema)));
        Assert.Contains("DG1036", e.Message, StringComparison.Ordinal);
        Assert.Contains("'DataGateRecord'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => gate.Fit(rows));
    }

    [Fact]
    public void Should_ExcludeDarkCopyAndBrokenRows_When_Fitted()
    {
        var (ml, rows, pipeline) = Pipeline();
        var model = pipeline.Fit(rows);
        var table = DataViewTable.Read(model.Transform(rows)).ToDictionary(r => r[nameof(FaceRow.ImagePath)]);

        Assert.Equal("false", table["dark.png"][DataGateColumns.Kept]);
        Assert.Equal("not-too-dark", table["dark.png"][DataGateColumns.Reason]);
        // keep: first_path keeps the ordinally first name of the pair ('-' sorts before '.').
        Assert.Equal("true", table["img03-copy.png"][DataGateColumns.Kept]);
        Assert.Equal("false", table["img03.png"][DataGateColumns.Kept]);
        Assert.Equal("duplicates.exact", table["img03.png"][DataGateColumns.Reason]);
        Assert.Equal("false", table["broken.png"][DataGateColumns.Kept]);
        Assert.StartsWith("DG3", table["broken.png"][DataGateColumns.Error], StringComparison.Ordinal);
        Assert.Equal("NaN", table["broken.png"]["luminance_mean"]);
        Assert.Equal(10, table.Values.Count(r => r[DataGateColumns.Kept] == "true"));

        var kept = DataViewTable.Read(ml.Data.DataGate().FilterKept(model.Transform(rows)));
        Assert.Equal(10, kept.Count);
        Assert.All(kept, r => Assert.Equal("true", r[DataGateColumns.Kept]));
    }

    [Fact]
    public void Should_GiveIdenticalOutput_When_ModelIsSavedAndLoadedInNewContext()
    {
        var (ml, rows, pipeline) = Pipeline();
        var model = pipeline.Fit(rows);
        var extra = ml.Data.LoadFromEnumerable(new[]
        {
            new FaceRow { ImagePath = _data.Noise("new-dark.png", seed: 7, brightness: 10) },
            new FaceRow { ImagePath = _data.Noise("new-ok.png", seed: 8, brightness: 120) },
            new FaceRow { ImagePath = "missing.png" },
        });
        var before = DataViewTable.Read(model.Transform(rows));
        var beforeExtra = DataViewTable.Read(model.Transform(extra));
        string zip = Path.Combine(_data.Folder, "model.zip");
        ml.Model.Save(model, rows.Schema, zip);

        var fresh = new MLContext(seed: 2);
        var loaded = fresh.Model.Load(zip, out var schema);
        var freshRows = fresh.Data.LoadFromEnumerable(TestData.Rows);
        Assert.Equal(before.Count, schema.Count == 0 ? 0 : before.Count);
        AssertSame(before, DataViewTable.Read(loaded.Transform(freshRows)));
        AssertSame(beforeExtra, DataViewTable.Read(loaded.Transform(extra)));
        Assert.Equal("not-too-dark", beforeExtra[0][DataGateColumns.Reason]);
        Assert.Equal("true", beforeExtra[1][DataGateColumns.Kept]);
        Assert.StartsWith("DG3001", beforeExtra[2][DataGateColumns.Error], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReadFitResultBack_When_ModelIsLoaded()
    {
        var (ml, rows, pipeline) = Pipeline();
        var model = pipeline.Fit(rows);
        var fitted = ((TransformerChain<GateTransformer>)model).LastTransformer.Result;
        string zip = Path.Combine(_data.Folder, "saved-gate.zip");
        ml.Model.Save(model, rows.Schema, zip);
        var loaded = new MLContext(seed: 2).Model.Load(zip, out _);

        var live = Assert.Single(SavedGate.Find(model));
        var saved = Assert.Single(SavedGate.Find(loaded));
        foreach (var gate in new[] { live, saved })
        {
            Assert.Equal(fitted.Counts, gate.Counts);
            Assert.Equal(fitted.Passed, gate.Passed);
            Assert.Equal(fitted.Findings.Select(f => (f.Diagnostic, f.Observed, f.Threshold)), gate.Findings.Select(f => (f.Diagnostic, f.Observed, f.Threshold)));
            Assert.Equal(fitted.ResolvedBounds.OrderBy(kv => kv.Key, StringComparer.Ordinal), gate.ResolvedBounds.OrderBy(kv => kv.Key, StringComparer.Ordinal));
            Assert.Equal(File.ReadAllText(_data.RulesPath), gate.Rules.Text);
        }

        Assert.Contains(saved.Findings, f => f.Diagnostic.Code == "DG2001" || f.Diagnostic.RuleId == "not-too-dark");
        Assert.Equal(3, saved.Counts.Total - saved.Counts.Kept);
        Assert.Empty(SavedGate.Find(ml.Transforms.DataGate().ComputeImageMetrics(imageFolder: _data.Folder).Fit(rows)));
    }

    [Fact]
    public void Should_MatchSequentialRows_When_ReadThroughParallelCursors()
    {
        var (ml, rows, pipeline) = Pipeline();
        var scored = pipeline.Fit(rows).Transform(rows);
        var sequential = DataViewTable.Read(scored);
        var columns = DataViewTable.Columns(scored.Schema);
        var cursors = scored.GetRowCursorSet(columns, 4, new Random(1));
        var parallel = new System.Collections.Concurrent.ConcurrentBag<Dictionary<string, string>>();
        Parallel.ForEach(cursors, cursor =>
        {
            using (cursor)
            {
                var getters = columns.Select(c => (c.Name, Get: DataViewTable.Getter(cursor, c))).ToList();
                while (cursor.MoveNext())
                {
                    parallel.Add(getters.ToDictionary(g => g.Name, g => g.Get()));
                }
            }
        });

        AssertSame(
            sequential.OrderBy(r => r[nameof(FaceRow.ImagePath)], StringComparer.Ordinal).ToList(),
            parallel.OrderBy(r => r[nameof(FaceRow.ImagePath)], StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Should_JudgeOneRow_When_UsedInPredictionEngine()
    {
        var (ml, rows, pipeline) = Pipeline();
        var model = pipeline.Fit(rows);
        string zip = Path.Combine(_data.Folder, "engine.zip");
        ml.Model.Save(model, rows.Schema, zip);
        var fresh = new MLContext();
        var engine = fresh.Model.CreatePredictionEngine<FaceRow, Verdict>(fresh.Model.Load(zip, out _));

        var copy = engine.Predict(new FaceRow { ImagePath = "img03.png" });
        Assert.False(copy.DataGateKept);
        Assert.Equal("duplicates.exact", copy.DataGateReason);
        var dark = engine.Predict(new FaceRow { ImagePath = _data.Noise("late-dark.png", seed: 5, brightness: 5) });
        Assert.False(dark.DataGateKept);
        Assert.Equal("not-too-dark", dark.DataGateReason);
        var fine = engine.Predict(new FaceRow { ImagePath = "img05.png" });
        Assert.True(fine.DataGateKept);
        Assert.Equal(string.Empty, fine.DataGateError);
    }

    [Fact]
    public void Should_ListEveryDiagnostic_When_RuleFileIsInvalid()
    {
        string path = Path.Combine(_data.Folder, "bad.yml");
        File.WriteAllText(path, "version: 1\nquality:\n  - id: x\n    metric: no_such_metric\n    min: 1\n    actoin: exclude\n");
        var e = Assert.Throws<DataGateRulesException>(() => DataGateRules.Load(path));
        Assert.Contains(e.Diagnostics, d => d.Code == "DG1007");
        Assert.Contains(e.Diagnostics, d => d.Code == "DG1003");
        Assert.Contains("bad.yml(4,", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RejectWrongKeptType_When_FilteringKept()
    {
        var ml = new MLContext();
        var rows = ml.Data.LoadFromEnumerable(new[] { new NumberRow { ImagePath = 1 } });
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Data.DataGate().FilterKept(rows));
        Assert.Contains("'DataGateKept'", e.Message, StringComparison.Ordinal);
    }

    internal static void AssertSame(List<Dictionary<string, string>> expected, List<Dictionary<string, string>> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Keys.Order(StringComparer.Ordinal), actual[i].Keys.Order(StringComparer.Ordinal));
            foreach (var (key, value) in expected[i])
            {
                Assert.True(value == actual[i][key], $"row {i} column {key}: {value} vs {actual[i][key]}");
            }
        }
    }

    public sealed class NumberRow
    {
        public float ImagePath { get; set; }
    }

    public sealed class Verdict
    {
        public bool DataGateKept { get; set; }

        public string DataGateReason { get; set; } = string.Empty;

        public string DataGateError { get; set; } = string.Empty;
    }
}
