namespace DataGate.Core.Config;

/// <summary>A validated <c>datagate.yml</c> (schema version 1).</summary>
public sealed class GateConfig
{
    /// <summary>The schema version this DataGate reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Path of the rule file as given (used in diagnostics), or null for a config built in code.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The dataset.</summary>
    public required DatasetSettings Dataset { get; init; }

    /// <summary>Declared label fields.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];

    /// <summary>Quality rules, in file order.</summary>
    public IReadOnlyList<QualityRule> Quality { get; init; } = [];

    /// <summary>Balance rules (representation of categories among the kept images), in file order.</summary>
    public IReadOnlyList<BalanceRule> Balance { get; init; } = [];

    /// <summary>Parity rules (a metric must not separate groups), in file order.</summary>
    public IReadOnlyList<ParityRule> Parity { get; init; } = [];

    /// <summary>Settings of the metric-derived fields <c>skin_tone</c> and <c>luminance_bin</c>.</summary>
    public DerivedSettings Derived { get; init; } = new();

    /// <summary>Dataset-wide gate limits.</summary>
    public GateSettings Gate { get; init; } = new();

    /// <summary>Decoding limits.</summary>
    public LimitSettings Limits { get; init; } = new();

    /// <summary>How images are decoded (the JPEG engine).</summary>
    public DecodeSettings Decode { get; init; } = new();

    /// <summary>A BRISQUE model named by <c>brisque: { model, range }</c>; null means the embedded OpenCV LIVE model.</summary>
    public Quality.Brisque.BrisqueModel? BrisqueModel { get; init; }

    /// <summary>Thresholds of cleanvision's issue flags (<c>is_dark</c> …); defaults are cleanvision's.</summary>
    public CleanVisionSettings CleanVision { get; init; } = CleanVisionSettings.Default;

    /// <summary>Duplicate policy (defaults: report exact and pHash ≤ 4 near duplicates and label conflicts as warnings).</summary>
    public DuplicateSettings Duplicates { get; init; } = new();

    /// <summary>Train/val/test (and fold) assignment of the kept images; null when the rule file has no <c>splits:</c>.</summary>
    public SplitSettings? Splits { get; init; }

    /// <summary>Builds a configuration for a plain folder with no rules (used by <c>datagate metrics</c>).</summary>
    public static GateConfig ForFolder(string root) => new() { Dataset = new DatasetSettings { Root = Path.GetFullPath(root) } };
}
