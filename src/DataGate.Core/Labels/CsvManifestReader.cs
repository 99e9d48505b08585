using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DataGate.Core.Diagnostics;
using nietras.SeparatedValues;

namespace DataGate.Core.Labels;

/// <summary>
/// Strict reader of a CSV label manifest over Sep (tokenising, line endings <c>\r\n</c>, <c>\n</c> and lone <c>\r</c>,
/// separator detection). Sep pairs quotes wherever they stand, so a stray quote inside an unquoted field (<c>5" tall</c>)
/// makes it read on across separators and line ends; this reader therefore validates every raw field itself and
/// reports each malformed one with its line and column instead of passing a mangled value on.
/// </summary>
/// <remarks>
/// Rules (a superset of RFC 4180 that a user of pandas or a spreadsheet expects):
/// a field is either unquoted and free of <c>"</c>, or wholly quoted with inner quotes doubled; spaces around a field
/// (outside its quotes) are trimmed, in the header too (<c>file, gender</c> names the column <c>gender</c>); blank
/// lines are skipped; the separator is the configured one, else detected from the header (<c>,</c> <c>;</c> tab <c>|</c>).
/// Header problems (an empty or duplicated name, a malformed quoted name) are errors at the header (DG1023); a row
/// with a malformed field or the wrong number of fields is an error at that row (DG2014) and gives no labels.
/// </remarks>
internal sealed class CsvManifestReader : IDisposable
{
    private readonly SepReader _reader;
    private readonly string _display;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<(int Line, int Column, string Message)> _errors = [];

    private CsvManifestReader(SepReader reader, string display, List<Diagnostic> diagnostics)
    {
        _reader = reader;
        _display = display;
        _diagnostics = diagnostics;
        Separator = reader.Spec.Sep.Separator;
    }

    /// <summary>Trimmed, unescaped header names; null when the manifest is empty or its header is unusable (then a DG1023 was reported).</summary>
    public string[]? Header { get; private set; }

    /// <summary>1-based line of the header.</summary>
    public int HeaderLine { get; private set; } = 1;

    /// <summary>The separator: the configured one, else the one Sep detected from the header.</summary>
    public char Separator { get; }

    /// <summary>Opens a manifest and reads its header. Problems are added to <paramref name="diagnostics"/>.</summary>
    /// <param name="text">The manifest text (the caller owns and disposes it).</param>
    /// <param name="separator">The separator, or null to detect it from the header.</param>
    /// <param name="display">The manifest path as shown in diagnostics.</param>
    /// <param name="diagnostics">Receives header (DG1023) and row (DG2014) problems.</param>
    /// <exception cref="IOException">The text cannot be read.</exception>
    public static CsvManifestReader Open(TextReader text, char? separator, string display, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var options = new SepReaderOptions(separator is { } s ? new Sep(s) : null)
        {
            HasHeader = false,
            DisableColCountCheck = true,
            Unescape = false,
            Trim = SepTrim.None,
        };
        var manifest = new CsvManifestReader(options.From(text, leaveOpen: true), display, diagnostics);
        manifest.ReadHeader();
        return manifest;
    }

    /// <summary>Formats a separator for a message (tab as <c>\t</c>).</summary>
    public static string Printable(char c) => c == '\t' ? "\\t" : c.ToString();

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();

    /// <summary>Passes each well-formed data row with its 1-based line to <paramref name="onRow"/>; reports the others.</summary>
    public void ReadRows(Action<int, string[]> onRow)
    {
        ArgumentNullException.ThrowIfNull(onRow);
        if (Header is null)
        {
            return;
        }

        char sep = Separator;
        while (_reader.MoveNext())
        {
            var row = _reader.Current;
            if (IsBlank(row))
            {
                continue;
            }

            int firstLine = row.LineNumberFrom;
            var fields = Fields(row, firstLine);
            if (_errors.Count > 0)
            {
                foreach (var (line, column, message) in _errors)
                {
                    _diagnostics.Add(DiagnosticCodes.MalformedManifestRow.Create($"{message}; the row gives no labels", new SourceSpan(_display, line, column)));
                }

                continue;
            }

            if (fields.Length != Header.Length)
            {
                var (line, column) = fields.Length > Header.Length ? ColumnOf(row, Header.Length) : (firstLine, row.Span.Length + 1);
                _diagnostics.Add(DiagnosticCodes.MalformedManifestRow.Create(
                    $"row has {fields.Length} field{(fields.Length == 1 ? string.Empty : "s")}, the header has {Header.Length} (separator '{Printable(sep)}'); the row gives no labels (quote a field that contains the separator)",
                    new SourceSpan(_display, line, column)));
                continue;
            }

            onRow(firstLine, fields);
        }
    }

