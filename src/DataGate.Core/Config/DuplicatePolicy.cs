using DataGate.Core.Diagnostics;

namespace DataGate.Core.Config;

/// <summary>What to do with one kind of duplicate (<c>duplicates.exact</c> or <c>duplicates.near</c>).</summary>
public sealed class DuplicatePolicy
{
    /// <summary>
    /// <see cref="RuleAction.Warn"/> reports the groups; <see cref="RuleAction.Exclude"/> keeps one member per group and
    /// excludes the others; <see cref="RuleAction.Fail"/> fails the gate when there is any group.
    /// </summary>
    public RuleAction Action { get; init; } = RuleAction.Warn;

    /// <summary>Which member stays (for exclude, and to name the original in reports).</summary>
    public KeepPolicy Keep { get; init; } = KeepPolicy.BestQuality;

    /// <summary>For near duplicates: the hash compared (<c>ahash</c>, <c>phash</c>, <c>dhash</c>, <c>whash</c>).</summary>
    public string Hash { get; init; } = "phash";

    /// <summary>For near duplicates: largest Hamming distance (0–32) that makes two images duplicates.</summary>
    public int MaxDistance { get; init; } = 4;

    /// <summary>For near duplicates: the second check that confirms a candidate pair (default: <see cref="NearConfirm.Both"/>).</summary>
    public NearConfirm Confirm { get; init; } = NearConfirm.Both;

    /// <summary>For near duplicates: largest dHash distance (0–64) of a confirmed pair (the mirrored dHash for a mirrored pair).</summary>
    public int ConfirmMaxDistance { get; init; } = 8;

    /// <summary>For near duplicates: smallest Pearson correlation (−1–1) of the 32×32 gray thumbnails of a confirmed pair.</summary>
    public double ConfirmMinCorrelation { get; init; } = 0.95;

    /// <summary>For near duplicates: also match each image against the horizontal mirror of the others (pHash and dHash only).</summary>
    public bool Mirror { get; init; } = true;

    /// <summary>
    /// For near duplicates: most candidate pairs examined per image (bounds the search on sets of look-alike images;
    /// reaching it is reported as DG2070).
    /// </summary>
    public int MaxCandidates { get; init; } = 64;

    /// <summary>For near duplicates: hash neighbours (default) or embedding similarity.</summary>
    public NearMethod Method { get; init; } = NearMethod.Hash;

    /// <summary>
    /// For <c>method: embedding</c>: full path of the ONNX image model (<c>model:</c>, relative to the rule file), e.g.
    /// ResNet18.onnx from the Microsoft.ML.DnnImageFeaturizer.ResNet18 package.
    /// </summary>
    public string? Model { get; init; }

    /// <summary>
    /// For <c>method: embedding</c>: full path of the preprocessing model (<c>preprocess:</c>; default
    /// <c>../ResNetPrepOnnx/ResNetPreprocess.onnx</c> beside the model, the package's layout).
    /// </summary>
    public string? Preprocess { get; init; }

    /// <summary>For <c>method: embedding</c>: smallest cosine similarity (0–1) of two near duplicates.</summary>
    public double MinSimilarity { get; init; } = 0.965;

    /// <summary>For <c>method: embedding</c>: exact or approximate neighbour search.</summary>
    public EmbeddingSearch Search { get; init; } = EmbeddingSearch.Auto;

    /// <summary>True when the method computes and compares embeddings (<c>embedding</c> or <c>both</c>).</summary>
    public bool UsesEmbedding => Method is NearMethod.Embedding or NearMethod.Both;

    /// <summary>Largest image count searched exactly under <see cref="EmbeddingSearch.Auto"/>.</summary>
    public const int ExactSearchLimit = 20_000;

    /// <summary>Position in the rule file, when configured there.</summary>
    public SourceSpan? Location { get; init; }
}
