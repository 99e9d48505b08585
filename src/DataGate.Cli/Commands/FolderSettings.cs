using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>
/// Options shared by the verbs that read a folder of images without a rule file (<c>datagate metrics</c>,
/// <c>datagate duplicates</c>): the <c>&lt;DIR&gt;</c> argument, which must be an existing folder.
/// </summary>
/// <remarks>
/// Only an argument, or an option that comes first in every deriving verb's help, belongs in a base settings class:
/// Spectre lists a base class's options before the derived class's own, so moving <c>--no-progress</c> or
/// <c>--decode-engine</c> here would reorder the verbs' help and StrictUsage's option lists. Those stay declared per
/// verb, with their help text and validation shared (<see cref="ProgressRunner.NoProgressDescription"/>,
/// <see cref="DecodeEngineOption"/>).
/// </remarks>
public abstract class FolderSettings : CommandSettings
{
    /// <summary>Folder of images.</summary>
    [CommandArgument(0, "<DIR>")]
    [Description("Folder of images (searched recursively).")]
    public string Directory { get; init; } = string.Empty;

    /// <summary>Checks that <see cref="Directory"/> exists; a derived verb checks its own options after this succeeds.</summary>
    /// <returns>Success, or the usage error naming the folder.</returns>
    public override ValidationResult Validate() =>
        System.IO.Directory.Exists(Directory) ? ValidationResult.Success() : ValidationResult.Error($"folder '{Directory}' does not exist");
}
