using DataGate.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace DataGate.Core.Config;

/// <summary>The <c>duplicates:</c> section.</summary>
internal sealed partial class ConfigReader
{
    private static readonly Dictionary<string, RuleAction?> s_duplicateActions = new(StringComparer.Ordinal)
    {
        ["off"] = null,
        ["warn"] = RuleAction.Warn,
        ["exclude"] = RuleAction.Exclude,
        ["fail"] = RuleAction.Fail,
    };

    private static readonly Dictionary<string, RuleAction?> s_conflictActions = new(StringComparer.Ordinal)
    {
        ["off"] = null,
        ["warn"] = RuleAction.Warn,
        ["fail"] = RuleAction.Fail,
    };

    private static readonly Dictionary<string, KeepPolicy> s_keepPolicies = new(StringComparer.Ordinal)
    {
        ["best_quality"] = KeepPolicy.BestQuality,
        ["largest"] = KeepPolicy.Largest,
        ["first_path"] = KeepPolicy.FirstPath,
    };

    private static readonly Dictionary<string, NearConfirm> s_confirmChecks = new(StringComparer.Ordinal)
    {
        ["off"] = NearConfirm.Off,
        ["dhash"] = NearConfirm.DHash,
        ["correlation"] = NearConfirm.Correlation,
        ["both"] = NearConfirm.Both,
    };

    private static readonly Dictionary<string, bool> s_booleans = new(StringComparer.Ordinal)
    {
        ["true"] = true,
        ["false"] = false,
    };

    private static readonly string[] s_nearHashes = ["ahash", "phash", "dhash", "whash"];

    private static readonly Dictionary<string, NearMethod> s_nearMethods = new(StringComparer.Ordinal)
    {
        ["hash"] = NearMethod.Hash,
        ["embedding"] = NearMethod.Embedding,
        ["both"] = NearMethod.Both,
    };

    private static readonly Dictionary<string, EmbeddingSearch> s_embeddingSearches = new(StringComparer.Ordinal)
    {
        ["auto"] = EmbeddingSearch.Auto,
        ["exact"] = EmbeddingSearch.Exact,
        ["approximate"] = EmbeddingSearch.Approximate,
    };

    private static readonly string[] s_hashOnlyKeys = ["hash", "max_distance", "confirm", "confirm_max_distance", "confirm_min_correlation", "mirror", "max_candidates"];

    private static readonly string[] s_embeddingOnlyKeys = ["model", "preprocess", "min_similarity", "search"];

    private DuplicateSettings ReadDuplicates(YamlNode node)
    {
        var map = _w.Mapping(node, "duplicates", ConfigKeys.DuplicateKeys);
        if (map is null)
        {
            return new DuplicateSettings();
        }

        var defaults = new DuplicateSettings();
        return new DuplicateSettings
        {
            Exact = map.TryGetValue("exact", out var e) ? ReadDuplicatePolicy(e.Value, "duplicates.exact", near: false) : defaults.Exact,
            Near = map.TryGetValue("near", out var n) ? ReadDuplicatePolicy(n.Value, "duplicates.near", near: true) : defaults.Near,
            LabelConflicts = map.TryGetValue("label_conflicts", out var c) ? ReadOptionalAction(c.Value, "duplicates.label_conflicts", s_conflictActions) : defaults.LabelConflicts,
            LabelConflictsLocation = map.TryGetValue("label_conflicts", out var cl) ? _w.At(cl.Value) : null,
            Location = _w.At(node),
        };
    }

