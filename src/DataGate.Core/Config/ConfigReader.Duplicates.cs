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
            Confirm = confirm,
            ConfirmMaxDistance = confirmDistance,
            ConfirmMinCorrelation = confirmCorrelation,
            Mirror = mirror,
            MaxCandidates = maxCandidates,
            Location = _w.At(node),
        };
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
