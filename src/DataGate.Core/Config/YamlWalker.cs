using System.Globalization;
using DataGate.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace DataGate.Core.Config;

/// <summary>Typed, position-aware reading of a YAML node tree; every problem becomes a DG1xxx diagnostic.</summary>
internal sealed class YamlWalker
{
    private readonly string _file;

    public YamlWalker(string file) => _file = file;

    public List<Diagnostic> Errors { get; } = [];

    public SourceSpan At(YamlNode node) => new(_file, checked((int)node.Start.Line), checked((int)node.Start.Column));

    public void Error(DiagnosticDescriptor code, YamlNode node, string message) => Errors.Add(code.Create(message, At(node)));

    /// <summary>Reads a mapping, reporting unknown keys (with the nearest known one) and the missing required ones.</summary>
    public Dictionary<string, (YamlScalarNode Key, YamlNode Value)>? Mapping(YamlNode node, string what, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string>? required = null)
    {
        if (node is not YamlMappingNode map)
        {
            Error(DiagnosticCodes.WrongType, node, $"{what} must be a mapping (key: value lines), not {Describe(node)}");
            return null;
        }

        var result = new Dictionary<string, (YamlScalarNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode key || key.Value is null)
            {
                Error(DiagnosticCodes.WrongType, keyNode, $"keys of {what} must be plain names");
                continue;
            }

            if (allowed.Count > 0 && !allowed.Contains(key.Value))
            {
                var near = Nearest(key.Value, allowed);
                Error(DiagnosticCodes.UnknownKey, key, $"unknown key '{key.Value}' in {what}" + (near is null ? $"; known keys: {string.Join(", ", allowed)}" : $"; did you mean '{near}'?"));
                continue;
            }

            result[key.Value] = (key, value);
        }

        foreach (var name in required ?? [])
        {
            if (!result.ContainsKey(name))
            {
                Error(DiagnosticCodes.MissingKey, node, $"{what} needs the key '{name}'");
            }
        }

        return result;
    }

    public string? String(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: not null } s && !(s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value.Length == 0))
        {
            return s.Value;
        }

        Error(DiagnosticCodes.WrongType, node, $"{what} must be a text value, not {Describe(node)}");
        return null;
    }

    public double? Number(YamlNode node, string what, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        if (node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            if (value < min || value > max)
            {
                Error(DiagnosticCodes.OutOfRange, node, $"{what} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, got {text}");
                return null;
            }

            return value;
        }

        Error(DiagnosticCodes.WrongType, node, $"{what} must be a number, not {Describe(node)}");
        return null;
    }

    public long? Integer(YamlNode node, string what, long min = long.MinValue, long max = long.MaxValue)
    {
        if (node is YamlScalarNode { Value: { } text } && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            if (value < min || value > max)
            {
                Error(DiagnosticCodes.OutOfRange, node, $"{what} must be between {min} and {max}, got {text}");
                return null;
            }

            return value;
        }

        Error(DiagnosticCodes.WrongType, node, $"{what} must be a whole number, not {Describe(node)}");
        return null;
    }

    public T? Enum<T>(YamlNode node, string what, IReadOnlyDictionary<string, T> values)
        where T : struct
    {
        var text = String(node, what);
        if (text is null)
        {
            return null;
        }

        if (values.TryGetValue(text, out var value))
        {
            return value;
        }

        var near = Nearest(text, values.Keys.ToList());
        Error(DiagnosticCodes.OutOfRange, node, $"{what} must be one of {string.Join(", ", values.Keys)}, got '{text}'" + (near is null ? string.Empty : $"; did you mean '{near}'?"));
        return null;
    }

    /// <summary>A sequence of text values; a single text value is accepted as a one-item list.</summary>
    public List<(string Value, YamlNode Node)>? StringList(YamlNode node, string what)
    {
        if (node is YamlScalarNode)
        {
            var one = String(node, what);
            return one is null ? null : [(one, node)];
        }

        if (node is not YamlSequenceNode seq)
        {
            Error(DiagnosticCodes.WrongType, node, $"{what} must be a list, not {Describe(node)}");
            return null;
        }

        var list = new List<(string, YamlNode)>();
        foreach (var item in seq.Children)
        {
            var s = String(item, what + " item");
            if (s is not null)
            {
                list.Add((s, item));
            }
        }

        return list;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" or "~" or "null" } => "an empty value",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an alias",
    };

    /// <summary>The candidate at the smallest edit distance, if it is close enough to be a likely typo.</summary>
    public static string? Nearest(string text, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            int d = Levenshtein(text, c);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = c;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
