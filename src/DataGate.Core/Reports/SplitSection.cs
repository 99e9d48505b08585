using System.Globalization;
using System.Text.Json;
using DataGate.Core.Analysis;
using DataGate.Core.Rules;
using DataGate.Core.Splits;
using DataGate.Core.Statistics;

namespace DataGate.Core.Reports;

/// <summary>
/// The <c>splits</c> section of report.json and summary.md: counts and shares of every cell in every split against
/// overall, the largest deviation, groups kept together, folds, and the train-vs-test KS statistic of each quality metric.
/// </summary>
internal sealed class SplitSection : ReportSection
{
    private readonly GateResult _result;
    private readonly SplitPlan _plan;
    private readonly List<ImageRecord> _kept;

    private SplitSection(GateResult result, SplitPlan plan)
    {
        _result = result;
        _plan = plan;
        _kept = result.Kept.ToList();
    }

    /// <summary>The section, or null when the run has no splits.</summary>
    public static SplitSection? Create(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Splits is null ? null : new SplitSection(result, result.Splits);
    }

    /// <inheritdoc />
    public override string Name => "splits";

    /// <summary>The two splits compared by the KS statistics: <c>train</c> (else the first) and <c>test</c> (else the last).</summary>
    public (int Train, int Test) Compared
    {
        get
        {
            var names = _plan.Names;
            int train = names.ToList().IndexOf("train");
            int test = names.ToList().IndexOf("test");
            return (train < 0 ? 0 : train, test < 0 ? names.Count - 1 : test);
        }
    }

    /// <summary>Per quality metric with values, the KS statistic between the two compared splits and the sample sizes.</summary>
    public List<(string Metric, double Ks, int TrainN, int TestN, double TrainMedian, double TestMedian)> KsRows()
    {
        var (train, test) = Compared;
        var rows = new List<(string, double, int, int, double, double)>();
        foreach (var m in MetricCatalog.All.Where(m => m.Family == MetricFamilies.Quality || m.Family == MetricFamilies.Brisque))
        {
            var a = new List<double>();
            var b = new List<double>();
            for (int i = 0; i < _kept.Count; i++)
            {
                double v = _kept[i].Values[m.Index];
                if (double.IsNaN(v))
                {
                    continue;
                }

                if (_plan.SplitOf[i] == train)
                {
                    a.Add(v);
                }
                else if (_plan.SplitOf[i] == test)
                {
                    b.Add(v);
                }
            }

            if (a.Count == 0 || b.Count == 0)
            {
                continue;
            }

            rows.Add((m.Name, EffectSizes.KolmogorovSmirnov(a.ToArray(), b.ToArray()), a.Count, b.Count, Median(a), Median(b)));
        }

        return rows;
    }

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var settings = _result.Config.Splits!;
        var names = _plan.Names;
        var counts = _plan.Counts;
        int total = counts.Sum();
        w.WriteStartObject();
        w.WriteStartArray("names");
        foreach (var n in names)
        {
            w.WriteStringValue(n);
        }

        w.WriteEndArray();
        WriteMap(w, "ratios", names, _plan.Ratios);
        w.WriteStartArray("stratify_by");
        foreach (var f in settings.StratifyBy)
        {
            w.WriteStringValue(f);
        }

        w.WriteEndArray();
        w.WriteStartArray("group_by");
        w.WriteStringValue("duplicate_group");
        foreach (var f in settings.GroupBy)
        {
            w.WriteStringValue(f);
        }

        w.WriteEndArray();
        w.WriteNumber("seed", settings.Seed);
        w.WriteNumber("images", total);
        WriteMap(w, "counts", names, counts.Select(c => (double)c).ToList());
        WriteMap(w, "shares", names, counts.Select(c => total == 0 ? double.NaN : (double)c / total).ToList());
        w.WriteNumber("units", _plan.UnitCount);
        w.WriteNumber("groups_kept_together", _plan.GroupsKeptTogether);
        w.WriteNumber("images_in_groups", _plan.RowsInGroups);
        if (settings.LockPath is null)
        {
            w.WriteNull("lock");
        }
        else
        {
            w.WriteString("lock", settings.LockPathText);
        }

        w.WriteNumber("locked_images", _plan.LockedRows);
        w.WriteNumber("folds", _plan.Folds);
        if (_plan.Folds > 0)
        {
            w.WriteString("fold_split", names[_plan.FoldSplit]);
            w.WriteStartArray("fold_counts");
            for (int f = 0; f < _plan.Folds; f++)
            {
                w.WriteNumberValue(_plan.FoldOf.Count(x => x == f));
            }

            w.WriteEndArray();
        }

