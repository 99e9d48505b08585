using System.IO.Hashing;
using System.Text;
using DataGate.Core.Config;
using DataGate.Core.Scanning;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DataGate.MSBuild;

/// <summary>
/// Lists the files a gate run reads (the dataset files the rule file selects, and a CSV label manifest) for the
/// up-to-date check of the <c>DataGateValidate</c> target. Never fails: a rule file that does not load lists nothing
/// and the validation reports why.
/// </summary>
public sealed class DataGateListInputs : DataGateTask
{
    /// <summary>Path of datagate.yml.</summary>
    [Required]
    public string ConfigFile { get; set; } = string.Empty;

    /// <summary>Full paths of the dataset files and the label manifest.</summary>
    [Output]
    public ITaskItem[] Inputs { get; private set; } = [];

    /// <summary>Absolute dataset root, or empty when the rule file did not load.</summary>
    [Output]
    public string DatasetRoot { get; private set; } = string.Empty;

    /// <summary>
    /// A hash of the selected relative paths: it changes when a file is added, removed or renamed (a removal makes
    /// no input newer, so the target writes this into a file that is itself an input).
    /// </summary>
    [Output]
    public string InputsHash { get; private set; } = string.Empty;

    /// <inheritdoc />
    protected override void ExecuteCore(CancellationToken cancellationToken)
    {
        var load = ConfigLoader.Load(ConfigFile);
        if (load.Config is not { } config)
        {
            Log.LogMessage(MessageImportance.Low, $"DataGate: '{ConfigFile}' does not load; DataGateValidate reports why.");
            return;
        }

        var scan = DatasetScanner.Scan(config.Dataset, cancellationToken);
        var items = new List<ITaskItem>(scan.Files.Count + 1);
        var hash = new XxHash64();
        foreach (var file in scan.Files)
        {
            items.Add(new TaskItem(file.FullPath));
            hash.Append(Encoding.UTF8.GetBytes(file.RelativePath + "\n"));
        }

        foreach (var (path, _) in scan.Refused)
        {
            hash.Append(Encoding.UTF8.GetBytes("!" + path + "\n"));
        }

        if (config.Dataset.Labels.CsvPath is { } csv)
        {
            items.Add(new TaskItem(Path.GetFullPath(csv)));
        }

        Inputs = [.. items];
        DatasetRoot = Path.GetFullPath(config.Dataset.Root);
        InputsHash = $"{hash.GetCurrentHashAsUInt64():x16}";
    }
}
