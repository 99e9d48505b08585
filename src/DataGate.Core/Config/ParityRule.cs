using System.Globalization;
using DataGate.Core.Diagnostics;

namespace DataGate.Core.Config;

/// <summary>
/// A per-group quality parity rule: for every pair of groups of <see cref="Across"/>, the distribution of
/// <see cref="Metric"/> must not differ by more than <see cref="MaxEffect"/> (a shortcut a model could learn).
/// </summary>
public sealed class ParityRule
{
    /// <summary>Unique rule id (shared namespace with every other rule kind).</summary>
    public required string Id { get; init; }

    /// <summary>Metric name, one of <see cref="Analysis.MetricCatalog"/>.</summary>
    public required string Metric { get; init; }

    /// <summary>Category, bin or derived field whose groups are compared.</summary>
    public required string Across { get; init; }

    /// <summary>The effect measure bounded.</summary>
    public required EffectMeasure Measure { get; init; }

    /// <summary>Largest allowed effect: |d| ≥ 0, KS 0–1, or AUC separation 0.5–1.</summary>
    public required double MaxEffect { get; init; }

    /// <summary><see cref="RuleAction.Fail"/> (default) or <see cref="RuleAction.Warn"/>.</summary>
    public RuleAction Action { get; init; } = RuleAction.Fail;

    /// <summary>Optional sentence from the user; otherwise one is generated.</summary>
    public string? Description { get; init; }

    /// <summary>Position of the rule in the rule file.</summary>
    public required SourceSpan Location { get; init; }

    /// <summary>Name of the measure as written in datagate.yml.</summary>
    public string MeasureName => Measure switch
    {
        EffectMeasure.CohensD => "cohens_d",
        EffectMeasure.KolmogorovSmirnov => "ks",
        _ => "auc",
    };

    /// <summary>One sentence saying what the rule checks.</summary>
    public string Describe() => Description ??
        $"{Metric} must not separate any two {Across} groups: {MeasureName} at most {MaxEffect.ToString("G6", CultureInfo.InvariantCulture)}.";
}