    private DuplicatePolicy? ReadDuplicatePolicy(YamlNode node, string what, bool near)
    {
        if (node is YamlScalarNode)
        {
            // Shorthand: `exact: off` or `near: exclude`.
            var shorthand = ReadOptionalAction(node, what, s_duplicateActions);
            return shorthand is null ? null : new DuplicatePolicy { Action = shorthand.Value, Location = _w.At(node) };
        }

        var map = _w.Mapping(node, what, near ? ConfigKeys.NearDuplicateKeys : ConfigKeys.ExactDuplicateKeys);
        if (map is null)
        {
            return null;
        }

        RuleAction? action = RuleAction.Warn;
        if (map.TryGetValue("action", out var a))
        {
            action = ReadOptionalAction(a.Value, $"{what}.action", s_duplicateActions);
            if (action is null)
            {
                return null;
            }
        }

        var keep = map.TryGetValue("keep", out var k) ? _w.Enum(k.Value, $"{what}.keep", s_keepPolicies) ?? KeepPolicy.BestQuality : KeepPolicy.BestQuality;
        string hash = "phash";
        int maxDistance = 4;
        if (near)
        {
            if (map.TryGetValue("hash", out var h))
            {
                var text = _w.String(h.Value, $"{what}.hash");
                if (text is not null && !s_nearHashes.Contains(text))
                {
                    _w.Error(DiagnosticCodes.OutOfRange, h.Value, $"{what}.hash must be one of {string.Join(", ", s_nearHashes)}, got '{text}'");
                }
                else if (text is not null)
                {
                    hash = text;
                }
            }

            if (map.TryGetValue("max_distance", out var d))
            {
                maxDistance = (int)(_w.Integer(d.Value, $"{what}.max_distance", 0, 32) ?? maxDistance);
            }
        }

        if (!near)
        {
            return new DuplicatePolicy { Action = action.Value, Keep = keep, Location = _w.At(node) };
        }

        var defaults = new DuplicatePolicy();
        var method = map.TryGetValue("method", out var me) ? _w.Enum(me.Value, $"{what}.method", s_nearMethods) ?? defaults.Method : defaults.Method;
        var embedding = method != NearMethod.Hash ? ReadEmbeddingOptions(map, node, what, method) : default;
        foreach (var key in method switch { NearMethod.Embedding => s_hashOnlyKeys, NearMethod.Hash => s_embeddingOnlyKeys, _ => [] })
        {
            if (map.TryGetValue(key, out var misplaced))
            {
                _w.Error(DiagnosticCodes.EmbeddingConfig, misplaced.Key, $"{what}.{key} applies only to method: {(method == NearMethod.Embedding ? "hash" : "embedding")} (method is {(method == NearMethod.Embedding ? "embedding" : "hash")})");
            }
        }

        var confirm = map.TryGetValue("confirm", out var cf) ? _w.Enum(cf.Value, $"{what}.confirm", s_confirmChecks) ?? defaults.Confirm : defaults.Confirm;
        int confirmDistance = defaults.ConfirmMaxDistance;
        if (map.TryGetValue("confirm_max_distance", out var cd))
        {
            confirmDistance = (int)(_w.Integer(cd.Value, $"{what}.confirm_max_distance", 0, 64) ?? confirmDistance);
            if (confirm is not (NearConfirm.DHash or NearConfirm.Both))
            {
                _w.Error(DiagnosticCodes.ConfirmOptionUnused, cd.Key, $"{what}.confirm_max_distance applies only to confirm: dhash or both (confirm is {Name(confirm)})");
            }
        }

        double confirmCorrelation = defaults.ConfirmMinCorrelation;
        if (map.TryGetValue("confirm_min_correlation", out var cc))
        {
            confirmCorrelation = _w.Number(cc.Value, $"{what}.confirm_min_correlation", -1, 1) ?? confirmCorrelation;
            if (confirm is not (NearConfirm.Correlation or NearConfirm.Both))
            {
                _w.Error(DiagnosticCodes.ConfirmOptionUnused, cc.Key, $"{what}.confirm_min_correlation applies only to confirm: correlation or both (confirm is {Name(confirm)})");
            }
        }

        bool mirror = hash is "phash" or "dhash";
        if (map.TryGetValue("mirror", out var mi))
        {
            bool? value = _w.Enum(mi.Value, $"{what}.mirror", s_booleans);
            if (value == true && !mirror)
            {
                _w.Error(DiagnosticCodes.MirrorUnavailable, mi.Value, $"{what}.mirror needs hash: phash or dhash (mirrored hashes are kept for those two), got hash: {hash}");
            }
            else if (value is not null)
            {
                mirror = value.Value;
            }
        }

        int maxCandidates = map.TryGetValue("max_candidates", out var mc)
            ? (int)(_w.Integer(mc.Value, $"{what}.max_candidates", 1, 100_000) ?? defaults.MaxCandidates)
            : defaults.MaxCandidates;

        return new DuplicatePolicy
        {
            Action = action.Value,
            Keep = keep,
            Hash = hash,
            MaxDistance = maxDistance,
            Confirm = method != NearMethod.Embedding ? confirm : NearConfirm.Off,
            ConfirmMaxDistance = confirmDistance,
            ConfirmMinCorrelation = confirmCorrelation,
            Mirror = method != NearMethod.Embedding && mirror,
            MaxCandidates = maxCandidates,
            Method = method,
            Model = embedding.Model,
            Preprocess = embedding.Preprocess,
            MinSimilarity = embedding.MinSimilarity ?? defaults.MinSimilarity,
            Search = embedding.Search,
            Location = _w.At(node),
        };
    }