        w.WriteNumber("max_cell_deviation", settings.MaxCellDeviation);
        w.WriteNumber("min_cell_images", settings.MinCellImages);
        w.WriteString("action", settings.Action.ToString().ToLowerInvariant());
        w.WriteNumber("observed_max_deviation", _plan.MaxGatedDeviation);
        w.WriteString("status", _plan.Findings.Any(f => f.Diagnostic.Code == Diagnostics.DiagnosticCodes.SplitDeviation.Code) ? "failed" : "passed");
        w.WriteStartArray("cells");
        foreach (var c in _plan.Cells)
        {
            w.WriteStartObject();
            w.WriteString("cell", c.Stratum);
            w.WriteNumber("images", c.Images);
            w.WriteNumber("units", c.Units);
            w.WriteBoolean("pooled", c.Pooled);
            w.WriteBoolean("gated", c.Gated);
            WriteMap(w, "counts", names, c.Counts.Select(x => (double)x).ToList());
            WriteMap(w, "shares", names, c.Counts.Select(x => c.Images == 0 ? double.NaN : (double)x / c.Images).ToList());
            ReportJsonWriter.WriteNumber(w, "max_deviation", c.MaxDeviation);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        var (train, test) = Compared;
        w.WriteStartObject("distribution_shift");
        w.WriteString("from", names[train]);
        w.WriteString("to", names[test]);
        w.WriteStartArray("metrics");
        foreach (var (metric, ks, a, b, ma, mb) in KsRows())
        {
            w.WriteStartObject();
            w.WriteString("metric", metric);
            ReportJsonWriter.WriteNumber(w, "ks", ks);
            ReportJsonWriter.WriteNumber(w, "from_median", ma);
            ReportJsonWriter.WriteNumber(w, "to_median", mb);
            w.WriteNumber("from_images", a);
            w.WriteNumber("to_images", b);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <inheritdoc />
    public override void WriteMarkdown(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var settings = _result.Config.Splits!;
        var names = _plan.Names;
        var counts = _plan.Counts;
        int total = counts.Sum();
        w.WriteLine("## Splits");
        w.WriteLine();
        string strat = settings.StratifyBy.Count == 0 ? "not stratified" : "stratified by " + string.Join(" × ", settings.StratifyBy.Select(f => $"`{f}`"));
        w.WriteLine(Inv($"{total} kept images in {string.Join(", ", names.Select((n, s) => $"`{n}` {counts[s]} ({Pct(total == 0 ? double.NaN : (double)counts[s] / total)})"))}; {strat}; seed {settings.Seed}."));
        w.WriteLine(Inv($"Groups kept together: {_plan.GroupsKeptTogether} ({_plan.RowsInGroups} images; duplicate_group{string.Concat(settings.GroupBy.Select(g => ", " + g))}), {_plan.UnitCount} units in all."));
        if (settings.LockPath is not null)
        {
            w.WriteLine(Inv($"Lock `{settings.LockPathText}`: {_plan.LockedRows} images kept their locked split."));
        }

        if (_plan.Folds > 0)
        {
            w.WriteLine(Inv($"Folds of `{names[_plan.FoldSplit]}`: {string.Join(", ", Enumerable.Range(0, _plan.Folds).Select(f => $"{f}: {_plan.FoldOf.Count(x => x == f)}"))}."));
        }

        w.WriteLine(Inv($"Largest deviation of a gated cell (≥ {settings.MinCellImages} images): {_plan.MaxGatedDeviation * 100:0.00} points (gate {settings.MaxCellDeviation * 100:0.##}, {settings.Action.ToString().ToLowerInvariant()})."));
        w.WriteLine();
        w.WriteLine("| cell | images | " + string.Join(" | ", names) + " | max dev. |");
        w.WriteLine("|---|---:|" + string.Concat(names.Select(_ => "---:|")) + "---:|");
        w.WriteLine(Inv($"| **all** | {total} | {string.Join(" | ", names.Select((_, s) => $"{counts[s]} ({Pct(total == 0 ? double.NaN : (double)counts[s] / total)})"))} | |"));
        foreach (var c in _plan.Cells)
        {
            var label = (c.Stratum.Length == 0 ? "(one cell)" : c.Stratum.Replace("|", "\\|", StringComparison.Ordinal)) + (c.Pooled ? " ¹" : string.Empty);
            var dev = Inv($"{c.MaxDeviation * 100:0.0}") + (c.Gated ? string.Empty : " ²");
            w.WriteLine(Inv($"| {label} | {c.Images} | {string.Join(" | ", names.Select((_, s) => $"{c.Counts[s]} ({Pct(c.Images == 0 ? double.NaN : (double)c.Counts[s] / c.Images)})"))} | {dev} |"));
        }

        w.WriteLine();
        w.WriteLine("Shares are of the cell's images; max dev. is the largest |share − ratio| in points. ¹ too few groups to spread: balanced in the pooled remainder. ² below min_cell_images: not gated.");
        var ks = KsRows();
        if (ks.Count > 0)
        {
            var (train, test) = Compared;
            w.WriteLine();
            w.WriteLine(Inv($"Distribution shift `{names[train]}` → `{names[test]}` per quality metric (two-sample KS statistic; 0 = same distribution):"));
            w.WriteLine();
            w.WriteLine(Inv($"| metric | KS | median {names[train]} | median {names[test]} |"));
            w.WriteLine("|---|---:|---:|---:|");
            foreach (var (metric, value, _, _, ma, mb) in ks.OrderByDescending(x => x.Ks))
            {
                w.WriteLine(Inv($"| `{metric}` | {value:0.000} | {ma:G4} | {mb:G4} |"));
            }
        }
    }

    private static void WriteMap(Utf8JsonWriter w, string name, IReadOnlyList<string> keys, IReadOnlyList<double> values)
    {
        w.WriteStartObject(name);
        for (int i = 0; i < keys.Count; i++)
        {
            ReportJsonWriter.WriteNumber(w, keys[i], values[i]);
        }

        w.WriteEndObject();
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    private static string Pct(double share) => double.IsNaN(share) ? "–" : (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
