using System.Text.Json;
using System.Text.Json.Nodes;

// Specs are built once per report: constant arrays in them cost nothing worth a static field each.
#pragma warning disable CA1861

namespace DataGate.Core.Reports.Html;

/// <summary>
/// Vega-Lite 6 specifications of report.html's charts. Data are pre-aggregated in .NET (bins, counts, correlations),
/// so a chart carries tens to hundreds of rows whatever the dataset's size, and the browser only draws.
/// </summary>
internal static class Specs
{
    private static readonly JsonSerializerOptions s_options = new() { PropertyNamingPolicy = null };

    public static JsonNode Node(object value) => JsonSerializer.SerializeToNode(value, s_options)!;

    /// <summary>Common top level: width, a config for a quiet look, the data rows.</summary>
    public static JsonObject Base(string title, object rows, int width = 520, int height = 200)
    {
        var spec = new JsonObject
        {
            ["$schema"] = "https://vega.github.io/schema/vega-lite/v6.json",
            ["title"] = title,
            ["width"] = width,
            ["height"] = height,
            ["data"] = new JsonObject { ["values"] = Node(rows) },
            ["config"] = Node(new { view = new { stroke = "#ddd" }, axis = new { labelFontSize = 11, titleFontSize = 11 }, legend = new { labelFontSize = 11 } }),
        };
        return spec;
    }

    /// <summary>
    /// Histogram of a metric: pre-computed bins (x0, x1, count, group), stacked by group when there is one; the ranges
    /// a rule excludes shaded; each threshold a red rule with its rule id.
    /// </summary>
    public static JsonObject Histogram(string metric, bool log, IReadOnlyList<object> bins, IReadOnlyList<object> shaded, IReadOnlyList<object> thresholds, string? groupField)
    {
        var spec = Base(metric + (log ? " (log scale)" : string.Empty), Array.Empty<object>());
        spec.Remove("data");
        var xScale = new { type = log ? "log" : "linear", zero = false, nice = false };
        var layers = new JsonArray();
        if (shaded.Count > 0)
        {
            layers.Add(Node(new
            {
                data = new { values = shaded },
                mark = new { type = "rect", color = "#d62728", opacity = 0.12 },
                encoding = new { x = new { field = "from", type = "quantitative", scale = xScale }, x2 = new { field = "to" } },
            }));
        }

        object color = groupField is null
            ? new { value = "#4c78a8" }
            : new { field = "group", type = "nominal", title = groupField, scale = new { scheme = "tableau10" } };
        layers.Add(Node(new
        {
            data = new { values = bins },
            mark = new { type = "rect", tooltip = true },
            encoding = new
            {
                x = new { field = "x0", type = "quantitative", title = metric, scale = xScale },
                x2 = new { field = "x1" },
                y = new { aggregate = "sum", field = "count", type = "quantitative", title = "images", stack = "zero" },
                color,
                opacity = new { condition = new { test = "datum.excluded", value = 0.45 }, value = 0.9 },
            },
        }));
        if (thresholds.Count > 0)
        {
            layers.Add(Node(new
            {
                data = new { values = thresholds },
                layer = new object[]
                {
                    new { mark = new { type = "rule", color = "#d62728", strokeWidth = 2 }, encoding = new { x = new { field = "value", type = "quantitative", scale = xScale } } },
                    new { mark = new { type = "text", color = "#d62728", align = "left", dx = 3, dy = -4, baseline = "top", y = 0 }, encoding = new { x = new { field = "value", type = "quantitative", scale = xScale }, text = new { field = "label" } } },
                },
            }));
        }

        spec["layer"] = layers;
        return spec;
    }

    /// <summary>Correlation heatmap of metrics (Pearson r, −1…1, diverging colours, value printed in each cell).</summary>
    public static JsonObject Heatmap(IReadOnlyList<object> cells, int n)
    {
        int side = Math.Clamp(n * 34, 200, 600);
        var spec = Base("Pearson correlation of the quality metrics (analysed images)", cells, side, side);
        spec["encoding"] = Node(new
        {
            x = new { field = "a", type = "nominal", title = (string?)null, sort = (object?)null },
            y = new { field = "b", type = "nominal", title = (string?)null, sort = (object?)null },
        });
        spec["layer"] = Node(new object[]
        {
            new { mark = new { type = "rect", tooltip = true }, encoding = new { color = new { field = "r", type = "quantitative", title = "r", scale = new { scheme = "redblue", domain = new[] { -1, 1 }, reverse = true } } } },
            new { mark = new { type = "text", fontSize = 9 }, encoding = new { text = new { field = "r", type = "quantitative", format = ".2f" }, color = new { condition = new { test = "abs(datum.r) > 0.6", value = "white" }, value = "black" } } },
        });
        return spec;
    }

