using DataGate.Core.Statistics;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Statistics;

public class CrossTabTests
{
    [Theory]
    [InlineData("age_bin_by_gender.csv", "age_bin")]
    [InlineData("race_by_gender.csv", "race")]
    public void Should_MatchPandasCrosstab_When_LabelsTabulatedByGender(string file, string key)
    {
        string?[] rowKeys = key == "race" ? LabelsFixture.Races : Binning.AgeDecades.Assign(LabelsFixture.Ages);
        IReadOnlyList<string>? rowOrder = key == "race" ? null : Binning.AgeDecades.Labels;

        var table = CrossTab.Compute(rowKeys, LabelsFixture.Genders, rowOrder, ["Male", "Female"]);
        var golden = LabelsFixture.Table(file);

        var rows = table.CountRows();
        Assert.Equal(golden.Select(r => r[key]), rows.Select(r => r.Statistic));
        string[] columns = ["Male", "Female", CrossTab.TotalColumn];
        for (int r = 0; r < rows.Count; r++)
        {
            Assert.Equal(columns.Select(c => Golden.Number(golden[r][c])), rows[r].Values);
        }

        Assert.Equal(0, table.Missing);
        Assert.Equal(LabelsFixture.Rows.Count, table.Total);
    }

    [Fact]
    public void Should_SortKeysAndCountMissing_When_NoOrderGiven()
    {
        string?[] rows = ["b", "a", "b", null, "a", "c"];
        string?[] cols = ["x", "y", "y", "x", null, "x"];

        var table = CrossTab.Compute(rows, cols);

        Assert.Equal(["a", "b", "c"], table.RowLabels);
        Assert.Equal(["x", "y"], table.ColumnLabels);
        Assert.Equal(2, table.Missing);
        Assert.Equal(4, table.Total);
        Assert.Equal(0, table.Count(0, 0));
        Assert.Equal(1, table.Count(0, 1));
        Assert.Equal(2, table.RowTotal(1));
        Assert.Equal(2, table.ColumnTotal(0));
        Assert.Equal(0.25, table.Share(1, 0));
        Assert.Equal(0.5, table.ColumnShare(1, 0));
        Assert.Equal(0.5, table.RowShare(1, 1));
        Assert.Equal([0.0, 0.5, 0.25], table.ShareRows()[0].Values);
    }

    [Fact]
    public void Should_KeepEmptyRowsAndDropUnlisted_When_OrderGiven()
    {
        var table = CrossTab.Compute(["a", "z"], ["x", "x"], ["a", "b"], ["x"]);

        Assert.Equal(["a", "b"], table.RowLabels);
        Assert.Equal(1, table.Missing);
        Assert.True(double.IsNaN(table.RowShare(1, 0)));
        Assert.Throws<ArgumentException>(() => CrossTab.Compute(["a"], ["x"], ["a", "a"], null));
    }
}
