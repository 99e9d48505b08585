using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Labels;
using DataGate.Core.Reports;
using DataGate.Core.Statistics;
using Spectre.Console;

namespace DataGate.Cli.Rendering;

/// <summary>Prints <see cref="BalanceTables"/> as Spectre tables.</summary>
internal static class StatsRenderer
{
    public static void Render(IAnsiConsole console, BalanceTables tables, int top, bool all)
    {
        console.MarkupLineInterpolated($"[bold]{tables.Images} kept images[/] (after exclusions)");
        var coverage = new Table().Border(TableBorder.Rounded).Title("fields without a usable value");
        coverage.AddColumn("field");
        coverage.AddColumn(new TableColumn("missing").RightAligned());
        coverage.AddColumn(new TableColumn("undeclared / unbinned").RightAligned());
        foreach (var c in tables.Coverage)
        {
            coverage.AddRow(Markup.Escape(c.Field), N(c.Missing), N(c.Invalid));
        }

        console.Write(coverage);
        if (tables.Balance.Count + tables.Parity.Count > 0)
        {
            var rules = new Table().Border(TableBorder.Rounded).Title("balance and parity rules");
            rules.AddColumn("rule");
            rules.AddColumn("checks");
            rules.AddColumn("status");
            rules.AddColumn(new TableColumn("observed").RightAligned());
            foreach (var b in tables.Balance)
            {
                rules.AddRow(Markup.Escape(b.Rule.Id), Markup.Escape(b.Rule.Describe()), Status(b.Passed, b.Rule.Action), N(b.Observed));
            }

            foreach (var p in tables.Parity)
            {
                rules.AddRow(Markup.Escape(p.Rule.Id), Markup.Escape(p.Rule.Describe()), Status(p.Passed, p.Rule.Action), N(p.Observed));
            }

            console.Write(rules);
        }

        foreach (var s in tables.FieldSummaries)
        {
            console.Write(Summary(s));
        }

        foreach (var x in tables.CrossTabs)
        {
            console.Write(Cross(x));
        }

        foreach (var s in tables.MetricSummaries.Where(s => all || !s.By.EndsWith("_bin", StringComparison.Ordinal) && s.By != TextColumns.SkinTone))
        {
            console.Write(Summary(s));
        }

        if (tables.CueScan.Count > 0)
        {
            var scan = new Table().Border(TableBorder.Rounded).Title("strongest metric cues (report only)");
            scan.AddColumn("metric");
            scan.AddColumn("field");
            scan.AddColumn("groups");
            scan.AddColumn(new TableColumn("n").RightAligned());
            scan.AddColumn(new TableColumn("Cohen's d").RightAligned());
            scan.AddColumn(new TableColumn("KS").RightAligned());
            scan.AddColumn(new TableColumn("AUC").RightAligned());
            foreach (var e in tables.CueScan.Take(top))
            {
                var p = e.Strongest;
                scan.AddRow(Markup.Escape(e.Metric), Markup.Escape(e.Field), Markup.Escape($"{p.Higher} > {p.Lower}"), $"{p.Effects.CountA}/{p.Effects.CountB}", N(p.Effects.CohensD), N(p.Effects.KolmogorovSmirnov), N(p.Effects.Auc));
            }

            console.Write(scan);
        }
    }

    private static Table Summary(NamedSummary s)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"{s.Variable} by {s.By}");
        table.AddColumn("statistic");
        foreach (var c in s.Table.Columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(c)).RightAligned());
        }

        foreach (var row in s.Table.Rows())
        {
            table.AddRow([Markup.Escape(row.Statistic), .. row.Values.Select(N)]);
        }

        return table;
    }

    private static Table Cross(NamedCrossTab x)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"{x.Rows} × {x.Columns} (count, share of column)");
        table.AddColumn(Markup.Escape(x.Rows));
        foreach (var c in x.Table.ColumnLabels.Append(CrossTab.TotalColumn))
        {
            table.AddColumn(new TableColumn(Markup.Escape(c)).RightAligned());
        }

        var shares = x.Table.ShareRows();
        var counts = x.Table.CountRows();
        for (int r = 0; r < counts.Count; r++)
        {
            table.AddRow([Markup.Escape(counts[r].Statistic), .. counts[r].Values.Select((v, c) => $"{N(v)} ({P(shares[r].Values[c])})")]);
        }

        if (x.Table.Missing > 0)
        {
            table.Caption($"{x.Table.Missing} kept images lack a usable {x.Rows} or {x.Columns}");
        }

        return table;
    }

    private static string Status(bool passed, RuleAction action) => passed ? "[green]passed[/]" : action == RuleAction.Warn ? "[yellow]flagged[/]" : "[red]failed[/]";

    private static string N(double v) => double.IsNaN(v) ? string.Empty : double.IsPositiveInfinity(v) ? "inf" : v.ToString("G6", CultureInfo.InvariantCulture);

    private static string P(double v) => double.IsNaN(v) ? "–" : v.ToString("P1", CultureInfo.InvariantCulture);
}
