using System.Globalization;

namespace DataGate.Core.Quality.Brisque;

/// <summary>
/// A small reader for the subset of OpenCV <c>FileStorage</c> YAML (<c>%YAML:1.0</c>) that OpenCV writes for
/// <c>ml::SVM</c> models and <c>!!opencv-matrix</c> nodes: block mappings and sequences by indentation, flow
/// sequences <c>[ ... ]</c> and flow mappings <c>{ key:value }</c> that may span lines, plain scalars and tags.
/// Errors are reported as <see cref="BrisqueModelException"/> naming the source and line.
/// </summary>
internal sealed class OpenCvYamlReader
{
    private readonly string _source;
    private readonly List<(int Number, int Indent, string Text)> _lines = new();
    private int _pos;

    private OpenCvYamlReader(string source, string text)
    {
        _source = source;
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < raw.Length; i++)
        {
            var line = raw[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed.StartsWith('%') || trimmed == "---" || trimmed == "...")
            {
                continue;
            }

            int indent = 0;
            while (indent < line.Length && line[indent] == ' ')
            {
                indent++;
            }

            _lines.Add((i + 1, indent, line.TrimEnd()));
        }
    }

    /// <summary>Parses a whole document; the root must be a mapping.</summary>
    /// <param name="source">Name used in error messages (file name or resource name).</param>
    /// <param name="text">The file content.</param>
    public static YamlNode Parse(string source, string text)
    {
        if (!text.TrimStart().StartsWith("%YAML", StringComparison.Ordinal))
        {
            throw new BrisqueModelException($"{source}: not an OpenCV FileStorage YAML file (no %YAML header).");
        }

        var reader = new OpenCvYamlReader(source, text);
        if (reader._lines.Count == 0)
        {
            throw new BrisqueModelException($"{source}: empty document.");
        }

        var root = reader.ParseBlock(reader._lines[0].Indent);
        if (reader._pos < reader._lines.Count)
        {
            throw reader.Error(reader._lines[reader._pos].Number, "unexpected content (bad indentation)");
        }

        return root;
    }

    private BrisqueModelException Error(int line, string message) => new($"{_source}, line {line}: {message}.");

    private YamlNode ParseBlock(int indent)
    {
        var (_, _, text) = _lines[_pos];
        var body = text.TrimStart();
        return body == "-" || body.StartsWith("- ", StringComparison.Ordinal) ? ParseSequence(indent) : ParseMapping(indent);
    }

    private YamlNode ParseMapping(int indent)
    {
        var map = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        while (_pos < _lines.Count && _lines[_pos].Indent == indent)
        {
            var (number, _, text) = _lines[_pos];
            var body = text.TrimStart();
            int colon = body.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || body.StartsWith('-'))
            {
                throw Error(number, "expected 'key: value'");
            }

            var key = body[..colon].Trim();
            var rest = body[(colon + 1)..].Trim();
            _pos++;
            map[key] = ParseValue(rest, indent, number);
        }

        return YamlNode.Map(map);
    }

    private YamlNode ParseSequence(int indent)
    {
        var items = new List<YamlNode>();
        while (_pos < _lines.Count && _lines[_pos].Indent == indent)
        {
            var (number, _, text) = _lines[_pos];
            var body = text.TrimStart();
            if (body != "-" && !body.StartsWith("- ", StringComparison.Ordinal))
            {
                throw Error(number, "expected a '- ' sequence item");
            }

            _pos++;
            items.Add(ParseValue(body[1..].Trim(), indent, number));
        }

        return YamlNode.Seq(items);
    }

    private YamlNode ParseValue(string rest, int parentIndent, int number)
    {
        string? tag = null;
        if (rest.StartsWith("!!", StringComparison.Ordinal))
        {
            int space = rest.IndexOf(' ', StringComparison.Ordinal);
            tag = space < 0 ? rest[2..] : rest[2..space];
            rest = space < 0 ? string.Empty : rest[(space + 1)..].Trim();
        }

        YamlNode node;
        if (rest.Length == 0)
        {
            node = _pos < _lines.Count && _lines[_pos].Indent > parentIndent
                ? ParseBlock(_lines[_pos].Indent)
                : YamlNode.Scalar(string.Empty);
        }
        else if (rest[0] is '[' or '{')
        {
            var flow = new System.Text.StringBuilder(rest);
            while (!Balanced(flow))
            {
                if (_pos >= _lines.Count)
                {
                    throw Error(number, "unterminated flow collection");
                }

                flow.Append(' ').Append(_lines[_pos].Text.Trim());
                _pos++;
            }

            int i = 0;
            var s = flow.ToString();
            node = ParseFlow(s, ref i, number);
            SkipSpaces(s, ref i);
            if (i != s.Length)
            {
                throw Error(number, "unexpected text after flow collection");
            }
        }
        else
        {
            node = YamlNode.Scalar(Unquote(rest));
        }

        return tag is null ? node : node.WithTag(tag);
    }

    private static bool Balanced(System.Text.StringBuilder s)
    {
        int depth = 0;
        bool quoted = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '[' or '{')
            {
                depth++;
            }
            else if (!quoted && c is ']' or '}')
            {
                depth--;
            }
        }

        return depth <= 0;
    }

    private YamlNode ParseFlow(string s, ref int i, int number)
    {
        SkipSpaces(s, ref i);
        if (i >= s.Length)
        {
            throw Error(number, "unexpected end of flow collection");
        }

        char open = s[i];
        if (open is not ('[' or '{'))
        {
            int start = i;
            while (i < s.Length && s[i] is not (',' or ']' or '}'))
            {
                i++;
            }

            return YamlNode.Scalar(Unquote(s[start..i].Trim()));
        }

        char close = open == '[' ? ']' : '}';
        i++;
        var items = new List<YamlNode>();
        var map = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpaces(s, ref i);
            if (i >= s.Length)
            {
                throw Error(number, $"missing '{close}'");
            }

            if (s[i] == close)
            {
                i++;
                break;
            }

            if (open == '[')
            {
                items.Add(ParseFlow(s, ref i, number));
            }
            else
            {
                int colon = s.IndexOf(':', i);
                if (colon < 0)
                {
                    throw Error(number, "expected 'key:value' in flow mapping");
                }

                var key = s[i..colon].Trim();
                i = colon + 1;
                map[key] = ParseFlow(s, ref i, number);
            }

            SkipSpaces(s, ref i);
            if (i < s.Length && s[i] == ',')
            {
                i++;
            }
            else if (i < s.Length && s[i] != close)
            {
                throw Error(number, $"expected ',' or '{close}'");
            }
        }

        return open == '[' ? YamlNode.Seq(items) : YamlNode.Map(map);
    }

    private static void SkipSpaces(string s, ref int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }
    }

    private static string Unquote(string s) =>
        s.Length >= 2 && s[0] == '"' && s[^1] == '"' ? s[1..^1] : s;

    /// <summary>Parses a real number as OpenCV writes it (<c>1024.</c>, <c>5.0e-02</c>, <c>.Inf</c>, <c>.Nan</c>).</summary>
    public static bool TryParseReal(string text, out double value)
    {
        switch (text)
        {
            case ".Inf" or "+.Inf":
                value = double.PositiveInfinity;
                return true;
            case "-.Inf":
                value = double.NegativeInfinity;
                return true;
            case ".Nan":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
