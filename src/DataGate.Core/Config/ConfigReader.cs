using System.Text.RegularExpressions;
using DataGate.Core.Analysis;
using DataGate.Core.Diagnostics;
using BrisqueModel = DataGate.Core.Quality.Brisque.BrisqueModel;
using BrisqueModelException = DataGate.Core.Quality.Brisque.BrisqueModelException;
using YamlDotNet.RepresentationModel;

namespace DataGate.Core.Config;

/// <summary>Maps the YAML tree of a rule file onto <see cref="GateConfig"/>, collecting every error.</summary>
internal sealed partial class ConfigReader
{

    private static readonly Dictionary<string, RuleAction> s_actions = new(StringComparer.Ordinal)
    {
        ["warn"] = RuleAction.Warn,
        ["exclude"] = RuleAction.Exclude,
        ["fail"] = RuleAction.Fail,
    };

    private static readonly Dictionary<string, Severity> s_severities = new(StringComparer.Ordinal)
    {
        ["error"] = Severity.Error,
        ["warning"] = Severity.Warning,
    };

    private static readonly Dictionary<string, FieldType> s_types = new(StringComparer.Ordinal)
    {
        ["integer"] = FieldType.Integer,
        ["number"] = FieldType.Number,
        ["category"] = FieldType.Category,
    };

    private readonly YamlWalker _w;
    private readonly string _path;
    private readonly string _baseDirectory;
    private readonly bool _requireDataset;

    /// <param name="walker">The YAML walker collecting diagnostics.</param>
    /// <param name="path">Name of the rule file in diagnostics.</param>
    /// <param name="baseDirectory">Folder relative paths are resolved against.</param>
    /// <param name="requireDataset">True for <c>check</c> (a dataset folder that exists); false for a rule set applied to rows.</param>
    public ConfigReader(YamlWalker walker, string path, string baseDirectory, bool requireDataset = true)
    {
        _w = walker;
        _path = path;
        _baseDirectory = baseDirectory;
        _requireDataset = requireDataset;
    }

    /// <summary>False: <c>near:</c> embedding model paths are resolved but not checked for existence (reloaded ML.NET gates).</summary>
    public bool EmbeddingFilesMustExist { get; init; } = true;

    public GateConfig? Read(YamlNode root)
    {
        var top = _w.Mapping(root, "the rule file", ConfigKeys.TopKeys, _requireDataset ? ["version", "dataset"] : ["version"]);
        if (top is null)
        {
            return null;
        }

        if (top.TryGetValue("version", out var version))
        {
            var v = _w.Integer(version.Value, "version");
            if (v is not null && v != GateConfig.CurrentVersion)
            {
                _w.Error(DiagnosticCodes.UnsupportedVersion, version.Value, $"rule file version {v} is not supported; this DataGate reads version {GateConfig.CurrentVersion}");
            }
        }

        var fields = top.TryGetValue("fields", out var f) ? ReadFields(f.Value) : [];
        var dataset = top.TryGetValue("dataset", out var d) ? ReadDataset(d.Value, fields) : null;
        var quality = top.TryGetValue("quality", out var q) ? ReadQuality(q.Value) : [];
        var gate = top.TryGetValue("gate", out var g) ? ReadGate(g.Value) : new GateSettings();
        var limits = top.TryGetValue("limits", out var l) ? ReadLimits(l.Value) : new LimitSettings();
        var decode = top.TryGetValue("decode", out var dc) ? ReadDecode(dc.Value) : new DecodeSettings();
        var brisque = top.TryGetValue("brisque", out var bq) ? ReadBrisque(bq.Value) : null;
        var duplicates = top.TryGetValue("duplicates", out var dup) ? ReadDuplicates(dup.Value) : new DuplicateSettings();

        var cleanVision = top.TryGetValue("cleanvision", out var cv) ? ReadCleanVision(cv.Value) : CleanVisionSettings.Default;
        var derived = top.TryGetValue("derived", out var dv) ? ReadDerived(dv.Value) : new DerivedSettings();
        var balance = top.TryGetValue("balance", out var bl) ? ReadBalance(bl.Value, fields, derived) : [];
        var parity = top.TryGetValue("parity", out var pr) ? ReadParity(pr.Value, fields, derived) : [];
        var splits = top.TryGetValue("splits", out var sp) ? ReadSplits(sp.Value, fields, derived) : null;
        if (dataset is null && (_requireDataset || top.ContainsKey("dataset")))
        {
            return null;
        }

        return new GateConfig
        {
            SourcePath = _path,
            Dataset = dataset ?? DatasetSettings.None,
            Fields = fields,
            Quality = quality,
            Gate = gate,
            Limits = limits,
            Decode = decode,
            BrisqueModel = brisque,
            Duplicates = duplicates,
            CleanVision = cleanVision,

            Derived = derived,
            Balance = balance,
            Parity = parity,
            Splits = splits,
        };
    }

