using System.Globalization;
using System.Text.RegularExpressions;
using DataGate.Core.Analysis;
using DataGate.Core.Diagnostics;

namespace DataGate.Core.Sharding;

/// <summary>
/// The reduce's input: every <c>shard-NNNNN-of-NNNNN.parquet</c> of a folder, validated as one run (each problem
/// with its own code and the shard's file name) and loaded back into records in key order.
/// </summary>
internal static partial class ShardSet
{
    /// <summary>What was loaded: the rows (key order), the plan's scan diagnostics, and problems found.</summary>
    public sealed record Loaded(List<ImageRecord> Rows, List<Diagnostic> PlanDiagnostics, List<Diagnostic> Problems)
    {
        public bool Succeeded => !Problems.Any(p => p.Severity == Severity.Error);
    }

    [GeneratedRegex(@"^shard-(\d{5})-of-(\d{5})\.parquet$", RegexOptions.CultureInvariant)]
    private static partial Regex ShardFileName();

    /// <summary>Loads and validates the shards in <paramref name="directory"/>.</summary>
    /// <param name="directory">The shard folder.</param>
    /// <param name="configDigest">SHA-256 of the reduce's rule file, compared with the shards' (a warning when it differs).</param>
    /// <param name="maxDegreeOfParallelism">Shards read at once; 0 means one per core.</param>
    /// <param name="embeddings">
    /// The reduce's rule file asks for embeddings: every shard must carry them (DG3039 otherwise) and they are read
    /// into the records; false leaves any stored embeddings unread.
    /// </param>
    /// <param name="cancellationToken">Stops the load.</param>
    public static Loaded Load(string directory, string? configDigest, int maxDegreeOfParallelism = 0, bool embeddings = false, CancellationToken cancellationToken = default)
    {
        var problems = new List<Diagnostic>();
        var empty = new Loaded([], [], problems);
        if (!Directory.Exists(directory))
        {
            problems.Add(DiagnosticCodes.NoShards.Create($"the shard folder {directory} does not exist"));
            return empty;
        }

        var files = Directory.EnumerateFiles(directory)
            .Select(p => (Path: p, Name: Path.GetFileName(p)))
            .Where(f => ShardFileName().IsMatch(f.Name))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            problems.Add(DiagnosticCodes.NoShards.Create($"{directory} holds no shard-NNNNN-of-NNNNN.parquet file"));
            return empty;
        }