    private (string? Model, string? Preprocess, double? MinSimilarity, EmbeddingSearch Search) ReadEmbeddingOptions(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> map, YamlNode node, string what, NearMethod method)
    {
        string? model = null;
        if (!map.TryGetValue("model", out var m))
        {
            _w.Error(DiagnosticCodes.EmbeddingConfig, node, $"{what}.method: {(method == NearMethod.Both ? "both" : "embedding")} needs {what}.model: the path of an ONNX image model, e.g. ResNet18Onnx/ResNet18.onnx from the Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 NuGet package (docs/near-duplicates.md)");
        }
        else
        {
            model = ExistingFile(m.Value, $"{what}.model", "model");
        }

        string? preprocess = null;
        if (map.TryGetValue("preprocess", out var p))
        {
            preprocess = ExistingFile(p.Value, $"{what}.preprocess", "preprocessing model");
        }
        else if (model is not null)
        {
            // The package's layout: tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx and .../ResNetPrepOnnx/ResNetPreprocess.onnx.
            var sibling = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(model)!, "..", "ResNetPrepOnnx", "ResNetPreprocess.onnx"));
            if (File.Exists(sibling) || !EmbeddingFilesMustExist)
            {
                preprocess = sibling;
            }
            else
            {
                _w.Error(DiagnosticCodes.EmbeddingConfig, m.Value, $"{what}.preprocess is not set and '{sibling}' (where the Microsoft.ML.DnnImageFeaturizer.ResNet18 package keeps ResNetPreprocess.onnx beside the model) does not exist: set {what}.preprocess");
            }
        }

        double? minSimilarity = map.TryGetValue("min_similarity", out var ms) ? _w.Number(ms.Value, $"{what}.min_similarity", 0, 1) : null;
        var search = map.TryGetValue("search", out var se) ? _w.Enum(se.Value, $"{what}.search", s_embeddingSearches) ?? EmbeddingSearch.Auto : EmbeddingSearch.Auto;
        return (model, preprocess, minSimilarity, search);
    }

    private string? ExistingFile(YamlNode value, string what, string noun)
    {
        var text = _w.String(value, what);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (text is not null)
            {
                _w.Error(DiagnosticCodes.EmbeddingConfig, value, $"{what} is empty");
            }

            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_baseDirectory, text));
        if (EmbeddingFilesMustExist && !File.Exists(full))
        {
            _w.Error(DiagnosticCodes.EmbeddingConfig, value, $"{what}: the {noun} '{full}' does not exist (the model is never downloaded; see docs/near-duplicates.md for where the NuGet package keeps it)");
            return null;
        }

        return full;
    }

    private static string Name(NearConfirm confirm) => s_confirmChecks.First(c => c.Value == confirm).Key;

    private RuleAction? ReadOptionalAction(YamlNode node, string what, Dictionary<string, RuleAction?> actions)
    {
        var text = _w.String(node, what);
        if (text is null)
        {
            return null;
        }

        if (actions.TryGetValue(text, out var action))
        {
            return action;
        }

        var near = YamlWalker.Nearest(text, actions.Keys);
        _w.Error(DiagnosticCodes.OutOfRange, node, $"{what} must be one of {string.Join(", ", actions.Keys)}, got '{text}'" + (near is null ? string.Empty : $"; did you mean '{near}'?"));
        return null;
    }
}
