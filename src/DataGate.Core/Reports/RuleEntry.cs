using DataGate.Core.Diagnostics;

namespace DataGate.Core.Reports;

/// <summary>One rule of a run as the CI reports and report.html list it.</summary>
/// <param name="Id">Rule id (<c>duplicates.exact</c> etc. for the duplicate policies, <c>gate</c> for the gate limits).</param>
/// <param name="Kind">quality, balance, parity, duplicates or gate.</param>
/// <param name="Sentence">What the rule checks, in one sentence.</param>
/// <param name="Location">Its position in datagate.yml, when known.</param>
internal sealed record RuleEntry(string Id, string Kind, string Sentence, SourceSpan? Location);
