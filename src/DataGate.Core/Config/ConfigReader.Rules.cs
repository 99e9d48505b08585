using System.Text.RegularExpressions;
using DataGate.Core.Analysis;
using DataGate.Core.Diagnostics;
using DataGate.Core.Imaging;
using YamlDotNet.RepresentationModel;

namespace DataGate.Core.Config;

/// <summary>The rule sections of the rule file: quality, gate, limits, decode.</summary>
internal sealed partial class ConfigReader
{
    private readonly Dictionary<string, SourceSpan> _ruleIds = new(StringComparer.Ordinal);

    private List<QualityRule> ReadQuality(YamlNode node) => RuleList(node, "quality", ReadQualityRule);

    /// <summary>A rule section: a list whose items each become a rule (or null after reporting their errors).</summary>
    private List<T> RuleList<T>(YamlNode node, string section, Func<YamlNode, T?> readRule)
        where T : class
    {
        var result = new List<T>();
        if (node is not YamlSequenceNode seq)
        {
            _w.Error(DiagnosticCodes.WrongType, node, $"{section} must be a list of rules (lines starting with '- id: ...')");
            return result;
        }

        foreach (var item in seq.Children)
        {
            if (readRule(item) is { } rule)
            {
                result.Add(rule);
            }
        }

        return result;
    }

    private QualityRule? ReadQualityRule(YamlNode node)
    {
        var map = _w.Mapping(node, "a quality rule", ConfigKeys.RuleKeys, ["id", "metric"]);
        if (map is null)
        {
            return null;
        }

        var id = map.TryGetValue("id", out var idEntry) ? RuleId(idEntry.Value) : null;
        string? metric = map.TryGetValue("metric", out var m) ? MetricName(m.Value) : null;

        var min = map.TryGetValue("min", out var mn) ? ReadThreshold(mn.Value, "min") : null;
        var max = map.TryGetValue("max", out var mx) ? ReadThreshold(mx.Value, "max") : null;
        if (!map.ContainsKey("min") && !map.ContainsKey("max"))
        {
            _w.Error(DiagnosticCodes.MissingKey, node, $"quality rule '{id}' needs 'min', 'max' or both");
        }

        if (min is { Kind: ThresholdKind.Absolute } && max is { Kind: ThresholdKind.Absolute } && min.Value > max.Value)
        {
            _w.Error(DiagnosticCodes.InconsistentSettings, mx.Value, $"quality rule '{id}': min {min.Value} is above max {max.Value}; no image could pass");
        }

        var action = map.TryGetValue("action", out var a) ? _w.Enum(a.Value, "action", s_actions) ?? RuleAction.Warn : RuleAction.Warn;
        double mostly = action == RuleAction.Fail ? 1.0 : 0.0;
        if (map.TryGetValue("mostly", out var ms))
        {
            mostly = _w.Number(ms.Value, "mostly", 0, 1) ?? mostly;
        }

        var severity = map.TryGetValue("severity", out var sv) ? _w.Enum(sv.Value, "severity", s_severities) ?? Severity.Error : Severity.Error;
        var description = map.TryGetValue("description", out var ds) ? _w.String(ds.Value, "description") : null;
        if (id is null || metric is null)
        {
            return null;
        }

        return new QualityRule
        {
            Id = id,
            Metric = metric,
            Min = min,
            Max = max,
            Action = action,
            Mostly = mostly,
            Severity = severity,
            Description = description,
            Location = _w.At(node),
        };
    }

    /// <summary>A metric name that must be in <see cref="MetricCatalog"/>; a misspelling gets the nearest name.</summary>
    private string? MetricName(YamlNode node)
    {
        var metric = _w.String(node, "metric");
        if (metric is not null && MetricCatalog.Find(metric) is null)
        {
            var near = YamlWalker.Nearest(metric, MetricCatalog.All.Select(x => x.Name));
            _w.Error(DiagnosticCodes.UnknownMetric, node, $"unknown metric '{metric}'" + (near is null ? "; see the metrics table in the README" : $"; did you mean '{near}'?"));
            return null;
        }

        return metric;
    }

    private string? RuleId(YamlNode node)
    {
        var id = _w.String(node, "id");
        if (id is null)
        {
            return null;
        }

        if (!RuleIdRegex().IsMatch(id))
        {
            _w.Error(DiagnosticCodes.OutOfRange, node, $"rule id '{id}' must start with a letter and use only letters, digits, '-' and '_'");
            return null;
        }

        if (_ruleIds.TryGetValue(id, out var first))
        {
            _w.Error(DiagnosticCodes.DuplicateRuleId, node, $"rule id '{id}' is already used at line {first.Line}");
            return null;
        }

        _ruleIds[id] = _w.At(node);
        return id;
    }

