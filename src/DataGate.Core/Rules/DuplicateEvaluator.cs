using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Duplicates;

namespace DataGate.Core.Rules;

/// <summary>Turns duplicate groups into findings and exclusions according to <see cref="DuplicateSettings"/>.</summary>
internal static class DuplicateEvaluator
{
    public const string ExactRuleId = "duplicates.exact";
    public const string NearRuleId = "duplicates.near";
    public const string ConflictRuleId = "duplicates.label_conflicts";

    /// <summary>Judges the duplicate groups; writes nothing.</summary>
    /// <returns>The findings, and the (path, rule id) exclusions of copies whose policy is exclude, in group order.</returns>
    public static (List<Finding> Findings, List<(string Path, string RuleId)> Exclusions) Evaluate(DuplicateSettings settings, DuplicateReport report)
    {
        var findings = new List<Finding>();
        var exclusions = new List<(string Path, string RuleId)>();
        foreach (var kind in new[] { DuplicateKind.Exact, DuplicateKind.Near })
        {
            var policy = kind == DuplicateKind.Exact ? settings.Exact : settings.Near;
            var groups = report.Groups.Where(g => g.Kind == kind).ToList();
            if (policy is null || groups.Count == 0)
            {
                continue;
            }

            string ruleId = kind == DuplicateKind.Exact ? ExactRuleId : NearRuleId;
            var copies = new List<ImageValue>();
            foreach (var g in groups)
            {
                // Members joined through a mirrored pair, found in one pass over the group's pairs (a look-alike set can
                // hold hundreds of thousands of pairs, so no per-member scan).
                var mirrored = new HashSet<string>(StringComparer.Ordinal);
                if (kind == DuplicateKind.Near)
                {
                    foreach (var p in g.Pairs)
                    {
                        if (p.Mirrored)
                        {
                            mirrored.Add(p.First);
                            mirrored.Add(p.Second);
                        }
                    }
                }

                foreach (var m in g.Members.Where(m => m != g.Kept))
                {
                    string how = kind == DuplicateKind.Exact ? (g.ByteIdentical ? "same bytes as" : "same pixels as")
                        : g.MinSimilarity is { } cosine ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"embedding cosine ≥ {cosine:0.000} to")
                        : $"{report.NearHash} distance ≤ {g.MaxDistance}{(mirrored.Contains(m) ? " (mirrored)" : string.Empty)} to";
                    copies.Add(new ImageValue(m, kind == DuplicateKind.Exact ? 0 : g.MinSimilarity ?? g.MaxDistance, $"{how} '{g.Kept}' (kept), group {g.Id}"));
                    if (policy.Action == RuleAction.Exclude)
                    {
                        exclusions.Add((m, ruleId));
                    }
                }
            }

            var code = kind == DuplicateKind.Exact ? DiagnosticCodes.ExactDuplicate : DiagnosticCodes.NearDuplicate;
            var severity = policy.Action == RuleAction.Fail ? Severity.Error : Severity.Warning;
            string verb = policy.Action == RuleAction.Exclude ? "excluded" : "found";
            string what = kind == DuplicateKind.Exact ? "exact-duplicate"
                : report.NearMethod == NearMethod.Embedding ? $"near-duplicate ({ConfirmText(report)})"
                : $"near-duplicate ({report.NearHash} distance ≤ {report.NearRadius}{(report.NearMirror ? ", mirror-aware" : string.Empty)}, {ConfirmText(report)}{(report.NearMethod == NearMethod.Both ? $"; or {EmbeddingText(report)}" : string.Empty)})";
            findings.Add(new Finding
            {
                Diagnostic = code.Create(severity, $"{groups.Count} {what} group(s): {copies.Count} cop{(copies.Count == 1 ? "y" : "ies")} {verb}; the kept member of each is named", policy.Location, ruleId: ruleId),
                RuleDescription = $"{what} images: action {policy.Action.ToString().ToLowerInvariant()}, keep {policy.Keep}.",
                Observed = copies.Count,
                Images = copies,
            });
        }

        if (settings.Near is { } near)
        {
            findings.AddRange(SearchFindings(near, report));
        }

