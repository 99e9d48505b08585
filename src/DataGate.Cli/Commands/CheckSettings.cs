using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>Options of <c>datagate check</c>.</summary>
public sealed class CheckSettings : RuleFileSettings
{
    /// <summary>Output folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Folder for report.json, summary.md, metrics.csv, kept.csv. Default: artifacts/datagate.")]
    [DefaultValue("artifacts/datagate")]
    public string Out { get; init; } = "artifacts/datagate";

    /// <summary>Analysis cache folder, or null for none.</summary>
    [CommandOption("--cache <DIR>")]
    [Description("Folder of the per-image analysis cache: unchanged images are not decoded again. Default: no cache.")]
    public string? Cache { get; init; }

    /// <summary>Folder of shards written by <c>datagate analyze</c>: the reduce of a sharded analysis.</summary>
    [CommandOption("--from <DIR>")]
    [Description("Read the measurements from the shards in this folder (written by datagate analyze) instead of analysing the dataset.")]
    public string? From { get; init; }

    /// <summary>List every finding.</summary>
    [CommandOption("-v|--verbose")]
    [Description("List every finding, including notes, and more images per finding.")]
    public bool Verbose { get; init; }

    /// <summary>JPEG decode engine name, or null for the rule file's.</summary>
    [CommandOption("--decode-engine <NAME>")]
    [Description(DecodeEngineOption.Description)]
    public string? DecodeEngine { get; init; }

    /// <summary>No progress bar.</summary>
    [CommandOption("--no-progress")]
    [Description(ProgressRunner.NoProgressDescription)]
    public bool NoProgress { get; init; }

    /// <summary>Write report.html (the default).</summary>
    [CommandOption("--html")]
    [Description("Write report.html beside report.json (the default).")]
    public bool Html { get; init; }

    /// <summary>Do not write report.html.</summary>
    [CommandOption("--no-html")]
    [Description("Do not write report.html.")]
    public bool NoHtml { get; init; }

    /// <summary>Worst offenders shown per rule in report.html.</summary>
    [CommandOption("--thumbnails <N>")]
    [Description("Worst offenders shown as thumbnails per rule in report.html, 0-500. Default: 12.")]
    public int? Thumbnails { get; init; }

    /// <summary>Thumbnail size in report.html.</summary>
    [CommandOption("--thumbnail-size <PX>")]
    [Description("Longest side of a report.html thumbnail in pixels, 16-512. Default: 96.")]
    public int? ThumbnailSize { get; init; }

    /// <summary>JUnit XML output path.</summary>
    [CommandOption("--junit <FILE>")]
    [Description("Also write a JUnit XML report: one test case per rule and one for the gate counts.")]
    public string? JUnit { get; init; }

    /// <summary>SARIF output path.</summary>
    [CommandOption("--sarif <FILE>")]
    [Description("Also write a SARIF 2.1.0 log: findings located at their rule in datagate.yml, for code-scanning UIs.")]
    public string? Sarif { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        base.Validate() is { Successful: false } config ? config :
        string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out needs a folder") :
        Html && NoHtml ? ValidationResult.Error("--html and --no-html contradict each other") :
        JUnit is not null && string.IsNullOrWhiteSpace(JUnit) ? ValidationResult.Error("--junit needs a file path") :
        Sarif is not null && string.IsNullOrWhiteSpace(Sarif) ? ValidationResult.Error("--sarif needs a file path") :
        JUnit is not null && Sarif is not null && Path.GetFullPath(JUnit) == Path.GetFullPath(Sarif) ? ValidationResult.Error("--junit and --sarif name the same file") :
        From is not null && Cache is not null ? ValidationResult.Error("--from and --cache cannot be combined: shards are already measured") :
        DecodeEngineOption.Validate(DecodeEngine);

    /// <summary>The report.html options these settings ask for, or null for none.</summary>
    public Core.Reports.HtmlReportOptions? HtmlOptions() => NoHtml ? null : new Core.Reports.HtmlReportOptions
    {
        ThumbnailsPerRule = Thumbnails ?? Core.Reports.HtmlReportOptions.Default.ThumbnailsPerRule,
        ThumbnailSize = ThumbnailSize ?? Core.Reports.HtmlReportOptions.Default.ThumbnailSize,
    };
}