    private Threshold? ReadThreshold(YamlNode node, string what)
    {
        if (node is YamlScalarNode)
        {
            var v = _w.Number(node, what);
            return v is null ? null : new Threshold(ThresholdKind.Absolute, v.Value);
        }

        var map = _w.Mapping(node, what, ConfigKeys.ThresholdKeys);
        if (map is null)
        {
            return null;
        }

        if (map.Count != 1)
        {
            _w.Error(DiagnosticCodes.InconsistentSettings, node, $"{what} takes a number, or exactly one of: percentile, iqr_fence");
            return null;
        }

        var (kind, (_, value)) = map.First();
        if (kind == "percentile")
        {
            var p = _w.Number(value, $"{what}.percentile", 0, 100);
            return p is null ? null : new Threshold(ThresholdKind.Percentile, p.Value);
        }

        var k = _w.Number(value, $"{what}.iqr_fence", 0, 100);
        return k is null ? null : new Threshold(ThresholdKind.IqrFence, k.Value);
    }

    private GateSettings ReadGate(YamlNode node)
    {
        var map = _w.Mapping(node, "gate", ConfigKeys.GateKeys);
        var defaults = new GateSettings();
        if (map is null)
        {
            return defaults;
        }

        return new GateSettings
        {
            MaxExcludedFraction = map.TryGetValue("max_excluded_fraction", out var e) ? _w.Number(e.Value, "gate.max_excluded_fraction", 0, 1) ?? defaults.MaxExcludedFraction : defaults.MaxExcludedFraction,
            MaxErroredFraction = map.TryGetValue("max_errored_fraction", out var r) ? _w.Number(r.Value, "gate.max_errored_fraction", 0, 1) ?? defaults.MaxErroredFraction : defaults.MaxErroredFraction,
            MinImages = map.TryGetValue("min_images", out var n) ? (int)(_w.Integer(n.Value, "gate.min_images", 0, int.MaxValue) ?? defaults.MinImages) : defaults.MinImages,
        };
    }

    private CleanVisionSettings ReadCleanVision(YamlNode node)
    {
        var map = _w.Mapping(node, "cleanvision", ConfigKeys.CleanVisionKeys);
        var d = CleanVisionSettings.Default;
        if (map is null)
        {
            return d;
        }

        double Read(string key, double fallback) =>
            map.TryGetValue(key, out var e) ? _w.Number(e.Value, "cleanvision." + key, 0, 1) ?? fallback : fallback;

        return new CleanVisionSettings
        {
            Dark = Read("dark", d.Dark),
            Light = Read("light", d.Light),
            Blurry = Read("blurry", d.Blurry),
            LowInformation = Read("low_information", d.LowInformation),
            OddAspectRatio = Read("odd_aspect_ratio", d.OddAspectRatio),
        };
    }

    private LimitSettings ReadLimits(YamlNode node)
    {
        var map = _w.Mapping(node, "limits", ConfigKeys.LimitKeys);
        var defaults = new LimitSettings();
        if (map is null)
        {
            return defaults;
        }

        return new LimitSettings
        {
            MaxPixels = map.TryGetValue("max_pixels", out var p) ? _w.Integer(p.Value, "limits.max_pixels", 1, 1_000_000_000) ?? defaults.MaxPixels : defaults.MaxPixels,
            MaxDecodeMemoryMb = map.TryGetValue("max_decode_memory_mb", out var m) ? _w.Integer(m.Value, "limits.max_decode_memory_mb", 16, 16384) ?? defaults.MaxDecodeMemoryMb : defaults.MaxDecodeMemoryMb,
            MaxFileMb = map.TryGetValue("max_file_mb", out var f) ? _w.Integer(f.Value, "limits.max_file_mb", 1, 4096) ?? defaults.MaxFileMb : defaults.MaxFileMb,
        };
    }

    private DecodeSettings ReadDecode(YamlNode node)
    {
        var map = _w.Mapping(node, "decode", ConfigKeys.DecodeKeys);
        if (map is null || !map.TryGetValue("engine", out var e))
        {
            return new DecodeSettings();
        }

        var name = _w.String(e.Value, "decode.engine");
        if (name is null)
        {
            return new DecodeSettings();
        }

        if (!DecodeEngineNames.TryParse(name, out var engine))
        {
            var near = YamlWalker.Nearest(name, DecodeEngineNames.All);
            _w.Error(DiagnosticCodes.UnknownDecodeEngine, e.Value, $"decode.engine must be one of {string.Join(", ", DecodeEngineNames.All)}, got '{name}'" + (near is null ? string.Empty : $"; did you mean '{near}'?"));
            return new DecodeSettings();
        }

        return new DecodeSettings { Engine = engine };
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex RuleIdRegex();
}
