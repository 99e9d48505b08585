using System.Text;
using DataGate.Core.Diagnostics;
using DataGate.Core.Labels;
using DataGate.Core.Reports;

namespace DataGate.Core.Splits;

/// <summary>A row's remembered assignment in a <see cref="SplitLock"/>.</summary>
/// <param name="Split">Split name.</param>
/// <param name="Fold">Fold, or −1 for none.</param>
public sealed record LockedSplit(string Split, int Fold);

/// <summary>
/// The split lock file (<c>splits: lock</c>): which split, and fold, each image was assigned to, so that re-running on
/// grown data never moves an image. A small CSV meant to be committed next to datagate.yml: two comment lines, the
/// header <c>path,split,fold</c>, one line per image in ordinal path order (diffs show only added or moved lines).
/// Written atomically and only when its content changes. Entries of images that are not in the current run are kept:
/// an image that comes back (a quality rule relaxed) returns to its split.
/// </summary>
public sealed class SplitLock
{
    private const string Header = "path,split,fold";

    private SplitLock(IReadOnlyDictionary<string, LockedSplit> entries) => Entries = entries;

    /// <summary>No remembered assignment.</summary>
    public static SplitLock Empty { get; } = new(new Dictionary<string, LockedSplit>(StringComparer.Ordinal));

    /// <summary>The remembered assignment by row key (dataset-relative path).</summary>
    public IReadOnlyDictionary<string, LockedSplit> Entries { get; }

    /// <summary>Builds a lock from entries (e.g. kept by a host).</summary>
    public static SplitLock FromEntries(IEnumerable<KeyValuePair<string, LockedSplit>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new SplitLock(new Dictionary<string, LockedSplit>(entries, StringComparer.Ordinal));
    }

    /// <summary>Reads a lock file. A missing file is an empty lock (the first run); anything unreadable is DG3015.</summary>
    /// <param name="path">The lock file.</param>
    /// <returns>The lock, or null with a DG3015 diagnostic naming the file and line.</returns>
    public static (SplitLock? Lock, Diagnostic? Error) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            if (!File.Exists(path))
            {
                return (Empty, null);
            }

            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, Unreadable(path, 0, $"cannot be read: {ex.Message}"));
        }

        return Parse(text, path);
    }

    /// <summary>Parses lock-file text (see <see cref="Read"/>).</summary>
    public static (SplitLock? Lock, Diagnostic? Error) Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = new StringBuilder();
        int lineNo = 0;
        var lineMap = new List<int>();
        foreach (var line in text.Split('\n'))
        {
            lineNo++;
            if (line.StartsWith('#'))
            {
                continue;
            }

            body.Append(line).Append('\n');
            lineMap.Add(lineNo);
        }

        // The strict CSV reader the label manifests use (Sep): a malformed line is refused with its position.
        var records = new List<(int Line, List<string> Fields)>();
        var problems = new List<Diagnostic>();
        using (var reader = Labels.CsvManifestReader.Open(new StringReader(body.ToString()), ',', path, problems))
        {
            if (reader.Header is { } header)
            {
                records.Add((reader.HeaderLine, [.. header]));
                reader.ReadRows((line, fields) => records.Add((line, [.. fields])));
            }
        }

        int Real(int bodyLine) => bodyLine >= 1 && bodyLine - 1 < lineMap.Count ? lineMap[bodyLine - 1] : lineNo;
        if (problems.Count > 0)
        {
            return (null, Unreadable(path, Real(problems[0].Location?.Line ?? 1), $"{problems[0].Message}; each line must be path,split,fold"));
        }
        if (records.Count == 0 || string.Join(',', records[0].Fields) != Header)
        {
            return (null, Unreadable(path, records.Count == 0 ? 1 : Real(records[0].Line), $"the header must be '{Header}'"));
        }

        var entries = new Dictionary<string, LockedSplit>(StringComparer.Ordinal);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != 3 || fields[0].Length == 0 || fields[1].Length == 0)
            {
                return (null, Unreadable(path, Real(line), "each line must be path,split,fold (fold may be empty)"));
            }

            int fold = -1;
            if (fields[2].Length > 0 && (!int.TryParse(fields[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out fold) || fold > 1000))
            {
                return (null, Unreadable(path, Real(line), $"fold '{fields[2]}' is not a whole number 0-1000"));
            }

            if (!entries.TryAdd(fields[0], new LockedSplit(fields[1], fold)))
            {
                return (null, Unreadable(path, Real(line), $"'{fields[0]}' is listed twice"));
            }
        }

        return (new SplitLock(entries), null);
    }

    /// <summary>This lock updated with a plan's assignment (entries of rows not in the plan are kept).</summary>
    public SplitLock Update(SplitPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var entries = new Dictionary<string, LockedSplit>(Entries, StringComparer.Ordinal);
        for (int i = 0; i < plan.Keys.Count; i++)
        {
            entries[plan.Keys[i]] = new LockedSplit(plan.Names[plan.SplitOf[i]], plan.FoldOf[i]);
        }

        return new SplitLock(entries);
    }

    /// <summary>The file text: comments, header, one line per entry in ordinal path order.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append("# DataGate split lock: the split (and fold) each image was assigned to. Commit it next to datagate.yml.\n");
        sb.Append("# Listed images keep their split when data grows; delete a line to let that image be assigned afresh.\n");
        sb.Append(Header).Append('\n');
        foreach (var (path, e) in Entries.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var field = path.StartsWith('#') ? "\"" + path.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : Csv.Field(path);
            sb.Append(field).Append(',').Append(Csv.Field(e.Split)).Append(',');
            if (e.Fold >= 0)
            {
                sb.Append(e.Fold.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Writes the lock atomically, only when the file's content differs.</summary>
    /// <returns>True when the file was written; or a DG3011 diagnostic.</returns>
    public (bool Written, Diagnostic? Error) Write(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = ToText();
        try
        {
            if (File.Exists(path) && File.ReadAllText(path) == text)
            {
                return (false, null);
            }

            AtomicFile.WriteText(path, w => w.Write(text));
            return (true, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (false, DiagnosticCodes.WriteFailed.Create($"cannot write the split lock '{path}': {ex.Message}"));
        }
    }

    private static Diagnostic Unreadable(string path, int line, string detail)
        => DiagnosticCodes.SplitLockUnreadable.Create($"split lock '{path}' {(line > 0 ? $"line {line}: " : string.Empty)}{detail}; fix or delete it (deleting re-splits from the seeded hash)", new SourceSpan(path, line, line > 0 ? 1 : 0));
}
