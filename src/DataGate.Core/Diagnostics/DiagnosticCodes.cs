namespace DataGate.Core.Diagnostics;

/// <summary>
/// Every diagnostic code DataGate emits. Codes are a public contract: never renumber or reuse one.
/// The table in docs/diagnostics.md is kept in sync with this list by a test.
/// </summary>
public static class DiagnosticCodes
{
    // DG1xxx — the rule file and other configuration.

    /// <summary>The rule file does not exist or cannot be read.</summary>
    public static readonly DiagnosticDescriptor ConfigNotFound = new("DG1001", "Rule file not found or unreadable", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>The rule file is not valid YAML.</summary>
    public static readonly DiagnosticDescriptor YamlSyntax = new("DG1002", "YAML syntax error", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A key the schema does not know.</summary>
    public static readonly DiagnosticDescriptor UnknownKey = new("DG1003", "Unknown key", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A value of the wrong type (e.g. text where a number is expected).</summary>
    public static readonly DiagnosticDescriptor WrongType = new("DG1004", "Wrong value type", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A required key is missing.</summary>
    public static readonly DiagnosticDescriptor MissingKey = new("DG1005", "Missing required key", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A regular expression does not compile or lacks the named groups it needs.</summary>
    public static readonly DiagnosticDescriptor BadRegex = new("DG1006", "Invalid regular expression", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A rule names a metric DataGate does not compute.</summary>
    public static readonly DiagnosticDescriptor UnknownMetric = new("DG1007", "Unknown metric", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A number outside its valid range (a fraction above 1, a percentile above 100, ...).</summary>
    public static readonly DiagnosticDescriptor OutOfRange = new("DG1008", "Value out of range", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>Two rules share an id.</summary>
    public static readonly DiagnosticDescriptor DuplicateRuleId = new("DG1009", "Duplicate rule id", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>The <c>version</c> key is missing or names a version this DataGate does not read.</summary>
    public static readonly DiagnosticDescriptor UnsupportedVersion = new("DG1010", "Unsupported rule file version", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>Anchors/aliases expand to a document too large to accept, or the file is too large.</summary>
    public static readonly DiagnosticDescriptor DocumentTooLarge = new("DG1011", "Rule file too large or alias expansion refused", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A path (dataset root, CSV manifest) that is missing or lies outside where it must.</summary>
    public static readonly DiagnosticDescriptor BadPath = new("DG1012", "Invalid path", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A rule names a field that is not declared or derived.</summary>
    public static readonly DiagnosticDescriptor UnknownField = new("DG1013", "Unknown field", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A BRISQUE model or range file is missing or malformed.</summary>
    public static readonly DiagnosticDescriptor BadModel = new("DG1014", "BRISQUE model missing or malformed", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>An include/exclude glob is invalid.</summary>
    public static readonly DiagnosticDescriptor BadGlob = new("DG1015", "Invalid glob pattern", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A reference distribution does not sum to 1 or names unknown categories.</summary>
    public static readonly DiagnosticDescriptor BadReference = new("DG1016", "Invalid reference distribution", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>The CSV label manifest is malformed (missing column, bad quoting).</summary>
    public static readonly DiagnosticDescriptor BadManifest = new("DG1017", "Malformed CSV label manifest", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>Mutually exclusive or inconsistent settings (e.g. min above max).</summary>
    public static readonly DiagnosticDescriptor InconsistentSettings = new("DG1018", "Inconsistent settings", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>The CSV label manifest's header is unusable: an empty or duplicated column name, a malformed quoted name, or a declared field it lacks.</summary>
    public static readonly DiagnosticDescriptor BadManifestHeader = new("DG1023", "Invalid CSV manifest header", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A metric selection (<c>--metrics</c>) names no family, metric or column DataGate knows.</summary>
    public static readonly DiagnosticDescriptor UnknownMetricSelection = new("DG1028", "Unknown metric, column or family in a selection", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary><c>derived.eda_luminance_bins</c> is not floor51, mean_std or a list of ascending numbers.</summary>
    public static readonly DiagnosticDescriptor BadLuminanceBins = new("DG1029", "Invalid eda luminance bin edges", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A report option is out of range or inconsistent (thumbnail count or size, two reports on one path).</summary>
    public static readonly DiagnosticDescriptor BadReportOption = new("DG1030", "Invalid report option", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary><c>datagate init</c> would overwrite an existing rule file (use <c>--force</c>).</summary>
    public static readonly DiagnosticDescriptor InitWouldOverwrite = new("DG1031", "Rule file exists; not overwritten", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary><c>datagate init</c> found no image it could measure, so it cannot propose rules.</summary>
    public static readonly DiagnosticDescriptor InitNoImages = new("DG1032", "No measurable images to propose rules from", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A near-duplicate confirmation option that the chosen <c>confirm</c> check does not use.</summary>
    public static readonly DiagnosticDescriptor ConfirmOptionUnused = new("DG1033", "Confirmation option does not apply", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary><c>mirror: true</c> with a hash whose mirrored form is not kept (ahash, whash).</summary>
    public static readonly DiagnosticDescriptor MirrorUnavailable = new("DG1034", "Mirror matching unavailable for this hash", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>
    /// <c>near: { method: embedding }</c> misconfigured: no <c>model</c>, a model file that does not exist, an option of
    /// the other method, or a run that cannot compute embeddings (<c>check --from</c> shards carry none).
    /// </summary>
    public static readonly DiagnosticDescriptor EmbeddingConfig = new("DG1035", "Embedding near-duplicate option invalid", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>ML.NET: an input column of the DataGate transforms is missing or has the wrong type.</summary>
    public static readonly DiagnosticDescriptor MlColumnMismatch = new("DG1036", "ML.NET input column missing or of the wrong type", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>ML.NET: the rules need a metric the metrics column does not compute.</summary>
    public static readonly DiagnosticDescriptor MlMetricNotComputed = new("DG1037", "ML.NET metric needed by the rules is not computed", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>ML.NET: a saved DataGate model state is of an unknown version or malformed.</summary>
    public static readonly DiagnosticDescriptor MlModelStateUnreadable = new("DG1038", "ML.NET saved DataGate state unreadable", Severity.Error, DiagnosticCategory.Configuration);

    // DG1040–DG1045 — sharded analysis (plan, analyze).

    // DG1043–DG1044 — ML.NET stratified split.

    /// <summary>ML.NET: <c>StratifiedSplit</c> cannot split with these arguments (rules without <c>splits:</c>, bad ratios, a column named twice).</summary>
    public static readonly DiagnosticDescriptor MlSplitArguments = new("DG1043", "ML.NET stratified split arguments invalid", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>ML.NET: the rows' fitted split names are not the splits of the rules given to <c>StratifiedSplit</c> (the gate was fitted with other rules).</summary>
    public static readonly DiagnosticDescriptor MlSplitRulesMismatch = new("DG1044", "ML.NET rows were split by other rules", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A <c>--shard</c> or <c>--shards</c> value that is malformed, out of range, or not found in the environment (<c>auto/N</c>).</summary>
    public static readonly DiagnosticDescriptor BadShardSpec = new("DG1040", "Invalid shard specification", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>The plan folder is missing, malformed or altered, or disagrees with the rule file or this DataGate.</summary>
    public static readonly DiagnosticDescriptor PlanUnusable = new("DG1041", "Shard plan unusable", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>The reduce's rule file differs from the one the shards were analysed under.</summary>
    public static readonly DiagnosticDescriptor ShardConfigChanged = new("DG1042", "Shards analysed under another rule file", Severity.Warning, DiagnosticCategory.Configuration);

    /// <summary>A decode engine name that DataGate does not know (datagate.yml, --decode-engine, DataGateDecodeEngine).</summary>
    public static readonly DiagnosticDescriptor UnknownDecodeEngine = new("DG1026", "Unknown decode engine", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>The chosen decode engine's native library cannot be loaded in this process; checked before any image is read.</summary>
    public static readonly DiagnosticDescriptor DecodeEngineUnavailable = new("DG1027", "Decode engine unavailable", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>The <c>splits: ratios</c> are invalid: not 2-10 splits, a bad or repeated name, a ratio outside (0, 1), or a sum other than 1.</summary>
    public static readonly DiagnosticDescriptor BadSplitRatios = new("DG1019", "Invalid split ratios", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>A <c>splits: stratify_by</c> or <c>group_by</c> field is unknown, or a stratification field is neither a category nor binned.</summary>
    public static readonly DiagnosticDescriptor BadSplitField = new("DG1020", "Split field unknown or not categorical", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary>The <c>splits: lock</c> path is empty, a folder, or its folder does not exist.</summary>
    public static readonly DiagnosticDescriptor BadSplitLockPath = new("DG1021", "Invalid split lock path", Severity.Error, DiagnosticCategory.Configuration);

    /// <summary><c>splits: folds</c> is not 0 or 2-100.</summary>
    public static readonly DiagnosticDescriptor BadSplitFolds = new("DG1022", "Invalid number of folds", Severity.Error, DiagnosticCategory.Configuration);

    // DG2xxx — data rules and findings about the dataset.

    /// <summary>A quality rule failed (its action is fail, or fewer than <c>mostly</c> of the images pass).</summary>
    public static readonly DiagnosticDescriptor QualityRuleFailed = new("DG2001", "Quality rule failed", Severity.Error, DiagnosticCategory.Data);

    /// <summary>A quality rule with action warn flagged images.</summary>
    public static readonly DiagnosticDescriptor QualityRuleWarning = new("DG2002", "Quality rule flagged images", Severity.Warning, DiagnosticCategory.Data);

    /// <summary>A quality rule with action exclude dropped images from the outputs.</summary>
    public static readonly DiagnosticDescriptor QualityRuleExcluded = new("DG2003", "Images excluded by a quality rule", Severity.Info, DiagnosticCategory.Data);

    /// <summary>A metric could not be computed for an image, so a rule could not judge it.</summary>
    public static readonly DiagnosticDescriptor MetricUnavailable = new("DG2004", "Metric unavailable for image", Severity.Warning, DiagnosticCategory.Data);

    /// <summary>A file name does not match the label pattern.</summary>
    public static readonly DiagnosticDescriptor LabelNotParsed = new("DG2010", "File name does not match the label pattern", Severity.Warning, DiagnosticCategory.Data);

    /// <summary>A label value is not of its field's type.</summary>
    public static readonly DiagnosticDescriptor LabelBadValue = new("DG2011", "Label value has the wrong type", Severity.Warning, DiagnosticCategory.Data);

    /// <summary>A category label value that the field's <c>names</c> do not list.</summary>
    public static readonly DiagnosticDescriptor LabelUnknownCategory = new("DG2012", "Category value not declared", Severity.Warning, DiagnosticCategory.Data);

    /// <summary>An image has no row in the CSV manifest, or a row names no image.</summary>
    public static readonly DiagnosticDescriptor ManifestMismatch = new("DG2013", "Image and manifest disagree", Severity.Warning, DiagnosticCategory.Data);

    /// <summary>A CSV manifest row is malformed (a stray or unclosed quote, the wrong number of fields): it gives no labels.</summary>
    public static readonly DiagnosticDescriptor MalformedManifestRow = new("DG2014", "Malformed CSV manifest row", Severity.Error, DiagnosticCategory.Data);

    /// <summary>A declared field that no image carries (an error) or that most images lack (a warning).</summary>
    public static readonly DiagnosticDescriptor FieldMostlyMissing = new("DG2015", "Declared field missing for most images", Severity.Warning, DiagnosticCategory.Data);

    /// <summary>More images were excluded than the gate allows.</summary>
    public static readonly DiagnosticDescriptor TooManyExcluded = new("DG2020", "Too many images excluded", Severity.Error, DiagnosticCategory.Data);

    /// <summary>The dataset has no images (after include/exclude).</summary>
    public static readonly DiagnosticDescriptor NoImages = new("DG2021", "No images found", Severity.Error, DiagnosticCategory.Data);

    /// <summary>More files failed to decode than the gate allows.</summary>
    public static readonly DiagnosticDescriptor TooManyErrored = new("DG2022", "Too many unreadable images", Severity.Error, DiagnosticCategory.Data);

    /// <summary>An exact duplicate (same bytes or same pixels) was excluded.</summary>
    public static readonly DiagnosticDescriptor ExactDuplicate = new("DG2030", "Exact duplicate", Severity.Warning, DiagnosticCategory.Data);

    /// <summary>A near duplicate (perceptual hash within the configured distance).</summary>
    public static readonly DiagnosticDescriptor NearDuplicate = new("DG2031", "Near duplicate", Severity.Warning, DiagnosticCategory.Data);

    /// <summary>Members of one duplicate group disagree on a label.</summary>
    public static readonly DiagnosticDescriptor LabelConflict = new("DG2032", "Duplicate group with conflicting labels", Severity.Error, DiagnosticCategory.Data);

    /// <summary>
    /// A duplicate group (or a <c>group_by</c> value) spans more than one split: produced when the split lock pins
    /// members of one group to different splits, e.g. a new near duplicate bridging a locked train and a locked test image.
    /// </summary>
    public static readonly DiagnosticDescriptor SplitLeakage = new("DG2033", "Duplicate group spans splits", Severity.Error, DiagnosticCategory.Data);

    /// <summary>A balance rule failed.</summary>
    public static readonly DiagnosticDescriptor BalanceRuleFailed = new("DG2040", "Balance rule failed", Severity.Error, DiagnosticCategory.Data);

    /// <summary>Some images had more near-duplicate candidates than <c>max_candidates</c>; their groups may be incomplete.</summary>
    public static readonly DiagnosticDescriptor NearCandidateCap = new("DG2070", "Near-duplicate candidate limit reached", Severity.Warning, DiagnosticCategory.Data);

    /// <summary>Candidate pairs within the hash radius that the confirmation check rejected.</summary>
    public static readonly DiagnosticDescriptor NearUnconfirmed = new("DG2071", "Near-duplicate candidates not confirmed", Severity.Info, DiagnosticCategory.Data);

    /// <summary>Images without the evidence confirmation needs (mirrored hashes, thumbnail): their candidates are not confirmed.</summary>
    public static readonly DiagnosticDescriptor NearEvidenceMissing = new("DG2072", "Near-duplicate evidence missing", Severity.Warning, DiagnosticCategory.Data);

    /// <summary><c>method: embedding</c>: analysed images without an embedding (the model failed on them); they are not searched.</summary>
    public static readonly DiagnosticDescriptor EmbeddingMissing = new("DG2073", "Image has no embedding", Severity.Warning, DiagnosticCategory.Data);

    /// <summary>A parity rule failed (a metric separates groups).</summary>
    public static readonly DiagnosticDescriptor ParityRuleFailed = new("DG2050", "Quality parity rule failed", Severity.Error, DiagnosticCategory.Data);

    /// <summary>A stratification cell's share in a split deviates from the split's ratio by more than <c>max_cell_deviation</c>.</summary>
    public static readonly DiagnosticDescriptor SplitDeviation = new("DG2060", "Split cell deviation over the limit", Severity.Error, DiagnosticCategory.Data);

    /// <summary>Fewer kept images (or groups) than splits: some split is empty.</summary>
    public static readonly DiagnosticDescriptor TooFewForSplits = new("DG2061", "Too few kept images for the splits", Severity.Error, DiagnosticCategory.Data);

    /// <summary>The split lock names a split that <c>ratios</c> no longer has; those images are assigned afresh.</summary>
    public static readonly DiagnosticDescriptor StaleSplitLock = new("DG2062", "Split lock names an unknown split", Severity.Warning, DiagnosticCategory.Data);

    // DG3xxx — I/O and decoding.

    /// <summary>The file could not be read.</summary>
    public static readonly DiagnosticDescriptor ReadFailed = new("DG3001", "File could not be read", Severity.Error, DiagnosticCategory.Input);

    /// <summary>The file is empty.</summary>
    public static readonly DiagnosticDescriptor EmptyFile = new("DG3002", "Empty file", Severity.Error, DiagnosticCategory.Input);

    /// <summary>The content is not an image format DataGate decodes.</summary>
    public static readonly DiagnosticDescriptor UnknownFormat = new("DG3003", "Not a supported image", Severity.Error, DiagnosticCategory.Input);

    /// <summary>The declared dimensions exceed the pixel limit (a decompression bomb is refused before decoding).</summary>
    public static readonly DiagnosticDescriptor TooLarge = new("DG3004", "Image dimensions over the limit", Severity.Error, DiagnosticCategory.Input);

    /// <summary>The file ends before the image does (missing JPEG EOI, PNG IEND, GIF trailer ...).</summary>
    public static readonly DiagnosticDescriptor Truncated = new("DG3005", "Truncated image file", Severity.Error, DiagnosticCategory.Input);

    /// <summary>The decoder rejected the data (bad CRC, invalid stream).</summary>
    public static readonly DiagnosticDescriptor Corrupt = new("DG3006", "Corrupt image data", Severity.Error, DiagnosticCategory.Input);

    /// <summary>Decoding needed more memory than the budget allows.</summary>
    public static readonly DiagnosticDescriptor MemoryBudget = new("DG3007", "Decode memory budget exceeded", Severity.Error, DiagnosticCategory.Input);

    /// <summary>The extension says one format, the content another.</summary>
    public static readonly DiagnosticDescriptor ExtensionMismatch = new("DG3008", "Extension does not match content", Severity.Warning, DiagnosticCategory.Input);

    /// <summary>An animated or multi-frame image; only the first frame is analysed.</summary>
    public static readonly DiagnosticDescriptor MultiFrame = new("DG3009", "Multi-frame image, first frame analysed", Severity.Info, DiagnosticCategory.Input);

    /// <summary>A symbolic link that leads out of the dataset root was not followed.</summary>
    public static readonly DiagnosticDescriptor LinkOutsideRoot = new("DG3010", "Link outside the dataset root", Severity.Warning, DiagnosticCategory.Input);

    /// <summary>An output file could not be written.</summary>
    public static readonly DiagnosticDescriptor WriteFailed = new("DG3011", "Output could not be written", Severity.Error, DiagnosticCategory.Output);

    /// <summary>The analysis cache could not be used; images are analysed afresh.</summary>
    public static readonly DiagnosticDescriptor CacheUnusable = new("DG3012", "Analysis cache unusable", Severity.Warning, DiagnosticCategory.Output);

    /// <summary>Bytes after the end of the image (e.g. data appended after JPEG EOI).</summary>
    public static readonly DiagnosticDescriptor TrailingData = new("DG3013", "Data after the end of the image", Severity.Info, DiagnosticCategory.Input);

    /// <summary>report.html could not show an image's thumbnail (the image is listed without one).</summary>
    public static readonly DiagnosticDescriptor ThumbnailFailed = new("DG3020", "Thumbnail could not be made", Severity.Warning, DiagnosticCategory.Output);

    /// <summary>summary.md could not be appended to the GitHub Actions job summary (<c>$GITHUB_STEP_SUMMARY</c>).</summary>
    public static readonly DiagnosticDescriptor StepSummaryFailed = new("DG3021", "GitHub step summary could not be written", Severity.Warning, DiagnosticCategory.Output);

    /// <summary>ML.NET: a row has no image (empty path or missing image value).</summary>
    public static readonly DiagnosticDescriptor MlNoImage = new("DG3022", "ML.NET row has no image", Severity.Warning, DiagnosticCategory.Input);

    /// <summary>ML.NET: an MLImage has a pixel format DataGate cannot read.</summary>
    public static readonly DiagnosticDescriptor MlUnsupportedPixelFormat = new("DG3023", "ML.NET image pixel format not supported", Severity.Warning, DiagnosticCategory.Input);

    /// <summary>ML.NET: a row given to <c>StratifiedSplit</c> with the rules has no fitted split (not kept, or not among the rows the gate was fitted on).</summary>
    public static readonly DiagnosticDescriptor MlRowWithoutSplit = new("DG3024", "ML.NET row has no fitted split", Severity.Error, DiagnosticCategory.Input);

    /// <summary>ML.NET: two rows given to <c>StratifiedSplit</c> have the same key (image name or key column), so they cannot be told apart.</summary>
    public static readonly DiagnosticDescriptor MlSplitKeyNotUnique = new("DG3025", "ML.NET split key not unique", Severity.Error, DiagnosticCategory.Input);

    // DG3030–DG3039 — shard files (check --from).

    /// <summary>A shard of the plan is missing from the shard folder (or only a partial write of it is there).</summary>
    public static readonly DiagnosticDescriptor ShardMissing = new("DG3030", "Shard missing", Severity.Error, DiagnosticCategory.Input);

    /// <summary>Two shard files claim the same shard index.</summary>
    public static readonly DiagnosticDescriptor ShardDuplicate = new("DG3031", "Duplicate shard index", Severity.Error, DiagnosticCategory.Input);

    /// <summary>Shards come from different DataGate versions, analysis versions, rule files or plans.</summary>
    public static readonly DiagnosticDescriptor ShardMixed = new("DG3032", "Shards from different runs", Severity.Error, DiagnosticCategory.Input);

    /// <summary>A shard's row count differs from its plan.</summary>
    public static readonly DiagnosticDescriptor ShardRowCount = new("DG3033", "Shard row count differs from the plan", Severity.Error, DiagnosticCategory.Input);

    /// <summary>A key (dataset-relative path) appears more than once across the shards, or out of order.</summary>
    public static readonly DiagnosticDescriptor ShardDuplicateKey = new("DG3034", "Duplicate key in shards", Severity.Error, DiagnosticCategory.Input);

    /// <summary>A shard file is truncated, damaged or not a DataGate shard.</summary>
    public static readonly DiagnosticDescriptor ShardUnreadable = new("DG3035", "Shard truncated or unreadable", Severity.Error, DiagnosticCategory.Input);

    /// <summary>Shards were analysed on machines with different SIMD instruction sets (last-bit differences are possible).</summary>
    public static readonly DiagnosticDescriptor ShardSimdMismatch = new("DG3036", "Shards analysed with different instruction sets", Severity.Warning, DiagnosticCategory.Input);

    /// <summary>The shard was already complete and was not analysed again.</summary>
    public static readonly DiagnosticDescriptor ShardSkipped = new("DG3037", "Shard already complete", Severity.Info, DiagnosticCategory.Input);

    /// <summary>The shard folder does not exist or holds no shard.</summary>
    public static readonly DiagnosticDescriptor NoShards = new("DG3038", "No shards found", Severity.Error, DiagnosticCategory.Input);

    /// <summary>
    /// The rule file asks for embeddings (<c>near: { method: embedding | both }</c>) but a shard has none (analysed under
    /// a hash-only rule file) or holds embeddings that are not 512 float32 values.
    /// </summary>
    public static readonly DiagnosticDescriptor ShardEmbeddingsMissing = new("DG3039", "Shard has no usable embeddings", Severity.Error, DiagnosticCategory.Input);

    /// <summary>
    /// <c>method: embedding</c>: the ONNX Runtime native library or the embedding model could not be loaded (or the model
    /// is not a 224×224 image network with 512 outputs); no embedding near duplicates are searched in this run.
    /// </summary>
    public static readonly DiagnosticDescriptor EmbeddingModelUnavailable = new("DG3019", "Embedding model could not be loaded", Severity.Error, DiagnosticCategory.Input);

    /// <summary>The native JPEG decoder (libjpeg-turbo through Skia) reported an error for this file.</summary>
    public static readonly DiagnosticDescriptor NativeDecodeFailed = new("DG3014", "Native JPEG decoder failed", Severity.Error, DiagnosticCategory.Input);

    /// <summary>The file needed the libjpeg-turbo engine, whose native library could not be loaded.</summary>
    public static readonly DiagnosticDescriptor DecodeEngineNotLoaded = new("DG3018", "Decode engine not loaded for this file", Severity.Error, DiagnosticCategory.Input);

    /// <summary>The split lock file exists but cannot be read or is malformed; nothing is re-split silently.</summary>
    public static readonly DiagnosticDescriptor SplitLockUnreadable = new("DG3015", "Split lock unreadable", Severity.Error, DiagnosticCategory.Input);

    // DG9xxx — internal.

    /// <summary>An unexpected internal error; please report it.</summary>
    public static readonly DiagnosticDescriptor Internal = new("DG9001", "Internal error", Severity.Error, DiagnosticCategory.Internal);

    /// <summary>The run was cancelled.</summary>
    public static readonly DiagnosticDescriptor Cancelled = new("DG9002", "Cancelled", Severity.Error, DiagnosticCategory.Internal);

    private static Dictionary<string, DiagnosticDescriptor>? s_byCode;

    /// <summary>The descriptor of a code, or null for a code DataGate does not define.</summary>
    public static DiagnosticDescriptor? Find(string code)
    {
        s_byCode ??= All.ToDictionary(d => d.Code, StringComparer.Ordinal);
        return s_byCode.GetValueOrDefault(code);
    }

    /// <summary>The category of a diagnostic's code (<see cref="DiagnosticCategory.Internal"/> for an unknown code).</summary>
    public static DiagnosticCategory CategoryOf(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return Find(diagnostic.Code)?.Category ?? DiagnosticCategory.Internal;
    }

    /// <summary>All descriptors, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        typeof(DiagnosticCodes).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToArray();
}
