using DataGate.Core.Diagnostics;
using DataGate.Core.Labels;
using YamlDotNet.RepresentationModel;

namespace DataGate.Core.Config;

/// <summary>The <c>splits:</c> section.</summary>
internal sealed partial class ConfigReader
{
    /// <summary>Tolerance of the sum of the split ratios around 1.</summary>
    internal const double SplitRatioSumTolerance = 1e-9;

    /// <summary>The group that always applies: the duplicate group of metrics.csv.</summary>
    internal const string DuplicateGroupField = "duplicate_group";

    private SplitSettings? ReadSplits(YamlNode node, List<FieldDefinition> fields, DerivedSettings derived)
    {
        var map = _w.Mapping(node, "splits", ConfigKeys.SplitKeys, ["ratios"]);
        if (map is null)
        {
            return null;
        }

        bool ok = true;
        var ratios = map.TryGetValue("ratios", out var r) ? ReadSplitRatios(r.Value) : null;
        ok &= ratios is not null;

        var known = CategoryFields.All(fields, derived);
        var stratify = new List<string>();
        if (map.TryGetValue("stratify_by", out var sb))
        {
            foreach (var (name, n) in _w.StringList(sb.Value, "splits.stratify_by") ?? [])
            {
                if (stratify.Contains(name))
                {
                    _w.Error(DiagnosticCodes.BadSplitField, n, $"splits.stratify_by names '{name}' twice");
                    ok = false;
                }
                else if (known.Any(k => k.Name == name))
                {
                    stratify.Add(name);
                }
                else
                {
                    ok = false;
                    var numeric = fields.FirstOrDefault(fd => fd.Name == name);
                    var near = YamlWalker.Nearest(name, known.Select(k => k.Name));
                    _w.Error(DiagnosticCodes.BadSplitField, n, numeric is not null
                        ? $"splits.stratify_by field '{name}' is numeric; stratify by a category field such as '{name}_bin' (declare bins: [...] on '{name}')"
                        : $"splits.stratify_by names unknown field '{name}'; usable fields: {string.Join(", ", known.Select(k => k.Name))}" + (near is null ? string.Empty : $"; did you mean '{near}'?"));
                }
            }
        }

        var groupBy = new List<string>();
        if (map.TryGetValue("group_by", out var gb))
        {
            var usable = fields.Select(f => f.Name).Concat(known.Select(k => k.Name)).Prepend(DuplicateGroupField).Distinct(StringComparer.Ordinal).ToList();
            foreach (var (name, n) in _w.StringList(gb.Value, "splits.group_by") ?? [])
            {
                if (name == DuplicateGroupField)
                {
                    continue; // always applies; naming it is allowed for clarity
                }

                if (groupBy.Contains(name))
                {
                    _w.Error(DiagnosticCodes.BadSplitField, n, $"splits.group_by names '{name}' twice");
                    ok = false;
                }
                else if (usable.Contains(name))
                {
                    groupBy.Add(name);
                }
                else
                {
                    ok = false;
                    var near = YamlWalker.Nearest(name, usable);
                    _w.Error(DiagnosticCodes.BadSplitField, n, $"splits.group_by names unknown field '{name}'; usable fields: {string.Join(", ", usable)}" + (near is null ? string.Empty : $"; did you mean '{near}'?"));
                }
            }
        }

        long seed = map.TryGetValue("seed", out var sd) ? _w.Integer(sd.Value, "splits.seed") ?? 0 : 0;
        int folds = 0;
        if (map.TryGetValue("folds", out var fo))
        {
            var k = _w.Integer(fo.Value, "splits.folds");
            if (k is not null && k != 0 && (k < 2 || k > 100))
            {
                _w.Error(DiagnosticCodes.BadSplitFolds, fo.Value, $"splits.folds must be 0 (no folds) or 2-100, got {k}");
                ok = false;
            }
            else if (k is not null)
            {
                folds = (int)k;
            }
        }

        string? lockPath = null, lockText = null;
        if (map.TryGetValue("lock", out var lk))
        {
            lockText = _w.String(lk.Value, "splits.lock");
            if (lockText is not null)
            {
                lockPath = ReadLockPath(lk.Value, lockText);
                ok &= lockPath is not null;
            }
        }

        double maxDev = map.TryGetValue("max_cell_deviation", out var md) ? _w.Number(md.Value, "splits.max_cell_deviation", 0, 1) ?? SplitSettings.DefaultMaxCellDeviation : SplitSettings.DefaultMaxCellDeviation;
        int minCell = map.TryGetValue("min_cell_images", out var mc) ? (int)(_w.Integer(mc.Value, "splits.min_cell_images", 1, int.MaxValue) ?? SplitSettings.DefaultMinCellImages) : SplitSettings.DefaultMinCellImages;
        var action = map.TryGetValue("action", out var a) ? _w.Enum(a.Value, "splits.action", s_datasetActions) ?? RuleAction.Fail : RuleAction.Fail;
        if (!ok || ratios is null)
        {
            return null;
        }

        return new SplitSettings
        {
            Ratios = ratios,
            StratifyBy = stratify,
            GroupBy = groupBy,
            Seed = seed,
            Folds = folds,
            LockPath = lockPath,
            LockPathText = lockText,
            MaxCellDeviation = maxDev,
            MinCellImages = minCell,
            Action = action,
            Location = _w.At(node),
        };
    }

