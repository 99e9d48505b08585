using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DataGate.Core.Init;

/// <summary>The label source <c>datagate init</c> detected and the fields it declares.</summary>
internal sealed partial class LabelProposal
{
    private const int MaxCategories = 30;
    private const long MaxManifestBytes = 64L << 20;
    private readonly List<string> _lines = [];
    private readonly List<string> _fields = [];
    private readonly List<string> _balance = [];

    public bool HasFields => _fields.Count > 0;

    /// <summary>CSV manifest beside the images first, then UTKFace-style names, then one folder per class.</summary>
    /// <param name="root">The dataset folder (full path).</param>
    /// <param name="configDir">The rule file's folder: a manifest path is written relative to it.</param>
    /// <param name="paths">Dataset-relative paths of every image file.</param>
    public static LabelProposal Detect(string root, string configDir, IReadOnlyList<string> paths)
    {
        return Csv(root, configDir, paths) ?? Utk(paths) ?? Folders(paths) ?? None(paths.Count);
    }

    public void Write(StringBuilder yaml)
    {
        foreach (var line in _lines)
        {
            yaml.AppendLine(line);
        }

        if (_fields.Count > 0)
        {
            yaml.AppendLine("fields:");
            foreach (var f in _fields)
            {
                yaml.AppendLine(f);
            }
        }
    }

    public void WriteBalance(StringBuilder yaml)
    {
        if (_balance.Count > 0)
        {
            yaml.AppendLine("balance:");
            foreach (var b in _balance)
            {
                yaml.AppendLine(b);
            }
        }
    }

    private static LabelProposal None(int files)
    {
        var p = new LabelProposal();
        p._lines.Add($"  # labels: none detected in {files} file(s) (no CSV manifest naming the images, no UTKFace-style names, no class folders)");
        return p;
    }

    private static LabelProposal? Utk(IReadOnlyList<string> paths)
    {
        var names = paths.Select(p => Path.GetFileName(p)).ToList();
        var matches = names.Select(n => UtkName().Match(n)).Where(m => m.Success).ToList();
        if (names.Count == 0 || matches.Count < NamePatternShare * names.Count)
        {
            return null;
        }

        var p = new LabelProposal();
        p._lines.Add("  labels:");
        p._lines.Add($"    # {matches.Count} of {names.Count} file names are UTKFace-style age_gender_race_date (the rest get DG2010)");
        p._lines.Add(@"    filename: '^(?<age>\d+)_(?<gender>[01])_(?<race>[0-4])_\d+'");
        var ages = matches.Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        p._fields.Add($"  age:    {{ type: integer, bins: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90] }}   # measured: {ages.Min()}-{ages.Max()}, median {ages.Order().ElementAt(ages.Count / 2)}");
        p._fields.Add("  gender: { type: category, names: { 0: male, 1: female } }");
        p._fields.Add("  race:   { type: category, names: { 0: white, 1: black, 2: asian, 3: indian, 4: others } }");
        var female = matches.Count(m => m.Groups[2].Value == "1");
        p._balance.Add("  - id: gender-share");
        p._balance.Add("    field: gender");
        p._balance.Add("    min_share: 0.40");
        p._balance.Add("    action: warn");
        p._balance.Add(FormattableString.Invariant($"    # measured: female {(double)female / matches.Count:P1}, male {(double)(matches.Count - female) / matches.Count:P1}"));
        return p;
    }

