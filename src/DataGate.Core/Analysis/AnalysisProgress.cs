namespace DataGate.Core.Analysis;

/// <summary>Progress of a dataset analysis.</summary>
/// <param name="Done">Files analysed so far.</param>
/// <param name="Total">Files to analyse.</param>
public readonly record struct AnalysisProgress(int Done, int Total);