    private void ReadHeader()
    {
        while (_reader.MoveNext())
        {
            var row = _reader.Current;
            if (IsBlank(row))
            {
                continue;
            }

            // Sep numbers the first row from its look-ahead; count back from where the row ends.
            int firstLine = Math.Max(1, row.LineNumberToExcl - 1 - CountLineBreaks(row.Span));
            HeaderLine = firstLine;
            var fields = Fields(row, firstLine);
            foreach (var (line, column, message) in _errors)
            {
                _diagnostics.Add(DiagnosticCodes.BadManifestHeader.Create($"header: {message}", new SourceSpan(_display, line, column)));
            }

            bool ok = _errors.Count == 0;
            var seenNames = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < fields.Length; i++)
            {
                var at = new SourceSpan(_display, firstLine, ColumnOf(row, i).Column);
                if (fields[i].Length == 0)
                {
                    _diagnostics.Add(DiagnosticCodes.BadManifestHeader.Create($"header column {i + 1} has no name; every column needs one", at));
                    ok = false;
                }
                else if (!seenNames.TryAdd(fields[i], i))
                {
                    _diagnostics.Add(DiagnosticCodes.BadManifestHeader.Create($"header names '{fields[i]}' twice (columns {seenNames[fields[i]] + 1} and {i + 1}); which one holds the labels is ambiguous", at));
                    ok = false;
                }
            }

            Header = ok ? fields : null;
            return;
        }
    }

    private string[] Fields(SepReader.Row row, int firstLine)
    {
        _errors.Clear();
        var fields = new string[row.ColCount];
        for (int i = 0; i < fields.Length; i++)
        {
            fields[i] = Unescape(row, i, Separator, firstLine, _errors) ?? string.Empty;
        }

        return fields;
    }

    private static bool IsBlank(SepReader.Row row) => row.ColCount == 1 && row.Span.Trim(' ').IsEmpty;

    private static int CountLineBreaks(ReadOnlySpan<char> span)
    {
        int n = 0;
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i] == '\n' || (span[i] == '\r' && (i + 1 >= span.Length || span[i + 1] != '\n')))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>1-based line and column of column <paramref name="index"/>'s first character (rows may span lines).</summary>
    private static (int Line, int Column) ColumnOf(SepReader.Row row, int index) => Position(row, OffsetOf(row, row[index].Span));

    /// <summary>Offset of a column's span in its row's span (an empty column has no overlap to measure, so compare references).</summary>
    private static int OffsetOf(SepReader.Row row, ReadOnlySpan<char> col)
        => (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetReference(row.Span), ref MemoryMarshal.GetReference(col)) / sizeof(char));

    /// <summary>Line and column of a character of the row; the header's line is counted from where it ends (see <see cref="ReadHeader"/>).</summary>
    private static (int Line, int Column) At(SepReader.Row row, int offset, int firstLine)
    {
        var (line, column) = Position(row, offset);
        return (line - row.LineNumberFrom + firstLine, column);
    }

    private static (int Line, int Column) Position(SepReader.Row row, int offset)
    {
        var span = row.Span;
        int line = row.LineNumberFrom;
        int lineStart = 0;
        for (int i = 0; i < offset && i < span.Length; i++)
        {
            if (span[i] == '\n' || (span[i] == '\r' && (i + 1 >= span.Length || span[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    /// <summary>Validates and unescapes one raw field; on a problem records it and returns null.</summary>
    private static string? Unescape(SepReader.Row row, int index, char sep, int firstLine, List<(int, int, string)> errors)
    {
        var raw = row[index].Span;
        int offset = OffsetOf(row, raw);
        int start = 0;
        int end = raw.Length;
        while (start < end && ((raw[start] == ' ' && sep != ' ') || raw[start] == '\uFEFF'))
        {
            start++;
        }

        while (end > start && raw[end - 1] == ' ' && sep != ' ')
        {
            end--;
        }

        var field = raw[start..end];
        if (field.IndexOf('"') < 0)
        {
            return field.ToString();
        }

        if (field[0] != '"')
        {
            // A stray quote in an unquoted field. Sep paired it with the next quote, so the field may have run on over
            // separators and line ends: report the first stray quote of every line it swallowed, each at its line and column.
            int lines = CountLineBreaks(field);
            int reportedLine = 0;
            for (int i = field.IndexOf('"'); i >= 0; i = NextQuote(field, i + 1))
            {
                var (line, column) = At(row, offset + start + i, firstLine);
                if (line == reportedLine)
                {
                    continue;
                }

                reportedLine = line;
                errors.Add((line, column, lines == 0
                    ? "quote inside an unquoted field; quote the whole field and double the quote (\"5\"\" tall\")"
                    : $"quote inside an unquoted field makes the field run on over {lines} line end{(lines == 1 ? string.Empty : "s")}; quote the whole field and double the quote (\"5\"\" tall\")"));
            }

            return null;
        }

        var sb = new StringBuilder(field.Length);
        int k = 1;
        while (true)
        {
            int q = NextQuote(field, k);
            if (q < 0)
            {
                var (line, column) = At(row, offset + start + 0, firstLine);
                errors.Add((line, column, "quoted field is not closed: it runs to the end of the file"));
                return null;
            }

            sb.Append(field[k..q]);
            if (q + 1 < field.Length && field[q + 1] == '"')
            {
                sb.Append('"');
                k = q + 2;
                continue;
            }

            if (q + 1 != field.Length)
            {
                var (line, column) = At(row, offset + start + q + 1, firstLine);
                errors.Add((line, column, "text after the closing quote of a quoted field; double a quote inside a quoted field (\"\")"));
                return null;
            }

            return sb.ToString();
        }
    }

    private static int NextQuote(ReadOnlySpan<char> span, int from)
    {
        if (from >= span.Length)
        {
            return -1;
        }

        int i = span[from..].IndexOf('"');
        return i < 0 ? -1 : from + i;
    }
}
