using DataGate.Core.Statistics;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Statistics;

public class GroupedSummaryTests
{
    [Fact]
    public void Should_MatchPandasTable_When_AgeGroupedByGender()
    {
        var table = GroupedSummary.Compute(LabelsFixture.Ages, LabelsFixture.Genders, ["Male", "Female"]);
        var golden = LabelsFixture.Table("age_by_gender.csv");

        Assert.Equal(["Male", "Female", "All"], table.Columns);
        var rows = table.Rows();
        Assert.Equal(golden.Select(r => r["statistic"]), rows.Select(r => r.Statistic));
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < table.Columns.Count; c++)
            {
                double expected = Golden.Number(golden[r][table.Columns[c]]);
                double actual = rows[r].Values[c];
                if (rows[r].Statistic == "Count")
                {
                    Assert.Equal(expected, actual);
                }
                else
                {
                    LabelsFixture.AssertRelative(expected, actual, 1e-9, $"{rows[r].Statistic}/{table.Columns[c]}");
                }
            }
        }
    }

    [Fact]
    public void Should_ExcludeNaNAndCountMissing_When_ValuesHaveNaN()
    {
        double[] values = [1, double.NaN, 2, 3, double.NaN, 10];
        string?[] groups = ["a", "a", "b", "a", "b", null];

        var table = GroupedSummary.Compute(values, groups, ["a", "b"]);

        Assert.Equal([2, 1, 4], table.Summaries.Select(s => s.Count));
        Assert.Equal([1, 1, 2], table.Summaries.Select(s => s.Missing));
        Assert.Equal(1, table.Ungrouped);
        Assert.Equal([0.5, 0.25, 1.0], table.Proportions);
        Assert.Equal(2.0, table.Summaries[0].Mean);
        Assert.Equal(4.0, table.Summaries[2].Mean);
    }

    [Fact]
    public void Should_Throw_When_GroupNamesRepeat()
    {
        Assert.Throws<ArgumentException>(() => GroupedSummary.Compute([1.0], ["a"], ["a", "a"]));
        Assert.Throws<ArgumentException>(() => GroupedSummary.Compute([1.0], ["a"], ["All"]));
        Assert.Throws<ArgumentException>(() => GroupedSummary.Compute([1.0, 2.0], ["a"], ["a"]));
    }
}
