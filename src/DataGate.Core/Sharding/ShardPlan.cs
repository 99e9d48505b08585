using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataGate.Core.Diagnostics;
using DataGate.Core.Reports;
using DataGate.Core.Scanning;

namespace DataGate.Core.Sharding;

/// <summary>
/// The list of inputs, made once, split into N shards of consecutive keys (ordinal order: shard i holds entries
/// <c>[i·M/N, (i+1)·M/N)</c>), so every worker and every rerun sees the same assignment. On disk: <c>plan.json</c> and
/// <c>inputs/NNNNN-of-NNNNN.jsonl</c> (one JSON object per input: <c>key</c>, and <c>refused</c> for a file the scan
/// refused). The plan digest covers the rule file's digest, the shard count, every list's SHA-256 and the scan's
/// diagnostics; shards carry it, so the reduce knows they belong together.
/// </summary>
internal sealed class ShardPlan
{
    public const string FormatName = "datagate-plan/1";
    public const string FileName = "plan.json";

    public required string ConfigPath { get; init; }
    public required string ConfigDigest { get; init; }
    public required string DatasetRoot { get; init; }
    public required string ProductVersion { get; init; }
    public required string AnalysisVersion { get; init; }
    public required int InputCount { get; init; }
    public required IReadOnlyList<ShardPlanShard> Shards { get; init; }
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
    public required string Digest { get; init; }

    /// <summary>SHA-256 (lowercase hex) of a file's bytes: the configuration digest.</summary>
    public static string DigestOfFile(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Lists the inputs of the scan and writes the plan folder; returns the plan.</summary>
    public static ShardPlan Create(string directory, string configPath, string configDigest, string datasetRoot, ScanResult scan, int shardCount)
    {
        var entries = new List<ShardPlanEntry>(scan.Files.Count + scan.Refused.Count);
        entries.AddRange(scan.Files.Select(f => new ShardPlanEntry(f.RelativePath, null)));
        entries.AddRange(scan.Refused.Select(r => new ShardPlanEntry(r.Path, r.Reason)));
        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var inputs = Path.Combine(directory, "inputs");
        Directory.CreateDirectory(inputs);
        var shards = new List<ShardPlanShard>(shardCount);
        for (int i = 0; i < shardCount; i++)
        {
            int first = (int)((long)i * entries.Count / shardCount);
            int end = (int)((long)(i + 1) * entries.Count / shardCount);
            var bytes = EncodeEntries(entries, first, end);
            var name = $"inputs/{ShardName(i, shardCount)}.jsonl";
            AtomicFile.Write(Path.Combine(directory, name), s => s.Write(bytes));
            shards.Add(new ShardPlanShard(i, name, end - first, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        }

        var plan = new ShardPlan
        {
            ConfigPath = configPath,
            ConfigDigest = configDigest,
            DatasetRoot = datasetRoot,
            ProductVersion = Reports.ProductVersion.Text ?? "0.0.0",
            AnalysisVersion = Caching.AnalysisVersion.Current,
            InputCount = entries.Count,
            Shards = shards,
            Diagnostics = scan.Diagnostics,
            Digest = ComputeDigest(configDigest, shards, scan.Diagnostics),
        };
        AtomicFile.Write(Path.Combine(directory, FileName), plan.WriteJson);
        return plan;
    }

    /// <summary>The base name of shard <paramref name="index"/> of <paramref name="count"/>: <c>00017-of-00256</c>.</summary>
    public static string ShardName(int index, int count) => $"{index.ToString("D5", CultureInfo.InvariantCulture)}-of-{count.ToString("D5", CultureInfo.InvariantCulture)}";

    /// <summary>Reads <c>plan.json</c>; throws <see cref="InvalidDataException"/> (or an I/O error) when it is missing or malformed.</summary>
    public static ShardPlan Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        if (Text(root, "format") != FormatName)
        {
            throw new InvalidDataException($"{path} is not a DataGate plan ({FormatName})");
        }

        var shards = root.GetProperty("shards").EnumerateArray()
            .Select(s => new ShardPlanShard(s.GetProperty("index").GetInt32(), Text(s, "file"), s.GetProperty("rows").GetInt32(), Text(s, "sha256")))
            .ToList();
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().Select(DiagnosticJson.Read).ToList();
        var plan = new ShardPlan
        {
            ConfigPath = Text(root, "config"),
            ConfigDigest = Text(root, "config_digest"),
            DatasetRoot = Text(root, "dataset_root"),
            ProductVersion = Text(root, "product_version"),
            AnalysisVersion = Text(root, "analysis_version"),
            InputCount = root.GetProperty("input_count").GetInt32(),
            Shards = shards,
            Diagnostics = diagnostics,
            Digest = Text(root, "plan_digest"),
        };
        for (int i = 0; i < shards.Count; i++)
        {
            if (shards[i].Index != i || shards[i].File.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(shards[i].File))
            {
                throw new InvalidDataException($"{path}: shard entry {i} is malformed");
            }
        }

        if (shards.Count == 0 || shards.Sum(s => (long)s.Rows) != plan.InputCount || ComputeDigest(plan.ConfigDigest, shards, diagnostics) != plan.Digest)
        {
            throw new InvalidDataException($"{path} was altered: its shard list does not match its digest");
        }

        return plan;
    }

    /// <summary>Reads one shard's input list, checking it against the SHA-256 the plan recorded.</summary>
    public IReadOnlyList<ShardPlanEntry> ReadEntries(string directory, int index)
    {
        var shard = Shards[index];
        var path = Path.Combine(directory, shard.File);
        var bytes = File.ReadAllBytes(path);
        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != shard.Sha256)
        {
            throw new InvalidDataException($"{path} does not match the plan (SHA-256 differs): re-run datagate plan");
        }

        var entries = new List<ShardPlanEntry>(shard.Rows);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            var e = doc.RootElement;
            entries.Add(new ShardPlanEntry(Text(e, "key"), e.TryGetProperty("refused", out var r) ? DiagnosticJson.Read(r) : null));
        }

        return entries.Count == shard.Rows ? entries : throw new InvalidDataException($"{path} lists {entries.Count} inputs, the plan says {shard.Rows}");
    }

