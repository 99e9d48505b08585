using DataGate.Core.Analysis;
using DataGate.Core.Diagnostics;
using DataGate.Core.Labels;
using YamlDotNet.RepresentationModel;

namespace DataGate.Core.Config;

/// <summary>The dataset-level sections of the rule file: derived, balance, parity.</summary>
internal sealed partial class ConfigReader
{
    /// <summary>Tolerance of the sum of a reference distribution around 1.</summary>
    private const double ReferenceSumTolerance = 1e-6;

    private static readonly Dictionary<string, RuleAction> s_datasetActions = new(StringComparer.Ordinal)
    {
        ["fail"] = RuleAction.Fail,
        ["warn"] = RuleAction.Warn,
    };

    private static readonly string[] s_balanceKinds = ["min_share", "min_count", "reference", "max_ratio"];

    private DerivedSettings ReadDerived(YamlNode node)
    {
        var map = _w.Mapping(node, "derived", ConfigKeys.DerivedKeys);
        var defaults = new DerivedSettings();
        if (map is null)
        {
            return defaults;
        }

        int bins = map.TryGetValue("luminance_bins", out var b) ? (int)(_w.Integer(b.Value, "derived.luminance_bins", 2, 20) ?? defaults.LuminanceBins) : defaults.LuminanceBins;
        if (!map.TryGetValue("eda_luminance_bins", out var e))
        {
            return new DerivedSettings { LuminanceBins = bins };
        }

        var (edges, meanStd) = ReadEdaLuminanceBins(e.Value);
        return new DerivedSettings { LuminanceBins = bins, EdaLuminanceEdges = edges, EdaLuminanceMeanStd = meanStd };
    }

    // floor51 (the default) | mean_std | [ascending numbers]; anything else is DG1029.
    private (IReadOnlyList<double>? Edges, bool MeanStd) ReadEdaLuminanceBins(YamlNode node)
    {
        const string what = "derived.eda_luminance_bins";
        if (node is YamlScalarNode scalar)
        {
            switch (scalar.Value)
            {
                case "floor51":
                    return (null, false);
                case "mean_std":
                    return (null, true);
                default:
                    _w.Error(DiagnosticCodes.BadLuminanceBins, node, $"{what} must be floor51, mean_std or a list of ascending numbers, not '{scalar.Value}'");
                    return (null, false);
            }
        }

        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            _w.Error(DiagnosticCodes.BadLuminanceBins, node, $"{what} must be floor51, mean_std or a non-empty list of ascending numbers");
            return (null, false);
        }

        var edges = new List<double>();
        foreach (var child in seq.Children)
        {
            if (_w.Number(child, what) is not { } v)
            {
                return (null, false);
            }

            if (edges.Count > 0 && v <= edges[^1])
            {
                _w.Error(DiagnosticCodes.BadLuminanceBins, child, $"{what} must be strictly ascending: {v} follows {edges[^1]}");
                return (null, false);
            }

            edges.Add(v);
        }

