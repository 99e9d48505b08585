namespace DataGate.Core.Config;

/// <summary>The keys each section of datagate.yml accepts; a test keeps schema/datagate.schema.json in sync.</summary>
internal static class ConfigKeys
{
    public static readonly string[] TopKeys = ["version", "dataset", "fields", "quality", "gate", "limits", "decode", "brisque", "duplicates", "derived", "balance", "parity", "splits", "cleanvision"];

    public static readonly string[] DatasetKeys = ["root", "include", "exclude", "labels"];

    public static readonly string[] LabelKeys = ["filename", "csv", "folder"];

    public static readonly string[] CsvKeys = ["path", "file_column", "separator"];

    public static readonly string[] FieldKeys = ["type", "bins", "names"];

    public static readonly string[] RuleKeys = ["id", "metric", "min", "max", "action", "mostly", "severity", "description"];

    public static readonly string[] ThresholdKeys = ["percentile", "iqr_fence"];

    public static readonly string[] GateKeys = ["max_excluded_fraction", "max_errored_fraction", "min_images"];

    public static readonly string[] BrisqueKeys = ["model", "range"];

    public static readonly string[] DuplicateKeys = ["exact", "near", "label_conflicts"];

    public static readonly string[] ExactDuplicateKeys = ["action", "keep"];

    public static readonly string[] NearDuplicateKeys = ["action", "keep", "hash", "max_distance", "confirm", "confirm_max_distance", "confirm_min_correlation", "mirror", "max_candidates", "method", "model", "preprocess", "min_similarity", "search"];

    public static readonly string[] BalanceKeys = ["id", "field", "cross", "min_share", "min_count", "reference", "max_distance", "max_ratio", "action", "description"];

    public static readonly string[] DistanceKeys = ["total_variation", "kl", "chi2_p_value"];

    public static readonly string[] ParityKeys = ["id", "metric", "across", "max_effect", "action", "description"];

    public static readonly string[] EffectKeys = ["cohens_d", "ks", "auc"];

    public static readonly string[] DerivedKeys = ["luminance_bins", "eda_luminance_bins"];

    public static readonly string[] DecodeKeys = ["engine"];

    public static readonly string[] SplitKeys = ["ratios", "stratify_by", "group_by", "seed", "folds", "lock", "max_cell_deviation", "min_cell_images", "action"];

    public static readonly string[] CleanVisionKeys = ["dark", "light", "blurry", "low_information", "odd_aspect_ratio"];

    public static readonly string[] LimitKeys = ["max_pixels", "max_decode_memory_mb", "max_file_mb"];
}