        // Footers first: cheap, and enough to refuse a mixed or incomplete set before reading rows.
        var footers = new (IReadOnlyDictionary<string, string> Meta, long Rows)?[files.Count];
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < files.Count; i++)
        {
            try
            {
                using var stream = File.OpenRead(files[i].Path);
                var (meta, rowCount) = ShardFile.ReadFooter(stream);
                if (!meta.TryGetValue(ShardMetadata.Format, out var format) || format != ShardSchema.FormatName)
                {
                    problems.Add(DiagnosticCodes.ShardUnreadable.Create(format is not null && format.StartsWith("datagate-shard/", StringComparison.Ordinal)
                        ? $"{files[i].Name} is a {format} shard of another DataGate version; this build reads {ShardSchema.FormatName}: plan and analyze again with this build"
                        : $"{files[i].Name} is not a DataGate shard ({ShardSchema.FormatName}): its footer has no or another datagate.format"));
                    continue;
                }

                var missing = ShardMetadata.RunKeys.Append(ShardMetadata.ShardIndex).Append(ShardMetadata.RowCount).FirstOrDefault(k => !meta.ContainsKey(k));
                if (missing is not null)
                {
                    problems.Add(DiagnosticCodes.ShardUnreadable.Create($"{files[i].Name}: the footer lacks {missing}"));
                    continue;
                }

                if (!ShardFile.HasEmbeddings(meta) && embeddings)
                {
                    problems.Add(DiagnosticCodes.ShardEmbeddingsMissing.Create($"{files[i].Name} carries no embeddings, but the rule file asks for them (duplicates.near.method: embedding or both): the shards were analysed under a rule file without embeddings; plan and analyze again with this rule file"));
                }

                footers[i] = (meta, rowCount);
            }
            catch (ShardEmbeddingException ex)
            {
                problems.Add(DiagnosticCodes.ShardEmbeddingsMissing.Create($"{files[i].Name}: {ex.Message}; analyze that shard again with this build"));
                unreadable.Add(files[i].Name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                problems.Add(DiagnosticCodes.ShardUnreadable.Create($"{files[i].Name} is truncated or damaged ({ex.Message}): rerun that shard"));
                unreadable.Add(files[i].Name);
            }
        }

        int reference = Array.FindIndex(footers, f => f is not null);
        if (reference < 0)
        {
            return empty;
        }

        var first = footers[reference]!.Value.Meta;
        var byIndex = new Dictionary<int, int>();
        for (int i = 0; i < files.Count; i++)
        {
            if (footers[i] is not { } f)
            {
                continue;
            }

            foreach (var key in ShardMetadata.RunKeys)
            {
                if (f.Meta[key] != first[key])
                {
                    problems.Add(DiagnosticCodes.ShardMixed.Create($"{files[i].Name} has {key} {f.Meta[key]}, but {files[reference].Name} has {first[key]}: all shards must come from one plan, rule file and DataGate build"));
                }
            }

            int index = Number(f.Meta[ShardMetadata.ShardIndex]);
            if (byIndex.TryGetValue(index, out var other))
            {
                problems.Add(DiagnosticCodes.ShardDuplicate.Create($"{files[i].Name} and {files[other].Name} are both shard {index}"));
            }
            else
            {
                byIndex[index] = i;
            }

            if (f.Rows != Number(f.Meta[ShardMetadata.RowCount]))
            {
                problems.Add(DiagnosticCodes.ShardRowCount.Create($"{files[i].Name} has {f.Rows} rows, its plan {f.Meta[ShardMetadata.RowCount]}: rerun that shard"));
            }

            if (f.Meta.GetValueOrDefault(ShardMetadata.InstructionSet) is { } simd && simd != first.GetValueOrDefault(ShardMetadata.InstructionSet))
            {
                problems.Add(DiagnosticCodes.ShardSimdMismatch.Create($"{files[i].Name} was analysed with '{simd}', {files[reference].Name} with '{first.GetValueOrDefault(ShardMetadata.InstructionSet)}': metrics may differ in the last bit"));
            }
        }

        int count = Number(first[ShardMetadata.ShardCount]);
        var temps = Directory.EnumerateFiles(directory, "*.tmp").Select(Path.GetFileName).ToList();
        for (int index = 0; index < count; index++)
        {
            var name = $"shard-{ShardPlan.ShardName(index, count)}.parquet";
            if (!byIndex.ContainsKey(index) && !unreadable.Contains(name))
            {
                var partial = temps.FirstOrDefault(t => t!.StartsWith(name, StringComparison.Ordinal));
                problems.Add(DiagnosticCodes.ShardMissing.Create(partial is null
                    ? $"shard {index} of {count} ({name}) is missing: run analyze --shard {index}/{count}"
                    : $"shard {index} of {count} ({name}) is missing; only a partial write ({partial}) is there, so its task stopped mid-write: run analyze --shard {index}/{count} again"));
            }
        }

        if (configDigest is not null && first[ShardMetadata.ConfigDigest] != configDigest)
        {
            problems.Add(DiagnosticCodes.ShardConfigChanged.Create("the rule file differs from the one the shards were analysed under; rules and thresholds come from this one, measurements from the shards"));
        }

        if (problems.Any(p => p.Severity == Severity.Error))
        {
            return empty;
        }

        // Rows: shards in index order; each is read whole (one row group).
        var ordered = Enumerable.Range(0, count).Select(i => byIndex[i]).ToArray();
        var parts = new List<ImageRecord>[count];
        var failures = new Diagnostic?[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount, CancellationToken = cancellationToken }, k =>
        {
            var file = files[ordered[k]];
            try
            {
                using var stream = File.OpenRead(file.Path);
                parts[k] = ShardFile.Read(stream, includeLabels: false, includeEmbeddings: embeddings).Rows;
            }
            catch (ShardEmbeddingException ex)
            {
                failures[k] = DiagnosticCodes.ShardEmbeddingsMissing.Create($"{file.Name}: {ex.Message}; analyze that shard again");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures[k] = DiagnosticCodes.ShardUnreadable.Create($"{file.Name} is truncated or damaged ({ex.Message}): rerun that shard");
            }
        });
        problems.AddRange(failures.OfType<Diagnostic>());
        if (problems.Any(p => p.Severity == Severity.Error))
        {
            return empty;
        }

        long total = parts.Sum(p => (long)p.Count);
        if (total != Number(first[ShardMetadata.PlanRowCount]))
        {
            problems.Add(DiagnosticCodes.ShardRowCount.Create($"the shards hold {total} rows, the plan {first[ShardMetadata.PlanRowCount]}"));
            return empty;
        }

        var rows = new List<ImageRecord>(checked((int)total));
        var seen = new Dictionary<string, int>(rows.Capacity, StringComparer.Ordinal);
        for (int k = 0; k < count; k++)
        {
            var name = files[ordered[k]].Name;
            foreach (var r in parts[k])
            {
                if (seen.TryGetValue(r.Path, out var at))
                {
                    if (problems.Count < 100)
                    {
                        problems.Add(DiagnosticCodes.ShardDuplicateKey.Create(at == k ? $"{name} holds {r.Path} twice" : $"{r.Path} is in both {files[ordered[at]].Name} and {name}", imagePath: r.Path));
                    }

                    continue;
                }

                seen[r.Path] = k;
                rows.Add(r);
            }
        }

        var planDiagnostics = DiagnosticJson.ReadArrayText(first.GetValueOrDefault(ShardMetadata.PlanDiagnostics));
        return new Loaded(rows, planDiagnostics, problems);
    }

    private static int Number(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
}
