using System.Globalization;
using System.Text.Json;
using DataGate.Core.Config;
using DataGate.Core.Rules;
using DataGate.Core.Statistics;

namespace DataGate.Core.Reports;

/// <summary>
/// The <c>balance</c> section of report.json and summary.md: balance and parity results, distribution tables and the
/// cue scan, all over the kept images (see <see cref="BalanceTables"/>).
/// </summary>
internal sealed class BalanceSection : ReportSection
{
    /// <summary>Cue-scan lines listed in summary.md (report.json lists all).</summary>
    public const int MaxScanLinesInMarkdown = 15;

    /// <summary>Creates the section for computed tables.</summary>
    public BalanceSection(BalanceTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        Tables = tables;
    }

    /// <summary>The tables written.</summary>
    public BalanceTables Tables { get; }

    /// <inheritdoc />
    public override string Name => "balance";

    /// <summary>Computes the tables of a run and wraps them in a section.</summary>
    public static BalanceSection Create(GateResult result) => new(BalanceTables.Compute(result));

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var t = Tables;
        var w = writer;
        w.WriteStartObject();
        w.WriteNumber("images", t.Images);
        w.WriteStartArray("coverage");
        foreach (var c in t.Coverage)
        {
            w.WriteStartObject();
            w.WriteString("field", c.Field);
            w.WriteNumber("missing", c.Missing);
            w.WriteNumber("invalid", c.Invalid);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("rules");
        foreach (var b in t.Balance)
        {
            WriteBalance(w, b);
        }

        foreach (var p in t.Parity)
        {
            WriteParity(w, p);
        }

        w.WriteEndArray();
        WriteSummaries(w, "field_summaries", t.FieldSummaries);
        w.WriteStartArray("crosstabs");
        foreach (var x in t.CrossTabs)
        {
            w.WriteStartObject();
            w.WriteString("rows", x.Rows);
            w.WriteString("columns", x.Columns);
            w.WriteNumber("total", x.Table.Total);
            w.WriteNumber("missing", x.Table.Missing);
            WriteStrings(w, "column_labels", [.. x.Table.ColumnLabels, CrossTab.TotalColumn]);
            WriteRows(w, "counts", x.Table.CountRows());
            WriteRows(w, "column_shares", x.Table.ShareRows());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteSummaries(w, "metric_summaries", t.MetricSummaries);
        w.WriteStartArray("cue_scan");
        foreach (var e in t.CueScan)
        {
            w.WriteStartObject();
            w.WriteString("metric", e.Metric);
            w.WriteString("field", e.Field);
            w.WriteNumber("pairs_compared", e.PairsCompared);
            WritePair(w, e.Strongest);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <inheritdoc />
    public override void WriteMarkdown(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var t = Tables;
        var w = writer;
        w.WriteLine("## Balance and parity");
        w.WriteLine();
        w.WriteLine($"Over the {t.Images} kept images (after exclusions). Images without a usable value stay in every total:");
        w.WriteLine();
        w.WriteLine("| field | missing | undeclared / unbinned |");
        w.WriteLine("|---|---:|---:|");
        foreach (var c in t.Coverage)
        {
            w.WriteLine($"| `{c.Field}` | {c.Missing} | {c.Invalid} |");
        }

        w.WriteLine();
        if (t.Balance.Count + t.Parity.Count > 0)
        {
            w.WriteLine("| rule | checks | status | observed | bound |");
            w.WriteLine("|---|---|---|---:|---:|");
            foreach (var b in t.Balance)
            {
                w.WriteLine($"| `{b.Rule.Id}` | {Esc(b.Rule.Describe())} | {Status(b.Passed, b.Rule.Action)} | {N(b.Observed)} | {Esc(b.Finding?.Threshold ?? Bound(b.Rule))} |");
            }

            foreach (var p in t.Parity)
            {
                w.WriteLine($"| `{p.Rule.Id}` | {Esc(p.Rule.Describe())} | {Status(p.Passed, p.Rule.Action)} | {N(p.Observed)} | ≤ {N(p.Rule.MaxEffect)} |");
            }

            w.WriteLine();
        }

        foreach (var p in t.Parity)
        {
            w.WriteLine($"### Parity `{p.Rule.Id}`: {p.Rule.Metric} across {p.Rule.Across}");
            w.WriteLine();
            if (p.Pairs.Count == 0)
            {
                w.WriteLine($"No two {p.Rule.Across} groups have a defined {p.Rule.Metric}; nothing was compared.");
                w.WriteLine();
                continue;
            }

            w.WriteLine("| higher | lower | n | Cohen's d | KS | AUC |");
            w.WriteLine("|---|---|---:|---:|---:|---:|");
            foreach (var pair in p.Pairs)
            {
                w.WriteLine($"| {pair.Higher} | {pair.Lower} | {pair.Effects.CountA}/{pair.Effects.CountB} | {N(pair.Effects.CohensD)} | {N(pair.Effects.KolmogorovSmirnov)} | {N(pair.Effects.Auc)} |");
            }

            w.WriteLine();
        }

        foreach (var s in t.FieldSummaries.Concat(t.MetricSummaries))
        {
            w.WriteLine($"### {s.Variable} by {s.By}");
            w.WriteLine();
            WriteTable(w, "statistic", [.. s.Table.Columns], s.Table.Rows(), N);
        }

        foreach (var x in t.CrossTabs)
        {
            w.WriteLine($"### {x.Rows} × {x.Columns} (count, share of column)");
            w.WriteLine();
            var counts = x.Table.CountRows();
            var shares = x.Table.ShareRows();
            WriteTable(w, x.Rows, [.. x.Table.ColumnLabels, CrossTab.TotalColumn], counts, null, shares);
            if (x.Table.Missing > 0)
            {
                w.WriteLine($"{x.Table.Missing} kept images lack a usable {x.Rows} or {x.Columns}.");
                w.WriteLine();
            }
        }

        if (t.CueScan.Count > 0)
        {
            w.WriteLine("### Strongest metric cues (report only)");
            w.WriteLine();
            w.WriteLine("| metric | field | groups | n | Cohen's d | KS | AUC |");
            w.WriteLine("|---|---|---|---:|---:|---:|---:|");
            foreach (var e in t.CueScan.Take(MaxScanLinesInMarkdown))
            {
                var p = e.Strongest;
                w.WriteLine($"| `{e.Metric}` | `{e.Field}` | {p.Higher} > {p.Lower} | {p.Effects.CountA}/{p.Effects.CountB} | {N(p.Effects.CohensD)} | {N(p.Effects.KolmogorovSmirnov)} | {N(p.Effects.Auc)} |");
            }

            w.WriteLine();
        }
    }

    private static void WriteTable(TextWriter w, string corner, IReadOnlyList<string> columns, IReadOnlyList<StatisticRow> rows, Func<double, string>? format, IReadOnlyList<StatisticRow>? shares = null)
    {
        w.WriteLine($"| {Esc(corner)} | {string.Join(" | ", columns.Select(Esc))} |");
        w.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---:|", columns.Count)));
        for (int r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].Values.Select((v, c) => shares is null ? format!(v) : $"{N(v)} ({P(shares[r].Values[c])})");
            w.WriteLine($"| {Esc(rows[r].Statistic)} | {string.Join(" | ", cells)} |");
        }

        w.WriteLine();
    }

    private static void WriteBalance(Utf8JsonWriter w, BalanceRuleResult b)
    {
        w.WriteStartObject();
        w.WriteString("id", b.Rule.Id);
        w.WriteString("kind", "balance");
        w.WriteString("check", b.Rule.Kind switch
        {
            BalanceRuleKind.MinShare => "min_share",
            BalanceRuleKind.MinCount => "min_count",
            BalanceRuleKind.MaxRatio => "max_ratio",
            _ => b.Rule.Distance switch { DistanceMeasure.TotalVariation => "total_variation", DistanceMeasure.KullbackLeibler => "kl", _ => "chi2_p_value" },
        });
        WriteStrings(w, "fields", b.Rule.Fields);
        Common(w, b.Rule.Describe(), b.Rule.Location, b.Rule.Action, b.Passed, b.Observed, b.Rule.Bound);
        w.WriteNumber("total", b.Total);
        w.WriteNumber("labelled", b.Labelled);
        if (b.Comparison is { } cmp)
        {
            ReportJsonWriter.WriteNumber(w, "total_variation", cmp.TotalVariation);
            ReportJsonWriter.WriteNumber(w, "kl", cmp.KullbackLeibler);
            ReportJsonWriter.WriteNumber(w, "chi2", cmp.ChiSquare.Statistic);
            ReportJsonWriter.WriteNumber(w, "chi2_p_value", cmp.ChiSquare.PValue);
        }

        w.WriteStartArray("cells");
        foreach (var c in b.Cells)
        {
            w.WriteStartObject();
            w.WriteString("key", c.Key);
            w.WriteNumber("count", c.Count);
            ReportJsonWriter.WriteNumber(w, "share", c.Share);
            if (b.Comparison is not null)
            {
                ReportJsonWriter.WriteNumber(w, "reference_share", c.ReferenceShare);
            }

            w.WriteBoolean("offending", c.Offending);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteParity(Utf8JsonWriter w, ParityRuleResult p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Rule.Id);
        w.WriteString("kind", "parity");
        w.WriteString("metric", p.Rule.Metric);
        w.WriteString("across", p.Rule.Across);
        w.WriteString("measure", p.Rule.MeasureName);
        Common(w, p.Rule.Describe(), p.Rule.Location, p.Rule.Action, p.Passed, p.Observed, p.Rule.MaxEffect);
        w.WriteNumber("missing", p.Coverage.Missing);
        w.WriteNumber("invalid", p.Coverage.Invalid);
        w.WriteStartArray("pairs");
        foreach (var pair in p.Pairs)
        {
            w.WriteStartObject();
            WritePair(w, pair);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Common(Utf8JsonWriter w, string description, Diagnostics.SourceSpan location, RuleAction action, bool passed, double observed, double bound)
    {
        w.WriteString("description", description);
        w.WriteStartObject("location");
        w.WriteString("file", location.File);
        w.WriteNumber("line", location.Line);
        w.WriteNumber("column", location.Column);
        w.WriteEndObject();
        w.WriteString("action", action.ToString().ToLowerInvariant());
        w.WriteString("status", passed ? "passed" : action == RuleAction.Warn ? "flagged" : "failed");
        ReportJsonWriter.WriteNumber(w, "observed", observed);
        ReportJsonWriter.WriteNumber(w, "bound", bound);
    }

    private static void WritePair(Utf8JsonWriter w, GroupPairEffect p)
    {
        w.WriteString("higher", p.Higher);
        w.WriteString("lower", p.Lower);
        w.WriteNumber("n_higher", p.Effects.CountA);
        w.WriteNumber("n_lower", p.Effects.CountB);
        ReportJsonWriter.WriteNumber(w, "cohens_d", p.Effects.CohensD);
        ReportJsonWriter.WriteNumber(w, "ks", p.Effects.KolmogorovSmirnov);
        ReportJsonWriter.WriteNumber(w, "auc", p.Effects.Auc);
    }

    private static void WriteSummaries(Utf8JsonWriter w, string name, IReadOnlyList<NamedSummary> summaries)
    {
        w.WriteStartArray(name);
        foreach (var s in summaries)
        {
            w.WriteStartObject();
            w.WriteString("variable", s.Variable);
            w.WriteString("by", s.By);
            w.WriteNumber("ungrouped", s.Table.Ungrouped);
            WriteStrings(w, "columns", s.Table.Columns);
            WriteRows(w, "rows", s.Table.Rows());
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteRows(Utf8JsonWriter w, string name, IReadOnlyList<StatisticRow> rows)
    {
        w.WriteStartArray(name);
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("label", r.Statistic);
            w.WriteStartArray("values");
            foreach (var v in r.Values)
            {
                if (double.IsFinite(v))
                {
                    w.WriteNumberValue(v);
                }
                else
                {
                    w.WriteNullValue();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static string Bound(BalanceRule rule) => (rule.Kind is BalanceRuleKind.MaxRatio || (rule.Kind == BalanceRuleKind.Reference && rule.Distance != DistanceMeasure.ChiSquarePValue) ? "≤ " : "≥ ") + N(rule.Bound);

    private static string Status(bool passed, RuleAction action) => passed ? "passed" : action == RuleAction.Warn ? "flagged" : "**failed**";

    private static string N(double v) => double.IsNaN(v) ? string.Empty : double.IsPositiveInfinity(v) ? "inf" : v.ToString("G6", CultureInfo.InvariantCulture);

    private static string P(double v) => double.IsNaN(v) ? "–" : v.ToString("P1", CultureInfo.InvariantCulture);

    private static string Esc(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
