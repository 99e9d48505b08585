using DataGate.Core.Config;
using DataGate.Core.Statistics;

namespace DataGate.Core.Rules;

/// <summary>
/// How a metric differs between two groups, oriented so that <see cref="Higher"/> has the larger mean
/// (Cohen's d ≥ 0, AUC ≥ 0.5 means the higher group tends to have larger values).
/// </summary>
/// <param name="Higher">Group with the larger mean.</param>
/// <param name="Lower">The other group.</param>
/// <param name="Effects">Effect sizes of <paramref name="Higher"/> (A) against <paramref name="Lower"/> (B).</param>
public sealed record GroupPairEffect(string Higher, string Lower, TwoSampleEffects Effects)
{
    /// <summary>The effect as bounded by a parity rule: |d|, KS D, or AUC separation max(AUC, 1 − AUC); NaN when undefined.</summary>
    public double Measure(EffectMeasure measure) => measure switch
    {
        EffectMeasure.CohensD => Math.Abs(Effects.CohensD),
        EffectMeasure.KolmogorovSmirnov => Effects.KolmogorovSmirnov,
        _ => Math.Max(Effects.Auc, 1 - Effects.Auc),
    };
}
