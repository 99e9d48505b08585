using DataGate.Core.Rules;

namespace DataGate.Core.Reports;

/// <summary>One line of the report-only cue scan: the pair of groups a metric separates most strongly.</summary>
/// <param name="Metric">Metric name.</param>
/// <param name="Field">Category field name.</param>
/// <param name="Strongest">The pair with the largest AUC separation (then |Cohen's d|) (both groups at least <see cref="BalanceTables.MinScanGroup"/> images).</param>
/// <param name="PairsCompared">Pairs of groups compared.</param>
public sealed record CueScanEntry(string Metric, string Field, GroupPairEffect Strongest, int PairsCompared);
