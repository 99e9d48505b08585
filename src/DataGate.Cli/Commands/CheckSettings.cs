using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>Options of <c>datagate check</c>.</summary>
public sealed class CheckSettings : CommandSettings
{
    /// <summary>Rule file path.</summary>
    [CommandOption("-c|--config <PATH>")]
    [Description("Rule file. Default: datagate.yml in the current folder.")]
    [DefaultValue("datagate.yml")]
    public string Config { get; init; } = "datagate.yml";

    /// <summary>Output folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Folder for report.json, summary.md, metrics.csv, kept.csv. Default: artifacts/datagate.")]
    [DefaultValue("artifacts/datagate")]
    public string Out { get; init; } = "artifacts/datagate";

    /// <summary>Analysis cache folder, or null for none.</summary>
    [CommandOption("--cache <DIR>")]
    [Description("Folder of the per-image analysis cache: unchanged images are not decoded again. Default: no cache.")]
    public string? Cache { get; init; }

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
    [Description("Do not show the progress bar.")]
    public bool NoProgress { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Config) ? ValidationResult.Error("--config needs a path") :
        string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out needs a folder") : DecodeEngineOption.Validate(DecodeEngine);
}
