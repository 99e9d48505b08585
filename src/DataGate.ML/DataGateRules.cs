using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;

namespace DataGate.ML;

/// <summary>
/// The rules of a <c>datagate.yml</c> for ML.NET pipelines. <c>dataset:</c> is optional: the rows come from the
/// <c>IDataView</c>. The rule-file text is kept, so a fitted gate saves with the model and reloads without the file.
/// Immutable and thread-safe.
/// </summary>
public sealed class DataGateRules
{
    private DataGateRules(RuleSet ruleSet, string text, string path, string baseDirectory)
    {
        RuleSet = ruleSet;
        Text = text;
        Path = path;
        BaseDirectory = baseDirectory;
    }

    /// <summary>The Core rule set (what the CLI and the MSBuild task evaluate).</summary>
    public RuleSet RuleSet { get; }

    /// <summary>The rule file's path as given to <see cref="Load"/>; diagnostics name it.</summary>
    public string Path { get; }

    /// <summary>The rule-file text, saved with a fitted model.</summary>
    internal string Text { get; }

    /// <summary>Directory relative paths in the file resolve against.</summary>
    internal string BaseDirectory { get; }

    /// <summary>Loads and validates a rule file.</summary>
    /// <param name="path">Path of datagate.yml.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="DataGateRulesException">The file is missing or invalid; the exception lists every DG1xxx diagnostic with line and column.</exception>
    public static DataGateRules Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (ruleSet, diagnostics) = RuleSet.Load(path);
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (ruleSet is null || errors.Count > 0)
        {
            throw new DataGateRulesException(errors.Count > 0 ? errors : diagnostics);
        }

        string full = System.IO.Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataGateRulesException([DiagnosticCodes.ConfigNotFound.Create($"rule file '{path}' cannot be read: {ex.Message}", new SourceSpan(path, 0, 0))]);
        }

        return new DataGateRules(ruleSet, text, path, System.IO.Path.GetDirectoryName(full) ?? full);
    }

    /// <summary>
    /// Rebuilds rules from saved text (a reloaded model). An embedding model the rules name need not exist here: a
    /// reloaded gate never runs it (only <c>Gate.Fit</c> does).
    /// </summary>
    internal static DataGateRules FromText(string text, string path, string baseDirectory)
    {
        var load = ConfigLoader.Parse(text, path, baseDirectory, requireDataset: false, embeddingFilesMustExist: false);
        var errors = load.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (load.Config is null || errors.Count > 0)
        {
            throw new DataGateRulesException(errors.Count > 0 ? errors : load.Diagnostics);
        }

        return new DataGateRules(RuleSet.FromConfig(load.Config), text, path, baseDirectory);
    }
}
