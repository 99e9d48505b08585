namespace DataGate.Core.Diagnostics;

/// <summary>A position in a text file (the rule file or a CSV manifest), 1-based line and column.</summary>
/// <param name="File">Path of the file as the user gave it.</param>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public sealed record SourceSpan(string File, int Line, int Column)
{
    /// <summary>Formats as <c>file(line,col)</c>, the MSBuild/VS convention.</summary>
    public override string ToString() => Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)})" : File;
}
