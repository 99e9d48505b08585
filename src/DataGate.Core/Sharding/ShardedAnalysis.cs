using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Labels;
using DataGate.Core.Reports;
using DataGate.Core.Scanning;

namespace DataGate.Core.Sharding;

/// <summary>
/// Analysis past one machine (docs/scale-out.md): <see cref="Plan"/> lists the inputs once and splits them into N
/// shards; <see cref="Analyze"/> measures one shard and writes it as a Parquet file (idempotent: same bytes on every
/// run, a complete shard is skipped); <see cref="GateRunner.RunFromShards"/> is the reduce, the same path as a plain
/// check from the measured rows on.
/// </summary>
public static class ShardedAnalysis
{
    /// <summary>The largest shard count a plan accepts.</summary>
    public const int MaxShards = 99_999;

    /// <summary>Lists the dataset's inputs and writes the plan folder (<c>plan.json</c> and one input list per shard).</summary>
    /// <param name="configPath">The rule file.</param>
    /// <param name="shardCount">Number of shards, 1 to <see cref="MaxShards"/>.</param>
    /// <param name="outputDirectory">The plan folder.</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    public static ShardRunOutcome Plan(string configPath, int shardCount, string outputDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        if (shardCount is < 1 or > MaxShards)
        {
            return Fail(DiagnosticCodes.BadShardSpec.Create($"--shards must be between 1 and {MaxShards}, got {shardCount}"));
        }

        var load = ConfigLoader.Load(configPath);
        if (!load.Succeeded)
        {
            return new ShardRunOutcome { Diagnostics = load.Diagnostics };
        }

        var config = load.Config!;
        if (!config.Dataset.IsSpecified)
        {
            return Fail(DiagnosticCodes.MissingKey.Create("the rule file has no dataset folder to plan", new SourceSpan(configPath, 0, 0)));
        }

