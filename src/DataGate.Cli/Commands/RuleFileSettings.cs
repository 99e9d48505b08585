using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>
/// Options shared by the verbs that read datagate.yml (<c>datagate check</c>, <c>split</c>, <c>stats</c>, <c>plan</c>):
/// <c>-c|--config</c>, the rule file, by default datagate.yml in the current folder.
/// </summary>
/// <remarks>What may move into a base settings class, and why the other shared options do not: see <see cref="FolderSettings"/>.</remarks>
public abstract class RuleFileSettings : CommandSettings
{
    /// <summary>Rule file path.</summary>
    [CommandOption("-c|--config <PATH>")]
    [Description("Rule file. Default: datagate.yml in the current folder.")]
    [DefaultValue("datagate.yml")]
    public string Config { get; init; } = "datagate.yml";

    /// <summary>Checks that <see cref="Config"/> names a path; a derived verb checks its own options after this succeeds.</summary>
    /// <returns>Success, or the usage error.</returns>
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Config) ? ValidationResult.Error("--config needs a path") : ValidationResult.Success();
}
