namespace DataGate.Core.Reports;

/// <summary>One output file a run wrote.</summary>
/// <param name="Path">Path of the file as written (under the output folder).</param>
/// <param name="Kind">What it is.</param>
/// <param name="Name">For a <see cref="ReportFileKind.Split"/>, the split's name; for <see cref="ReportFileKind.Other"/>, the format (<c>html</c>, <c>junit</c>, <c>sarif</c>); otherwise null.</param>
public sealed record ReportFile(string Path, ReportFileKind Kind, string? Name = null);