        try
        {
            var scan = DatasetScanner.Scan(config.Dataset, cancellationToken);
            var full = Path.GetFullPath(configPath);
            var plan = ShardPlan.Create(outputDirectory, full, ShardPlan.DigestOfFile(full), config.Dataset.Root, scan, shardCount);
            var written = plan.Shards.Select(s => Path.GetFullPath(Path.Combine(outputDirectory, s.File))).Append(Path.GetFullPath(Path.Combine(outputDirectory, ShardPlan.FileName))).ToList();
            return new ShardRunOutcome { Diagnostics = [.. load.Diagnostics, .. scan.Diagnostics], Written = written, Rows = plan.InputCount };
        }
        catch (OperationCanceledException)
        {
            return Fail(DiagnosticCodes.Cancelled.Create("the run was cancelled"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(DiagnosticCodes.WriteFailed.Create($"the plan could not be written to {outputDirectory}: {ex.Message}"));
        }
    }

    /// <summary>
    /// Analyses shard <paramref name="shardIndex"/> of the plan and writes <c>shard-NNNNN-of-NNNNN.parquet</c> into
    /// <paramref name="outputDirectory"/> through a temporary name and a rename. A shard already there and complete
    /// (same plan, versions and row count) is skipped.
    /// </summary>
    /// <param name="planDirectory">The folder <see cref="Plan"/> wrote.</param>
    /// <param name="shardIndex">Zero-based shard index.</param>
    /// <param name="shardCount">The shard count the caller expects; must equal the plan's.</param>
    /// <param name="outputDirectory">The shard folder.</param>
    /// <param name="configPath">The rule file, when it is not where the plan recorded it (its digest must match); null uses the plan's.</param>
    /// <param name="options">Progress and parallelism (the output folder and cache are not used).</param>
    /// <param name="cancellationToken">Stops the run; nothing is left under the shard's name.</param>
    public static ShardRunOutcome Analyze(string planDirectory, int shardIndex, int shardCount, string outputDirectory, string? configPath = null, GateRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(planDirectory);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        options ??= new GateRunOptions();
        ShardPlan plan;
        try
        {
            plan = ShardPlan.Load(planDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return Fail(DiagnosticCodes.PlanUnusable.Create($"the plan in {planDirectory} cannot be read: {ex.Message}"));
        }

        if (shardCount != plan.Shards.Count)
        {
            return Fail(DiagnosticCodes.BadShardSpec.Create($"--shard asks for {shardCount} shards, but the plan in {planDirectory} has {plan.Shards.Count}"));
        }

        if (shardIndex < 0 || shardIndex >= shardCount)
        {
            return Fail(DiagnosticCodes.BadShardSpec.Create($"shard index {shardIndex} is outside 0–{shardCount - 1}"));
        }

        if (plan.AnalysisVersion != Caching.AnalysisVersion.Current)
        {
            return Fail(DiagnosticCodes.PlanUnusable.Create($"the plan was made by another DataGate build (analysis version {plan.AnalysisVersion}, this is {Caching.AnalysisVersion.Current}): plan again or use the same build everywhere"));
        }

        var configFile = configPath ?? plan.ConfigPath;
        string digest;
        try
        {
            digest = ShardPlan.DigestOfFile(configFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(DiagnosticCodes.ConfigNotFound.Create($"the plan's rule file {configFile} cannot be read: {ex.Message} (pass --config where it lives on this machine)"));
        }

        if (digest != plan.ConfigDigest)
        {
            return Fail(DiagnosticCodes.PlanUnusable.Create($"{configFile} has changed since the plan was made (SHA-256 differs): plan again"));
        }

        var load = ConfigLoader.Load(configFile);
        if (!load.Succeeded)
        {
            return new ShardRunOutcome { Diagnostics = load.Diagnostics };
        }

        var config = load.Config!;
        var target = Path.GetFullPath(Path.Combine(outputDirectory, $"shard-{ShardPlan.ShardName(shardIndex, shardCount)}.parquet"));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ShardMetadata.Format] = ShardSchema.FormatName,
            [ShardMetadata.ProductVersion] = plan.ProductVersion,
            [ShardMetadata.AnalysisVersion] = plan.AnalysisVersion,
            [ShardMetadata.ConfigDigest] = plan.ConfigDigest,
            [ShardMetadata.PlanDigest] = plan.Digest,
            [ShardMetadata.ShardIndex] = shardIndex.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ShardMetadata.ShardCount] = shardCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ShardMetadata.RowCount] = plan.Shards[shardIndex].Rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ShardMetadata.PlanRowCount] = plan.InputCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ShardMetadata.InstructionSet] = ShardMetadata.CurrentInstructionSet,
        };
        if (DiagnosticJson.ToArrayText(plan.Diagnostics) is { } planDiagnostics)
        {
            metadata[ShardMetadata.PlanDiagnostics] = planDiagnostics;
        }

        if (IsComplete(target, metadata))
        {
            return new ShardRunOutcome { Diagnostics = [DiagnosticCodes.ShardSkipped.Create($"{target} is already complete; not analysed again")], Rows = plan.Shards[shardIndex].Rows };
        }

        try
        {
            var entries = plan.ReadEntries(planDirectory, shardIndex);
            var files = new List<ScannedFile>(entries.Count);
            var refused = new List<ImageRecord>();
            foreach (var e in entries)
            {
                if (e.Refused is { } reason)
                {
                    refused.Add(DatasetAnalyzer.Refused(e.Key, reason));
                }
                else
                {
                    files.Add(new ScannedFile(e.Key, Path.GetFullPath(Path.Combine(config.Dataset.Root, e.Key))));
                }
            }

            // near: { method: embedding | both }: each image's embedding is computed in the same pass and stored in the
            // shard; a worker that cannot load the model fails (DG3019) rather than write a shard without them.
            bool embeddings = config.Duplicates.Near is { UsesEmbedding: true };
            var loadProblems = new List<Diagnostic>();
            using var embedder = Embeddings.ImageEmbedder.ForConfig(config, loadProblems);
            if (embeddings && embedder is null)
            {
                return new ShardRunOutcome { Diagnostics = loadProblems };
            }

            var measured = DatasetAnalyzer.Measure(DatasetAnalyzer.CreateMeasurer(config, embedder: embedder), files, null, options.Progress, options.MaxDegreeOfParallelism, cancellationToken);
            var rows = new List<ImageRecord>(measured.Length + refused.Count);
            rows.AddRange(measured);
            rows.AddRange(refused);
            rows.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            // Labels for readers of the shard (Spark, DuckDB, pandas); the reduce reads them afresh from the rule file.
            var (labelled, _) = LabelResolver.Resolve(config, rows, options.DisplayBasePath);
            AtomicFile.Write(target, s => ShardFile.Write(s, labelled, metadata, embeddings));
            return new ShardRunOutcome { Written = [target], Rows = labelled.Count };
        }
        catch (OperationCanceledException)
        {
            return Fail(DiagnosticCodes.Cancelled.Create("the run was cancelled"));
        }
        catch (InvalidDataException ex)
        {
            return Fail(DiagnosticCodes.PlanUnusable.Create(ex.Message));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(DiagnosticCodes.WriteFailed.Create($"{target} could not be written: {ex.Message}"));
        }
    }

    private static bool IsComplete(string path, Dictionary<string, string> metadata)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var (found, rows) = ShardFile.ReadFooter(stream);
            return metadata.Where(p => p.Key != ShardMetadata.InstructionSet).All(p => found.TryGetValue(p.Key, out var v) && v == p.Value)
                && rows.ToString(System.Globalization.CultureInfo.InvariantCulture) == metadata[ShardMetadata.RowCount];
        }
        catch (Exception)
        {
            return false; // damaged or foreign: analysed again and replaced
        }
    }

    private static ShardRunOutcome Fail(Diagnostic d) => new() { Diagnostics = [d] };
}
