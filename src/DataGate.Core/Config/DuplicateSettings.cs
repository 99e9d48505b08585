using DataGate.Core.Diagnostics;

namespace DataGate.Core.Config;

/// <summary>
/// Duplicate policy (<c>duplicates:</c>). Without the section: exact and near duplicates (pHash distance ≤ 4) and label
/// conflicts are reported as warnings.
/// </summary>
public sealed class DuplicateSettings
{
    /// <summary>Same decoded pixels (which includes byte-identical files); null when switched off.</summary>
    public DuplicatePolicy? Exact { get; init; } = new();

    /// <summary>Perceptual-hash neighbours; null when switched off.</summary>
    public DuplicatePolicy? Near { get; init; } = new();

    /// <summary>What a group whose members disagree on a label does: warn or fail; null when switched off.</summary>
    public RuleAction? LabelConflicts { get; init; } = RuleAction.Warn;

    /// <summary>Position of the section in the rule file, when configured there.</summary>
    public SourceSpan? Location { get; init; }

    /// <summary>Position of <c>label_conflicts</c>, when configured there.</summary>
    public SourceSpan? LabelConflictsLocation { get; init; }
}
