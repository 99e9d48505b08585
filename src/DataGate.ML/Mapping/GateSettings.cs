using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using DataGate.Core.Analysis;
using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;

namespace DataGate.ML.Mapping;

/// <summary>
/// A fitted gate as saved with a model (versioned JSON): the rule-file text, Core's <see cref="FittedGateState"/>
/// (resolved bounds, odd-size band) and what was fitted of every row, keyed by <see cref="RowKey"/>: its verdict,
/// duplicate group and split. A fitted row gets its fitted verdict (duplicates, keep policy and all) and split; any
/// other row is judged alone by <see cref="FittedGate.Apply"/> with the fitted bounds and band and has no group or
/// split. Immutable and thread-safe.
/// </summary>
internal sealed class GateSettings
{
    public const string Format = "datagate.ml.gate";
    public const int Version = 2;

    private static readonly StateCache<GateSettings> s_cache = new(Parse);

    public GateSettings(DataGateRules rules, FittedGate gate, IReadOnlyDictionary<string, FittedRow> rows)
    {
        Rules = rules;
        Gate = gate;
        Rows = rows;
    }

    public DataGateRules Rules { get; }

    public FittedGate Gate { get; }

    /// <summary>Row key → what was fitted of the row.</summary>
    public IReadOnlyDictionary<string, FittedRow> Rows { get; }

    public static GateSettings Of(ReadOnlyMemory<char> state) => s_cache.Get(state);

    /// <summary>
    /// Identifies a measured row: its name and a digest of its metric values, hashes and error code, so the same image
    /// measured again (a second pass, a reloaded model) finds its fitted verdict and a changed image does not.
    /// </summary>
    public static string RowKey(ImageRecord record)
    {
        var hash = new XxHash64();
        hash.Append(MemoryMarshal.AsBytes(record.Values));
        foreach (var (key, value) in record.Texts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            hash.Append(MemoryMarshal.AsBytes(key.AsSpan()));
            hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
        }

        hash.Append(MemoryMarshal.AsBytes((record.Error?.Code ?? string.Empty).AsSpan()));
        return record.Path + "\u001f" + hash.GetCurrentHashAsUInt64().ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>The reason text of a verdict: rule ids, or the error code of an unmeasured image; empty when kept.</summary>
    public static string ReasonOf(ImageRecord record, RowVerdict verdict)
        => !verdict.IsAnalysed ? record.Error?.Code ?? "error" : string.Join(", ", verdict.ExcludedBy);

    /// <summary>The fitted row (verdict, group, split) of a fitted record; for any other record its verdict alone, no group or split.</summary>
    public FittedRow Judge(ImageRecord? record)
    {
        if (record is null)
        {
            return FittedRow.Unfitted(DiagnosticCodes.MlNoImage.Code);
        }

        if (Rows.TryGetValue(RowKey(record), out var fitted))
        {
            return fitted;
        }

        if (!record.IsAnalysed)
        {
            return FittedRow.Unfitted(record.Error?.Code ?? "error");
        }

        var result = Gate.Apply([record], maxDegreeOfParallelism: 1);
        return FittedRow.Unfitted(ReasonOf(record, result.Verdicts[0]));
    }

    /// <summary>odd_size_score and is_odd_size of a row against the fitted band (NaN when unmeasured or no band).</summary>
    public (float Score, float IsOdd) OddSize(ImageRecord? record)
    {
        if (record is not { IsAnalysed: true, Facts: { } facts } || Gate.Fences is not { } fences)
        {
            return (float.NaN, float.NaN);
        }

        double score = fences.Score(facts.Width, facts.Height);
        return ((float)score, fences.IsOdd(score) ? 1f : 0f);
    }

    public string Write()
    {
        var rows = new JsonObject();
        foreach (var (key, row) in Rows.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            rows[key] = row.ToJson();
        }

        return new JsonObject
        {
            ["format"] = Format,
            ["version"] = Version,
            ["rules"] = new JsonObject { ["path"] = Rules.Path, ["base_directory"] = Rules.BaseDirectory, ["text"] = Rules.Text },
            ["fitted"] = FittedGateState.Write(Gate),
            ["rows"] = rows,
        }.ToJsonString();
    }

    public static GateSettings Parse(string state)
    {
        try
        {
            var root = JsonNode.Parse(state)?.AsObject() ?? throw Bad("it is empty");
            if (root["format"]?.GetValue<string>() != Format || root["version"]?.GetValue<int>() != Version)
            {
                throw Bad($"it is not a {Format} state of version {Version}");
            }

            var r = root["rules"]!.AsObject();
            var rules = DataGateRules.FromText(r["text"]!.GetValue<string>(), r["path"]!.GetValue<string>(), r["base_directory"]!.GetValue<string>());
            var gate = FittedGateState.Read(rules.RuleSet, root["fitted"]!.GetValue<string>());
            var rows = new Dictionary<string, FittedRow>(StringComparer.Ordinal);
            foreach (var (key, value) in root["rows"]!.AsObject())
            {
                rows[key] = FittedRow.FromJson(value!.AsArray());
            }

            return new GateSettings(rules, gate, rows);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException)
        {
            throw Bad(ex.Message);
        }
    }

    private static FormatException Bad(string why)
        => new($"{DiagnosticCodes.MlModelStateUnreadable.Code}: the saved Gate state cannot be read: {why}");
}
