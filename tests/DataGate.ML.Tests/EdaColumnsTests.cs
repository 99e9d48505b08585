using DataGate.Core.Analysis;
using Microsoft.ML;

namespace DataGate.ML.Tests;

/// <summary>The opt-in eda_* family: columns only when selected or read by the rules, equal to Core's values.</summary>
public sealed class EdaColumnsTests : IDisposable
{
    private readonly TestData _data = new();

    public void Dispose() => _data.Dispose();

    private static IEnumerable<MetricDefinition> Eda => MetricCatalog.All.Where(m => m.Family == MetricFamilies.Eda);

    [Fact]
    public void Should_HaveNoEdaColumns_When_DefaultMetricsAreSelected()
    {
        var ml = new MLContext(seed: 1);
        var rows = ml.Data.LoadFromEnumerable(TestData.Rows);
        var schema = ml.Transforms.DataGate().ComputeImageMetrics(imageFolder: _data.Folder).Fit(rows).Transform(rows).Schema;
        Assert.All(Eda, m => Assert.Null(schema.GetColumnOrNull(m.Name)));
        Assert.NotNull(schema.GetColumnOrNull("laplacian_variance"));
    }

    [Fact]
    public void Should_AddEdaColumnsEqualToCore_When_EdaFamilyIsSelected()
    {
        var ml = new MLContext(seed: 1);
        var rows = ml.Data.LoadFromEnumerable(TestData.Rows);
        var estimator = ml.Transforms.DataGate().ComputeImageMetrics(imageFolder: _data.Folder, metrics: "default,eda");
        var shape = estimator.GetOutputSchema(Shapes.Of(rows.Schema)).Select(c => c.Name).ToHashSet();
        var table = DataViewTable.Read(estimator.Fit(rows).Transform(rows));

        var core = new ImageMeasurer(selection: MetricSelection.Of("default", "eda"));
        Assert.All(Eda, m => Assert.Contains(m.Name, shape));
        Assert.All(MetricCatalog.All, m => Assert.Contains(m.Name, table[0].Keys));
        foreach (var row in table)
        {
            string path = row[nameof(FaceRow.ImagePath)];
            var record = core.MeasureFile(Path.Combine(_data.Folder, path), path);
            foreach (var metric in Eda)
            {
                Assert.Equal(((float)record[metric]).ToString("R", System.Globalization.CultureInfo.InvariantCulture), row[metric.Name]);
            }
        }

        Assert.Contains(table, r => r["eda_laplacian_variance"] != "NaN");
        Assert.Equal("NaN", table.Single(r => r[nameof(FaceRow.ImagePath)] == "broken.png")["eda_brisque"]);
    }

    [Fact]
    public void Should_ComputeOnlyTheEdaMetricsRead_When_RulesUseOne()
    {
        string path = Path.Combine(_data.Folder, "eda.yml");
        File.WriteAllText(path, "version: 1\nquality:\n  - id: notebook-sharpness\n    metric: eda_laplacian_variance\n    min: 17.44\n    action: exclude\n");
        var rules = DataGateRules.Load(path);
        var ml = new MLContext(seed: 1);
        var rows = ml.Data.LoadFromEnumerable(TestData.Rows);
        var model = ml.Transforms.DataGate().ComputeImageMetrics(rules, imageFolder: _data.Folder).Append(ml.Transforms.DataGate().Gate(rules)).Fit(rows);
        var table = DataViewTable.Read(model.Transform(rows));

        Assert.All(table.Where(r => r[DataGateColumns.Error].Length == 0), r => Assert.NotEqual("NaN", r["eda_laplacian_variance"]));
        Assert.All(table, r => Assert.Equal("NaN", r["eda_brisque"]));
        Assert.Contains(table, r => r[DataGateColumns.Kept] == "true");

        string zip = Path.Combine(_data.Folder, "eda.zip");
        ml.Model.Save(model, rows.Schema, zip);
        var fresh = new MLContext(seed: 2);
        GateWorkoutTests.AssertSame(table, DataViewTable.Read(fresh.Model.Load(zip, out _).Transform(fresh.Data.LoadFromEnumerable(TestData.Rows))));
    }
}