    private static byte[] EncodeEntries(List<ShardPlanEntry> entries, int first, int end)
    {
        using var buffer = new MemoryStream();
        for (int i = first; i < end; i++)
        {
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("key", entries[i].Key);
                if (entries[i].Refused is { } reason)
                {
                    w.WritePropertyName("refused");
                    DiagnosticJson.Write(w, reason);
                }

                w.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        return buffer.ToArray();
    }

    private static string ComputeDigest(string configDigest, List<ShardPlanShard> shards, IReadOnlyList<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        text.Append(FormatName).Append('\n').Append(configDigest).Append('\n').Append(shards.Count).Append('\n');
        foreach (var s in shards)
        {
            text.Append(s.Index).Append(' ').Append(s.Rows).Append(' ').Append(s.Sha256).Append('\n');
        }

        text.Append(DiagnosticJson.ToArrayText(diagnostics));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private void WriteJson(Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("format", FormatName);
        w.WriteString("product_version", ProductVersion);
        w.WriteString("analysis_version", AnalysisVersion);
        w.WriteString("config", ConfigPath);
        w.WriteString("config_digest", ConfigDigest);
        w.WriteString("dataset_root", DatasetRoot);
        w.WriteNumber("shard_count", Shards.Count);
        w.WriteNumber("input_count", InputCount);
        w.WriteString("plan_digest", Digest);
        w.WriteStartArray("diagnostics");
        foreach (var d in Diagnostics)
        {
            DiagnosticJson.Write(w, d);
        }

        w.WriteEndArray();
        w.WriteStartArray("shards");
        foreach (var s in Shards)
        {
            w.WriteStartObject();
            w.WriteNumber("index", s.Index);
            w.WriteString("file", s.File);
            w.WriteNumber("rows", s.Rows);
            w.WriteString("sha256", s.Sha256);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new InvalidDataException($"plan: '{name}' missing or not text");
}
