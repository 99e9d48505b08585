using DataGate.Core.Diagnostics;

namespace DataGate.Core.Scanning;

/// <summary>Files found under the dataset root, in ordinal order, and what was refused.</summary>
/// <param name="Files">Selected files, sorted by ordinal relative path.</param>
/// <param name="Refused">Matching paths that were not read (links leading out of the root), each with its diagnostic.</param>
/// <param name="Diagnostics">Problems with the scan itself (unreadable folders).</param>
public sealed record ScanResult(IReadOnlyList<ScannedFile> Files, IReadOnlyList<(string Path, Diagnostic Reason)> Refused, IReadOnlyList<Diagnostic> Diagnostics);
