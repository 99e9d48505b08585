using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>Options of <c>datagate init</c>.</summary>
public sealed class InitSettings : CommandSettings
{
    /// <summary>The dataset folder.</summary>
    [CommandArgument(0, "[DIR]")]
    [Description("The image folder to propose rules for. Default: the current folder.")]
    public string Directory { get; init; } = ".";

    /// <summary>Where to write the rule file.</summary>
    [CommandOption("-c|--config <PATH>")]
    [Description("Rule file to write. Default: datagate.yml in the current folder.")]
    [DefaultValue("datagate.yml")]
    public string Config { get; init; } = "datagate.yml";

    /// <summary>Overwrite an existing rule file.</summary>
    [CommandOption("--force")]
    [Description("Overwrite the rule file if it exists.")]
    public bool Force { get; init; }

    /// <summary>No progress bar.</summary>
    [CommandOption("--no-progress")]
    [Description(ProgressRunner.NoProgressDescription)]
    public bool NoProgress { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Directory) ? ValidationResult.Error("DIR must not be empty") :
        string.IsNullOrWhiteSpace(Config) ? ValidationResult.Error("--config needs a path") : ValidationResult.Success();
}
