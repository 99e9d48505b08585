using DataGate.Core.Diagnostics;

namespace DataGate.Core.Analysis;

/// <summary>The records of every selected file, in ordinal path order, and the diagnostics of scanning and labelling.</summary>
/// <param name="Records">One record per file that matched the globs (analysed or errored).</param>
/// <param name="Diagnostics">Scan, label and manifest diagnostics (per-file decode errors live on the records).</param>
public sealed record DatasetAnalysis(IReadOnlyList<ImageRecord> Records, IReadOnlyList<Diagnostic> Diagnostics);