    private DatasetSettings? ReadDataset(YamlNode node, List<FieldDefinition> fields)
    {
        var map = _w.Mapping(node, "dataset", ConfigKeys.DatasetKeys, ["root"]);
        if (map is null || !map.TryGetValue("root", out var rootEntry))
        {
            return null;
        }

        var rootText = _w.String(rootEntry.Value, "dataset.root");
        string? root = null;
        if (rootText is not null)
        {
            root = Path.GetFullPath(Path.Combine(_baseDirectory, rootText));
            if (_requireDataset && !Directory.Exists(root))
            {
                _w.Error(DiagnosticCodes.BadPath, rootEntry.Value, $"dataset root '{rootText}' does not exist (resolved to {root})");
            }
        }

        var include = map.TryGetValue("include", out var inc) ? Globs(inc.Value, "dataset.include") : DatasetSettings.DefaultInclude;
        var exclude = map.TryGetValue("exclude", out var exc) ? Globs(exc.Value, "dataset.exclude") : [];
        var labels = map.TryGetValue("labels", out var lab) && root is not null ? ReadLabels(lab.Value, fields) : LabelSource.None;
        return root is null ? null : new DatasetSettings
        {
            Root = root,
            Include = include,
            Exclude = exclude,
            Labels = labels,
            RootLocation = _w.At(rootEntry.Value),
        };
    }

    private List<string> Globs(YamlNode node, string what)
    {
        var list = _w.StringList(node, what) ?? [];
        foreach (var (glob, n) in list)
        {
            if (glob.Length == 0 || Path.IsPathRooted(glob) || glob.Split('/').Contains(".."))
            {
                _w.Error(DiagnosticCodes.BadGlob, n, $"{what} pattern '{glob}' must be relative to the dataset root and must not use '..'");
            }
        }

        return list.Select(t => t.Value).ToList();
    }

    private LabelSource ReadLabels(YamlNode node, List<FieldDefinition> fields)
    {
        var map = _w.Mapping(node, "dataset.labels", ConfigKeys.LabelKeys);
        if (map is null)
        {
            return LabelSource.None;
        }

        if (map.Count != 1)
        {
            _w.Error(DiagnosticCodes.InconsistentSettings, node, "dataset.labels takes exactly one of: filename, csv, folder");
            return LabelSource.None;
        }

        var (kind, (_, value)) = map.First();
        var at = _w.At(node);
        switch (kind)
        {
            case "filename":
                var pattern = _w.String(value, "dataset.labels.filename");
                if (pattern is null)
                {
                    return LabelSource.None;
                }

                Regex regex;
                try
                {
                    regex = CompileLabelPattern(pattern);
                }
                catch (ArgumentException ex)
                {
                    _w.Error(DiagnosticCodes.BadRegex, value, $"file-name pattern does not compile: {ex.Message}");
                    return LabelSource.None;
                }

                var groups = regex.GetGroupNames().Where(n => !int.TryParse(n, out _)).ToList();
                if (groups.Count == 0)
                {
                    _w.Error(DiagnosticCodes.BadRegex, value, "file-name pattern has no named groups such as (?<age>\\d+); it would give no labels");
                }

                foreach (var field in fields.Where(fd => !groups.Contains(fd.Name)))
                {
                    _w.Errors.Add(DiagnosticCodes.UnknownField.Create($"field '{field.Name}' is declared but the file-name pattern has no group (?<{field.Name}>...)", field.Location));
                }

                return new LabelSource { Kind = LabelSourceKind.FileName, Pattern = regex, Location = at };
            case "csv":
                var csv = _w.Mapping(value, "dataset.labels.csv", ConfigKeys.CsvKeys, ["path"]);
                if (csv is null || !csv.TryGetValue("path", out var p))
                {
                    return LabelSource.None;
                }

                var csvPath = _w.String(p.Value, "dataset.labels.csv.path");
                if (csvPath is null)
                {
                    return LabelSource.None;
                }

                var full = Path.GetFullPath(Path.Combine(_baseDirectory, csvPath));
                if (!File.Exists(full))
                {
                    _w.Error(DiagnosticCodes.BadPath, p.Value, $"label manifest '{csvPath}' does not exist (resolved to {full})");
                }

                var column = csv.TryGetValue("file_column", out var fc) ? _w.String(fc.Value, "dataset.labels.csv.file_column") ?? "file" : "file";
                char? separator = null;
                if (csv.TryGetValue("separator", out var sv) && _w.String(sv.Value, "dataset.labels.csv.separator") is { } sepText)
                {
                    separator = sepText switch { "," => ',', ";" => ';', "\\t" or "\t" or "tab" => '\t', "|" => '|', _ => null };
                    if (separator is null)
                    {
                        _w.Error(DiagnosticCodes.OutOfRange, sv.Value, $"dataset.labels.csv.separator '{sepText}' is not one of ',', ';', '\\t' (tab), '|'");
                    }
                }

                return new LabelSource { Kind = LabelSourceKind.Csv, CsvPath = full, CsvFileColumn = column, CsvSeparator = separator, Location = at };
            default:
                var folderField = _w.String(value, "dataset.labels.folder");
                if (folderField is null)
                {
                    return LabelSource.None;
                }

                if (!IdentifierRegex().IsMatch(folderField))
                {
                    _w.Error(DiagnosticCodes.OutOfRange, value, $"field name '{folderField}' must be snake_case letters, digits and _");
                }

                return new LabelSource { Kind = LabelSourceKind.Folder, FolderField = folderField, Location = at };
        }
    }