        if (settings.LabelConflicts is { } conflictAction)
        {
            var severity = conflictAction == RuleAction.Fail ? Severity.Error : Severity.Warning;
            foreach (var g in report.Groups.Where(g => g.ConflictingLabels.Count > 0))
            {
                var fields = string.Join(", ", g.ConflictingLabels.Keys);
                var images = g.Members.Select(m => new ImageValue(m, double.NaN, string.Join(", ", g.ConflictingLabels.Select(kv => $"{kv.Key}={kv.Value.GetValueOrDefault(m, "(none)")}")))).ToList();
                findings.Add(new Finding
                {
                    Diagnostic = DiagnosticCodes.LabelConflict.Create(severity, $"{g.Kind.ToString().ToLowerInvariant()} duplicate group {g.Id} ({g.Members.Count} images) disagrees on {fields}", settings.LabelConflictsLocation ?? settings.Location, ruleId: ConflictRuleId),
                    RuleDescription = "Members of one duplicate group must carry the same labels.",
                    Images = images,
                });
            }
        }

        return (findings, exclusions);
    }

    private static IEnumerable<Finding> SearchFindings(DuplicatePolicy near, DuplicateReport report)
    {
        if (report.NearCappedImages.Count > 0)
        {
            yield return new Finding
            {
                Diagnostic = DiagnosticCodes.NearCandidateCap.Create(
                    $"{report.NearCappedImages.Count} image(s) had more than max_candidates = {near.MaxCandidates} near-duplicate candidates (a set of look-alike images); only the first were examined, so their groups may be incomplete: raise max_candidates or lower max_distance",
                    near.Location,
                    ruleId: NearRuleId),
                RuleDescription = "The near-duplicate search examines at most max_candidates candidates per image.",
                Observed = report.NearCappedImages.Count,
                Images = report.NearCappedImages.Take(100).Select(p => new ImageValue(p, double.NaN, "candidate limit reached")).ToList(),
            };
        }

        if (report.NearUnconfirmedPairs > 0)
        {
            yield return new Finding
            {
                Diagnostic = DiagnosticCodes.NearUnconfirmed.Create(
                    $"{report.NearUnconfirmedPairs} of {report.NearCandidatePairs} candidate pair(s) within {report.NearHash} distance {report.NearRadius} were not confirmed ({ConfirmText(report)}) and do not count as near duplicates",
                    near.Location,
                    ruleId: NearRuleId),
                RuleDescription = "A near-duplicate candidate counts only when the confirmation check agrees.",
                Observed = report.NearUnconfirmedPairs,
            };
        }

        if (report.NearMissingEmbedding.Count > 0)
        {
            yield return new Finding
            {
                Diagnostic = DiagnosticCodes.EmbeddingMissing.Create(
                    $"{report.NearMissingEmbedding.Count} analysed image(s) have no embedding (the model failed on them, or it could not be loaded: DG3019); they are not searched for near duplicates",
                    near.Location,
                    ruleId: NearRuleId),
                RuleDescription = "method: embedding compares the images' CNN embeddings.",
                Observed = report.NearMissingEmbedding.Count,
                Images = report.NearMissingEmbedding.Take(100).Select(p => new ImageValue(p, double.NaN, "no embedding")).ToList(),
            };
        }

        if (report.NearMissingEvidence.Count > 0)
        {
            yield return new Finding
            {
                Diagnostic = DiagnosticCodes.NearEvidenceMissing.Create(
                    $"{report.NearMissingEvidence.Count} image(s) lack the mirrored hashes or the thumbnail that near-duplicate confirmation or mirror matching needs (measured without the hashes family?); their candidates are not confirmed",
                    near.Location,
                    ruleId: NearRuleId),
                RuleDescription = "Confirmation and mirror matching need the hashes family.",
                Observed = report.NearMissingEvidence.Count,
                Images = report.NearMissingEvidence.Take(100).Select(p => new ImageValue(p, double.NaN, "no confirmation evidence")).ToList(),
            };
        }
    }

    /// <summary>The confirmation rule in words, e.g. "dhash distance ≤ 10 and thumbnail correlation ≥ 0.95".</summary>
    internal static string ConfirmText(DuplicateReport report) => report.NearMethod == NearMethod.Embedding
        ? EmbeddingText(report)
        : report.NearConfirm switch
    {
        NearConfirm.Off => "confirmation off",
        NearConfirm.DHash => $"dhash distance ≤ {report.NearConfirmMaxDistance}",
        NearConfirm.Correlation => $"thumbnail correlation ≥ {report.NearConfirmMinCorrelation.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        _ => $"dhash distance ≤ {report.NearConfirmMaxDistance} and thumbnail correlation ≥ {report.NearConfirmMinCorrelation.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
    };

    /// <summary>The embedding rule in words, e.g. "embedding cosine similarity ≥ 0.95, exact search".</summary>
    internal static string EmbeddingText(DuplicateReport report) =>
        $"embedding cosine similarity ≥ {report.NearMinSimilarity.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {(report.NearApproximate ? "approximate" : "exact")} search";
}
