using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>Options of <c>datagate metrics</c>.</summary>
public sealed class MetricsSettings : CommandSettings
{
    /// <summary>Folder of images.</summary>
    [CommandArgument(0, "<DIR>")]
    [Description("Folder of images (searched recursively).")]
    public string Directory { get; init; } = string.Empty;

    /// <summary>CSV path.</summary>
    [CommandOption("-o|--out <FILE>")]
    [Description("CSV file to write. Default: metrics.csv.")]
    [DefaultValue("metrics.csv")]
    public string Out { get; init; } = "metrics.csv";

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
        System.IO.Directory.Exists(Directory) ? DecodeEngineOption.Validate(DecodeEngine) : ValidationResult.Error($"folder '{Directory}' does not exist");
}