    private List<SplitRatio>? ReadSplitRatios(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            _w.Error(DiagnosticCodes.WrongType, node, $"splits.ratios must be a mapping of split name to share, e.g. {{ train: 0.8, val: 0.1, test: 0.1 }}, not {YamlWalker.Describe(node)}");
            return null;
        }

        var result = new List<SplitRatio>();
        bool ok = true;
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } name })
            {
                _w.Error(DiagnosticCodes.BadSplitRatios, keyNode, "split names must be plain names");
                ok = false;
                continue;
            }

            if (!IdentifierRegex().IsMatch(name))
            {
                _w.Error(DiagnosticCodes.BadSplitRatios, keyNode, $"split name '{name}' must be snake_case letters, digits and _ (it names the manifest {name}.csv)");
                ok = false;
            }
            else if (name is "kept" or "metrics" or "report" or "summary")
            {
                _w.Error(DiagnosticCodes.BadSplitRatios, keyNode, $"split name '{name}' would overwrite the output {name}.csv; choose another name");
                ok = false;
            }
            else if (result.Any(x => x.Name == name))
            {
                _w.Error(DiagnosticCodes.BadSplitRatios, keyNode, $"split '{name}' is named twice");
                ok = false;
            }

            var share = _w.Number(value, $"ratio of split '{name}'");
            if (share is null)
            {
                ok = false;
            }
            else if (!(share > 0 && share < 1))
            {
                _w.Error(DiagnosticCodes.BadSplitRatios, value, $"ratio of split '{name}' must be above 0 and below 1, got {share}");
                ok = false;
            }
            else
            {
                result.Add(new SplitRatio(name, share.Value));
            }
        }

        if (map.Children.Count is < 2 or > 10)
        {
            _w.Error(DiagnosticCodes.BadSplitRatios, node, $"splits.ratios needs 2-10 splits, got {map.Children.Count}");
            return null;
        }

        double sum = result.Sum(x => x.Ratio);
        if (ok && Math.Abs(sum - 1) > SplitRatioSumTolerance)
        {
            _w.Error(DiagnosticCodes.BadSplitRatios, node, $"split ratios sum to {sum:R}; they must sum to 1 (±{SplitRatioSumTolerance:G})");
            ok = false;
        }

        return ok ? result : null;
    }

    private string? ReadLockPath(YamlNode node, string text)
    {
        if (text.Trim().Length == 0)
        {
            _w.Error(DiagnosticCodes.BadSplitLockPath, node, "splits.lock must name a file, e.g. datagate.splits.lock");
            return null;
        }

        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(_baseDirectory, text));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            _w.Error(DiagnosticCodes.BadSplitLockPath, node, $"splits.lock '{text}' is not a valid path: {ex.Message}");
            return null;
        }

        if (Directory.Exists(full) || text.EndsWith('/') || text.EndsWith('\\'))
        {
            _w.Error(DiagnosticCodes.BadSplitLockPath, node, $"splits.lock '{text}' is a folder; it must name a file (resolved to {full})");
            return null;
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            _w.Error(DiagnosticCodes.BadSplitLockPath, node, $"the folder of splits.lock '{text}' does not exist (resolved to {full})");
            return null;
        }

        return full;
    }
}
