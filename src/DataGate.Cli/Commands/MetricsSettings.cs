using System.ComponentModel;
using DataGate.Core.Analysis;
using DataGate.Core.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>Options of <c>datagate metrics</c>.</summary>
public sealed class MetricsSettings : FolderSettings
{
    /// <summary>CSV path.</summary>
    [CommandOption("-o|--out <FILE>")]
    [Description("CSV file to write. Default: metrics.csv.")]
    [DefaultValue("metrics.csv")]
    public string Out { get; init; } = "metrics.csv";

    /// <summary>Metric selection: comma-separated families, metric or column names.</summary>
    [CommandOption("--metrics <LIST>")]
    [Description("What to compute: comma-separated families (default, all, header, quality, brisque, dataset, hashes, eda) and metric or column names. Default: default. Example: default,eda.")]
    [DefaultValue("default")]
    public string Metrics { get; init; } = "default";

    /// <summary>The parsed <see cref="Metrics"/>; valid after <see cref="Validate"/> succeeded.</summary>
    public MetricSelection Selection => MetricSelection.Of(Names(Metrics));

    /// <summary>JPEG decode engine name, or null for the rule file's.</summary>
    [CommandOption("--decode-engine <NAME>")]
    [Description(DecodeEngineOption.Description)]
    public string? DecodeEngine { get; init; }

    /// <summary>No progress bar.</summary>
    [CommandOption("--no-progress")]
    [Description(ProgressRunner.NoProgressDescription)]
    public bool NoProgress { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (base.Validate() is { Successful: false } folder)
        {
            return folder;
        }

        var names = Names(Metrics);
        var unknown = names.Where(n => !MetricSelection.IsKnown(n)).ToList();
        if (names.Count == 0 || unknown.Count > 0)
        {
            var families = string.Join(", ", new[] { MetricFamilies.Default, MetricFamilies.All }.Concat(MetricCatalog.All.Select(m => m.Family)).Distinct(StringComparer.Ordinal));
            return ValidationResult.Error($"{DiagnosticCodes.UnknownMetricSelection.Code}: --metrics: unknown name(s) {string.Join(", ", unknown.Select(n => $"'{n}'"))}; use families ({families}) or metric/column names as in metrics.csv");
        }

        return DecodeEngineOption.Validate(DecodeEngine);
    }

    private static List<string> Names(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
