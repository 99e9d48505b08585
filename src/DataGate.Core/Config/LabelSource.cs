using System.Text.RegularExpressions;
using DataGate.Core.Diagnostics;

namespace DataGate.Core.Config;

/// <summary>How labels are read (<c>dataset.labels</c>).</summary>
public sealed class LabelSource
{
    /// <summary>No labels.</summary>
    public static LabelSource None { get; } = new() { Kind = LabelSourceKind.None };

    /// <summary>The source kind.</summary>
    public required LabelSourceKind Kind { get; init; }

    /// <summary>For <see cref="LabelSourceKind.FileName"/>: the pattern, matched against the file name (not the folder).</summary>
    public Regex? Pattern { get; init; }

    /// <summary>For <see cref="LabelSourceKind.Csv"/>: absolute path of the manifest.</summary>
    public string? CsvPath { get; init; }

    /// <summary>For <see cref="LabelSourceKind.Csv"/>: column holding the image path relative to the dataset root.</summary>
    public string CsvFileColumn { get; init; } = "file";

    /// <summary>For <see cref="LabelSourceKind.Csv"/>: the field separator, or null to detect it from the header (<c>,</c> <c>;</c> tab <c>|</c>).</summary>
    public char? CsvSeparator { get; init; }

    /// <summary>For <see cref="LabelSourceKind.Folder"/>: name of the field that receives the folder name.</summary>
    public string? FolderField { get; init; }

    /// <summary>Position of <c>labels:</c> in the rule file.</summary>
    public SourceSpan? Location { get; init; }
}
