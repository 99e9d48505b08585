using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>
/// Options shared by the verbs that read a folder of images without a rule file (<c>datagate metrics</c>,
/// <c>datagate duplicates</c>): the <c>&lt;DIR&gt;</c> argument, which must be an existing folder.
/// </summary>
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
