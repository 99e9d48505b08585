using System.Globalization;
using DataGate.Core.Rules;
using DataGate.Core.Splits;

namespace DataGate.Core.Reports;

/// <summary>
/// Writes one split manifest (<c>train.csv</c>, ...): <c>path</c>, the label columns of kept.csv, <c>group</c> (the
/// unit the image was kept together with: <c>g</c> + number), and <c>fold</c> when the split has folds.
/// </summary>
internal static class SplitCsvWriter
{
    public static void Write(TextWriter w, GateResult result, SplitPlan plan, int split)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(plan);
        var fields = KeptCsvWriter.LabelColumns(result);
        bool folds = plan.Folds > 0 && plan.FoldSplit == split;
        var header = fields.Prepend("path").Append("group");
        w.WriteLine(string.Join(',', folds ? header.Append("fold") : header));
        int i = 0;
        foreach (var r in result.Kept)
        {
            if (plan.SplitOf[i] == split)
            {
                var line = fields.Select(f => Csv.Field(r.Labels.GetValueOrDefault(f))).Prepend(Csv.Field(r.Path)).Append("g" + plan.UnitOf[i].ToString(CultureInfo.InvariantCulture));
                w.WriteLine(string.Join(',', folds ? line.Append(plan.FoldOf[i].ToString(CultureInfo.InvariantCulture)) : line));
            }

            i++;
        }
    }
}