    private BrisqueModel? ReadBrisque(YamlNode node)
    {
        var map = _w.Mapping(node, "brisque", ConfigKeys.BrisqueKeys, ["model", "range"]);
        if (map is null || !map.TryGetValue("model", out var m) || !map.TryGetValue("range", out var r))
        {
            return null;
        }

        var model = _w.String(m.Value, "brisque.model");
        var range = _w.String(r.Value, "brisque.range");
        if (model is null || range is null)
        {
            return null;
        }

        try
        {
            return BrisqueModel.Load(Path.GetFullPath(Path.Combine(_baseDirectory, model)), Path.GetFullPath(Path.Combine(_baseDirectory, range)));
        }
        catch (BrisqueModelException ex)
        {
            _w.Error(DiagnosticCodes.BadModel, m.Value, $"BRISQUE model cannot be used: {ex.Message}");
            return null;
        }
    }

    private List<FieldDefinition> ReadFields(YamlNode node)
    {
        var map = _w.Mapping(node, "fields", []);
        var result = new List<FieldDefinition>();
        foreach (var (name, (key, value)) in map ?? [])
        {
            if (!IdentifierRegex().IsMatch(name))
            {
                _w.Error(DiagnosticCodes.OutOfRange, key, $"field name '{name}' must be snake_case letters, digits and _");
                continue;
            }

            var spec = _w.Mapping(value, $"field '{name}'", ConfigKeys.FieldKeys);
            if (spec is null)
            {
                continue;
            }

            var type = spec.TryGetValue("type", out var t) ? _w.Enum(t.Value, $"fields.{name}.type", s_types) ?? FieldType.Category : FieldType.Category;
            List<double>? bins = null;
            if (spec.TryGetValue("bins", out var b))
            {
                bins = ReadBins(b.Value, name, type);
            }

            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            if (spec.TryGetValue("names", out var n))
            {
                if (type != FieldType.Category)
                {
                    _w.Error(DiagnosticCodes.InconsistentSettings, n.Key, $"fields.{name}.names applies to category fields only");
                }

                foreach (var (code, (_, display)) in _w.Mapping(n.Value, $"fields.{name}.names", []) ?? [])
                {
                    var text = _w.String(display, $"display name of {name} {code}");
                    if (text is not null)
                    {
                        names[code] = text;
                    }
                }
            }

            result.Add(new FieldDefinition { Name = name, Type = type, Bins = bins, Names = names, Location = _w.At(key) });
        }

        return result;
    }

    private List<double>? ReadBins(YamlNode node, string name, FieldType type)
    {
        if (type == FieldType.Category)
        {
            _w.Error(DiagnosticCodes.InconsistentSettings, node, $"fields.{name}.bins applies to integer and number fields only");
            return null;
        }

        if (node is not YamlSequenceNode seq || seq.Children.Count < 1)
        {
            _w.Error(DiagnosticCodes.WrongType, node, $"fields.{name}.bins must be a list of at least one ascending number");
            return null;
        }

        var edges = new List<double>();
        foreach (var item in seq.Children)
        {
            var v = _w.Number(item, $"fields.{name}.bins item");
            if (v is null)
            {
                return null;
            }

            if (edges.Count > 0 && v <= edges[^1])
            {
                _w.Error(DiagnosticCodes.OutOfRange, item, $"fields.{name}.bins must be strictly ascending");
                return null;
            }

            edges.Add(v.Value);
        }

        return edges;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IdentifierRegex();

    /// <summary>
    /// The file-name label pattern. The non-backtracking engine matches in time linear in the name, so a careless
    /// pattern cannot hang a run and no wall-clock timeout is needed (a timeout can fire on a long garbage-collection
    /// pause of a large run and fail an image that would have matched). A pattern that needs backtracking constructs
    /// (backreferences, lookarounds, atomic groups) gets the backtracking engine with a generous per-name timeout.
    /// </summary>
    private static Regex CompileLabelPattern(string pattern)
    {
        const RegexOptions options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, options, TimeSpan.FromSeconds(10));
        }
    }
}