        return (edges, false);
    }

    private List<BalanceRule> ReadBalance(YamlNode node, List<FieldDefinition> fields, DerivedSettings derived)
    {
        var known = CategoryFields.All(fields, derived);
        return RuleList(node, "balance", item => ReadBalanceRule(item, fields, known));
    }

    private BalanceRule? ReadBalanceRule(YamlNode node, List<FieldDefinition> fields, List<CategoryField> known)
    {
        var map = _w.Mapping(node, "a balance rule", ConfigKeys.BalanceKeys, ["id"]);
        if (map is null)
        {
            return null;
        }

        var id = map.TryGetValue("id", out var idEntry) ? RuleId(idEntry.Value) : null;
        bool ok = id is not null;
        var names = new List<string>();
        if (map.TryGetValue("field", out var f) == map.ContainsKey("cross"))
        {
            _w.Error(f.Value is null ? DiagnosticCodes.MissingKey : DiagnosticCodes.InconsistentSettings, node, $"balance rule '{id}' takes exactly one of 'field' or 'cross'");
            ok = false;
        }
        else if (f.Value is not null)
        {
            ok &= CategoryFieldName(f.Value, "field", fields, known, names);
        }
        else
        {
            var cross = map["cross"];
            var list = _w.StringList(cross.Value, "cross") ?? [];
            foreach (var (_, n) in list)
            {
                ok &= CategoryFieldName(n, "cross", fields, known, names);
            }

            if (list.Count < 2 || names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            {
                _w.Error(DiagnosticCodes.InconsistentSettings, cross.Value, "cross needs at least two different fields, e.g. [age_bin, gender]");
                ok = false;
            }
        }

        var kinds = s_balanceKinds.Where(map.ContainsKey).ToList();
        if (kinds.Count != 1)
        {
            _w.Error(kinds.Count == 0 ? DiagnosticCodes.MissingKey : DiagnosticCodes.InconsistentSettings, node, $"balance rule '{id}' takes exactly one of: {string.Join(", ", s_balanceKinds)}");
            return null;
        }

        bool isCross = map.ContainsKey("cross");
        var (kindKey, kindValue) = map[kinds[0]];
        if (isCross && kinds[0] is "reference" or "max_ratio")
        {
            _w.Error(DiagnosticCodes.InconsistentSettings, kindKey, $"balance rule '{id}': cross takes min_count or min_share, not {kinds[0]}");
            ok = false;
        }

        if (map.TryGetValue("max_distance", out var md) && kinds[0] != "reference")
        {
            _w.Error(DiagnosticCodes.InconsistentSettings, md.Key, $"balance rule '{id}': max_distance applies to a reference distribution only");
            ok = false;
        }

        double? bound = null;
        BalanceRuleKind kind = BalanceRuleKind.MinShare;
        IReadOnlyDictionary<string, double>? reference = null;
        var distance = DistanceMeasure.TotalVariation;
        switch (kinds[0])
        {
            case "min_share":
                bound = _w.Number(kindValue, "min_share", 0, 1);
                break;
            case "min_count":
                kind = BalanceRuleKind.MinCount;
                bound = _w.Integer(kindValue, "min_count", 0, int.MaxValue);
                break;
            case "max_ratio":
                kind = BalanceRuleKind.MaxRatio;
                bound = _w.Number(kindValue, "max_ratio", 1);
                break;
            default:
                kind = BalanceRuleKind.Reference;
                reference = names.Count == 1 ? ReadReference(kindValue, known.First(k => k.Name == names[0]), fields) : null;
                if (md.Value is null)
                {
                    _w.Error(DiagnosticCodes.MissingKey, node, $"balance rule '{id}' with a reference needs max_distance: {{ total_variation | kl | chi2_p_value: N }}");
                }
                else
                {
                    (distance, bound) = ReadDistance(md.Value);
                }

                break;
        }

        var action = map.TryGetValue("action", out var a) ? _w.Enum(a.Value, "action", s_datasetActions) ?? RuleAction.Fail : RuleAction.Fail;
        var description = map.TryGetValue("description", out var ds) ? _w.String(ds.Value, "description") : null;
        if (!ok || bound is null || (kind == BalanceRuleKind.Reference && reference is null))
        {
            return null;
        }

        return new BalanceRule
        {
            Id = id!,
            Fields = names,
            Kind = kind,
            Bound = bound.Value,
            Reference = reference,
            Distance = distance,
            Action = action,
            Description = description,
            Location = _w.At(node),
        };
    }

    private bool CategoryFieldName(YamlNode node, string what, List<FieldDefinition> fields, List<CategoryField> known, List<string> names)
    {
        var name = _w.String(node, what);
        if (name is null)
        {
            return false;
        }

        if (known.Any(k => k.Name == name))
        {
            names.Add(name);
            return true;
        }

        var numeric = fields.FirstOrDefault(fd => fd.Name == name);
        if (numeric is not null)
        {
            _w.Error(DiagnosticCodes.UnknownField, node, $"field '{name}' is numeric; group by a category field such as '{name}_bin' (declare bins: [...] on '{name}')");
            return false;
        }

        var near = YamlWalker.Nearest(name, known.Select(k => k.Name));
        _w.Error(DiagnosticCodes.UnknownField, node, $"unknown field '{name}'; usable fields: {string.Join(", ", known.Select(k => k.Name))}" + (near is null ? string.Empty : $"; did you mean '{near}'?"));
        return false;
    }

    private Dictionary<string, double>? ReadReference(YamlNode node, CategoryField field, List<FieldDefinition> fields)
    {
        var map = _w.Mapping(node, "reference", []);
        if (map is null)
        {
            return null;
        }

        var codes = fields.FirstOrDefault(fd => fd.Name == field.Name)?.Names;
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        bool ok = true;
        foreach (var (category, (key, value)) in map)
        {
            var share = _w.Number(value, $"reference share of '{category}'", 0, 1);
            ok &= share is not null;
            string name = codes is not null && codes.TryGetValue(category, out var display) ? display : category;
            if (!field.IsOpen && !field.Categories.Contains(name))
            {
                _w.Error(DiagnosticCodes.BadReference, key, $"reference names '{category}', which is not a category of {field.Name} ({string.Join(", ", field.Categories)})");
                ok = false;
            }
            else if (result.ContainsKey(name))
            {
                _w.Error(DiagnosticCodes.BadReference, key, $"reference names '{name}' twice");
                ok = false;
            }
            else if (share is not null)
            {
                result[name] = share.Value;
            }
        }

        double sum = result.Values.Sum();
        if (ok && Math.Abs(sum - 1) > ReferenceSumTolerance)
        {
            _w.Error(DiagnosticCodes.BadReference, node, $"reference shares sum to {sum:R}; they must sum to 1 (±{ReferenceSumTolerance:G})");
            ok = false;
        }

        return ok ? result : null;
    }

    private (DistanceMeasure, double?) ReadDistance(YamlNode node)
    {
        var map = _w.Mapping(node, "max_distance", ConfigKeys.DistanceKeys);
        if (map is null)
        {
            return (DistanceMeasure.TotalVariation, null);
        }

        if (map.Count != 1)
        {
            _w.Error(DiagnosticCodes.InconsistentSettings, node, "max_distance takes exactly one of: total_variation, kl, chi2_p_value");
            return (DistanceMeasure.TotalVariation, null);
        }

        var (kind, (_, value)) = map.First();
        return kind switch
        {
            "total_variation" => (DistanceMeasure.TotalVariation, _w.Number(value, "max_distance.total_variation", 0, 1)),
            "kl" => (DistanceMeasure.KullbackLeibler, _w.Number(value, "max_distance.kl", 0)),
            _ => (DistanceMeasure.ChiSquarePValue, _w.Number(value, "max_distance.chi2_p_value", 0, 1)),
        };
    }

    private List<ParityRule> ReadParity(YamlNode node, List<FieldDefinition> fields, DerivedSettings derived)
    {
        var known = CategoryFields.All(fields, derived);
        return RuleList(node, "parity", item => ReadParityRule(item, fields, known));
    }

    private ParityRule? ReadParityRule(YamlNode node, List<FieldDefinition> fields, List<CategoryField> known)
    {
        var map = _w.Mapping(node, "a parity rule", ConfigKeys.ParityKeys, ["id", "metric", "across", "max_effect"]);
        if (map is null)
        {
            return null;
        }

        var id = map.TryGetValue("id", out var idEntry) ? RuleId(idEntry.Value) : null;
        string? metric = map.TryGetValue("metric", out var m) ? MetricName(m.Value) : null;

        var names = new List<string>();
        bool across = map.TryGetValue("across", out var ac) && CategoryFieldName(ac.Value, "across", fields, known, names);
        EffectMeasure measure = EffectMeasure.CohensD;
        double? bound = null;
        if (map.TryGetValue("max_effect", out var me))
        {
            var effect = _w.Mapping(me.Value, "max_effect", ConfigKeys.EffectKeys);
            if (effect is not null && effect.Count != 1)
            {
                _w.Error(DiagnosticCodes.InconsistentSettings, me.Value, "max_effect takes exactly one of: cohens_d, ks, auc");
            }
            else if (effect is not null)
            {
                var (kind, (_, value)) = effect.First();
                (measure, bound) = kind switch
                {
                    "cohens_d" => (EffectMeasure.CohensD, _w.Number(value, "max_effect.cohens_d", 0)),
                    "ks" => (EffectMeasure.KolmogorovSmirnov, _w.Number(value, "max_effect.ks", 0, 1)),
                    _ => (EffectMeasure.Auc, _w.Number(value, "max_effect.auc", 0.5, 1)),
                };
            }
        }

        var action = map.TryGetValue("action", out var a) ? _w.Enum(a.Value, "action", s_datasetActions) ?? RuleAction.Fail : RuleAction.Fail;
        var description = map.TryGetValue("description", out var ds) ? _w.String(ds.Value, "description") : null;
        if (id is null || metric is null || !across || bound is null)
        {
            return null;
        }

        return new ParityRule
        {
            Id = id,
            Metric = metric,
            Across = names[0],
            Measure = measure,
            MaxEffect = bound.Value,
            Action = action,
            Description = description,
            Location = _w.At(node),
        };
    }
}