    private static LabelProposal? Folders(IReadOnlyList<string> paths)
    {
        var classes = paths.Where(p => p.Contains('/', StringComparison.Ordinal)).GroupBy(p => p[..p.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal).ToList();
        int inFolders = classes.Sum(c => c.Count());
        if (classes.Count < 2 || inFolders < NamePatternShare * paths.Count || classes.Count > MaxCategories)
        {
            return null;
        }

        var p = new LabelProposal();
        p._lines.Add("  labels:");
        p._lines.Add($"    # one folder per class: {classes.Count} folders hold {inFolders} of {paths.Count} file(s)");
        p._lines.Add("    folder: class");
        p._fields.Add($"  class: {{ type: category }}   # measured: {string.Join(", ", classes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Count()}"))}");
        double smallest = classes.Min(c => c.Count()) / (double)inFolders;
        p._balance.Add("  - id: class-ratio");
        p._balance.Add("    field: class");
        p._balance.Add("    max_ratio: 3");
        p._balance.Add("    action: warn");
        p._balance.Add($"    # measured: largest/smallest = {classes.Max(c => c.Count())}/{classes.Min(c => c.Count())}; smallest class {smallest.ToString("P1", CultureInfo.InvariantCulture)}");
        return p;
    }

    private static LabelProposal? Csv(string root, string configDir, IReadOnlyList<string> paths)
    {
        var known = paths.ToHashSet(StringComparer.Ordinal);
        foreach (var csv in Directory.EnumerateFiles(root, "*.csv", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            List<string[]> rows;
            try
            {
                if (new FileInfo(csv).Length > MaxManifestBytes)
                {
                    continue;
                }

                // The manifest reader the gate uses: a file it would refuse (malformed header) is not proposed.
                var problems = new List<Diagnostics.Diagnostic>();
                using var text = new StreamReader(csv);
                using var reader = Labels.CsvManifestReader.Open(text, null, csv, problems);
                if (reader.Header is null)
                {
                    continue;
                }

                rows = [reader.Header];
                reader.ReadRows((_, fields) => rows.Add(fields));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                continue;
            }

            if (rows.Count < 2)
            {
                continue;
            }

            var header = rows[0].Select(h => h.Trim().Trim('"')).ToArray();
            int fileColumn = FileColumn(header, rows, known);
            if (fileColumn < 0)
            {
                continue;
            }

            var p = new LabelProposal();
            var name = Path.GetRelativePath(configDir, csv).Replace('\\', '/');
            p._lines.Add("  labels:");
            p._lines.Add($"    # CSV manifest {Path.GetFileName(csv)}: {rows.Count - 1} row(s); column '{header[fileColumn]}' names the images");
            p._lines.Add($"    csv: {{ path: {RuleFileProposer.Quote(name)}, file_column: {RuleFileProposer.Quote(header[fileColumn])} }}");
            for (int c = 0; c < header.Length; c++)
            {
                if (c == fileColumn || !FieldName().IsMatch(header[c]))
                {
                    continue;
                }

                var values = rows.Skip(1).Where(r => r.Length > c).Select(r => r[c].Trim().Trim('"')).Where(v => v.Length > 0).ToList();
                var distinct = values.Distinct(StringComparer.Ordinal).ToList();
                if (values.Count > 0 && values.All(v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)) && distinct.Count > 10)
                {
                    var numbers = values.Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToList();
                    p._fields.Add($"  {header[c]}: {{ type: integer }}   # measured: {numbers.Min()}-{numbers.Max()} over {values.Count} row(s)");
                }
                else if (values.Count > 0 && values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) && distinct.Count > 10)
                {
                    p._fields.Add($"  {header[c]}: {{ type: number }}   # measured over {values.Count} row(s)");
                }
                else if (distinct.Count is > 0 and <= MaxCategories)
                {
                    p._fields.Add($"  {header[c]}: {{ type: category }}   # measured: {distinct.Count} value(s): {string.Join(", ", distinct.Order(StringComparer.Ordinal).Take(10))}");
                }
                else
                {
                    p._fields.Add($"  # {header[c]}: not declared ({distinct.Count} distinct values: neither a number nor a category)");
                }
            }

            return p;
        }

        return null;
    }

    /// <summary>The column naming the images: most of its rows name an image, and it names most images (a manifest, not a list of a few).</summary>
    private static int FileColumn(string[] header, List<string[]> rows, HashSet<string> known)
    {
        for (int c = 0; c < header.Length; c++)
        {
            int hits = rows.Skip(1).Count(r => r.Length > c && known.Contains(r[c].Trim().Trim('"').Replace('\\', '/')));
            if (hits >= NamePatternShare * (rows.Count - 1) && hits >= NamePatternShare * known.Count)
            {
                return c;
            }
        }

        return -1;
    }

    private static double NamePatternShare => RuleFileProposer.NamePatternShare;

    [GeneratedRegex(@"^(\d+)_([01])_([0-4])_\d+")]
    private static partial Regex UtkName();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex FieldName();
}