    /// <summary>Grouped bars: x categories, one bar per group side by side.</summary>
    public static JsonObject GroupedBars(string title, IReadOnlyList<object> rows, string xTitle, string groupTitle, string yTitle = "images")
    {
        var spec = Base(title, rows);
        spec["mark"] = Node(new { type = "bar", tooltip = true });
        spec["encoding"] = Node(new
        {
            x = new { field = "x", type = "nominal", title = xTitle, sort = (object?)null },
            xOffset = new { field = "group" },
            y = new { field = "y", type = "quantitative", title = yTitle },
            color = new { field = "group", type = "nominal", title = groupTitle },
        });
        return spec;
    }

    /// <summary>Overlaid distributions (pre-binned, normalised per group) as lines: parity, age by gender.</summary>
    public static JsonObject Overlaid(string title, IReadOnlyList<object> rows, string xTitle, string groupTitle, string yTitle, bool log = false)
    {
        var spec = Base(title, rows);
        spec["mark"] = Node(new { type = "line", interpolate = "step-after", tooltip = true, strokeWidth = 2 });
        spec["encoding"] = Node(new
        {
            x = new { field = "x", type = "quantitative", title = xTitle, scale = new { type = log ? "log" : "linear", zero = false } },
            y = new { field = "y", type = "quantitative", title = yTitle },
            color = new { field = "group", type = "nominal", title = groupTitle },
        });
        return spec;
    }

    /// <summary>Observed shares of a balance rule's cells as bars (offending cells red), reference shares as ticks.</summary>
    public static JsonObject Shares(string title, IReadOnlyList<object> rows, bool hasReference)
    {
        var spec = Base(title, rows, Math.Clamp(rows.Count * 28, 240, 720), 180);
        var layers = new List<object>
        {
            new
            {
                mark = new { type = "bar", tooltip = true },
                encoding = new
                {
                    x = new { field = "key", type = "nominal", title = (string?)null, sort = (object?)null },
                    y = new { field = "share", type = "quantitative", title = "share of labelled kept images", axis = new { format = "%" } },
                    color = new { field = "status", type = "nominal", title = (string?)null, scale = new { domain = new[] { "ok", "offending" }, range = new[] { "#4c78a8", "#d62728" } } },
                },
            },
        };
        if (hasReference)
        {
            layers.Add(new
            {
                mark = new { type = "tick", color = "black", thickness = 3, size = 24 },
                encoding = new { x = new { field = "key", type = "nominal", sort = (object?)null }, y = new { field = "reference", type = "quantitative" } },
            });
        }

        spec["layer"] = Node(layers);
        return spec;
    }

    /// <summary>Normalised R/G/B intensity histograms, one panel per class (the EDA's colour-channel plot).</summary>
    public static JsonObject Channels(string title, IReadOnlyList<object> rows, string classField)
    {
        var spec = Base(title, rows, 300, 160);
        spec.Remove("width");
        spec.Remove("height");
        spec["facet"] = Node(new { column = new { field = "class", type = "nominal", title = classField } });
        spec["spec"] = Node(new
        {
            width = 300,
            height = 160,
            mark = new { type = "line", interpolate = "step-after", strokeWidth = 1.5 },
            encoding = new
            {
                x = new { field = "x", type = "quantitative", title = "intensity (0–255)", scale = new { domain = new[] { 0, 256 } } },
                y = new { field = "y", type = "quantitative", title = "share of pixels" },
                color = new { field = "channel", type = "nominal", scale = new { domain = new[] { "R", "G", "B" }, range = new[] { "#d62728", "#2ca02c", "#1f77b4" } } },
            },
        });
        return spec;
    }

    /// <summary>The counts as one horizontal stacked bar.</summary>
    public static JsonObject Counts(int kept, int excluded, int errored)
    {
        var rows = new object[] { new { what = "kept", n = kept, o = 0 }, new { what = "excluded", n = excluded, o = 1 }, new { what = "errored", n = errored, o = 2 } };
        var spec = Base("files", rows, 520, 28);
        spec["mark"] = Node(new { type = "bar", tooltip = true });
        spec["encoding"] = Node(new
        {
            x = new { field = "n", type = "quantitative", title = (string?)null, stack = "zero" },
            color = new { field = "what", type = "nominal", title = (string?)null, scale = new { domain = new[] { "kept", "excluded", "errored" }, range = new[] { "#54a24b", "#f58518", "#d62728" } } },
            order = new { field = "o" },
        });
        return spec;
    }
}
