using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;

namespace DataGate.Core.Labels;

/// <summary>Labels from a CSV manifest: one row per image, a column with the root-relative path, the rest are fields.</summary>
internal static class CsvLabels
{
    /// <summary>
    /// Writes labels into the draft records (copies owned by <see cref="LabelResolver"/>). The manifest path is shown
    /// relative to <c>displayBasePath</c>, or in full when it is null (Core never reads the current directory).
    /// </summary>
    public static void Apply(GateConfig config, LabelSource source, IReadOnlyList<ImageRecord> records, List<Diagnostic> diagnostics, string? displayBasePath)
    {
        var csvPath = source.CsvPath!;
        var display = (displayBasePath is null ? Path.GetFullPath(csvPath) : Path.GetRelativePath(displayBasePath, csvPath)).Replace('\\', '/');
        var root = Path.GetFullPath(config.Dataset.Root);
        var rootPrefix = root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var byPath = records.ToDictionary(r => r.Path, StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int fileColumn = -1;
        string[]? header = null;
        void OnRow(int line, string[] fields)
        {
            if (header is null)
            {
                return;
            }

            var at = new SourceSpan(display, line, 1);
            var value = fields[fileColumn];
            if (value.Length == 0)
            {
                diagnostics.Add(DiagnosticCodes.MalformedManifestRow.Create($"row has an empty '{source.CsvFileColumn}' field; the row gives no labels", at));
                return;
            }

            string rel;
            if (IsPlainRelative(value))
            {
                rel = value;
            }
            else
            {
                var full = Path.GetFullPath(Path.Combine(root, value));
                if (!full.StartsWith(rootPrefix, StringComparison.Ordinal))
                {
                    diagnostics.Add(DiagnosticCodes.ManifestMismatch.Create($"path '{value}' lies outside the dataset root; refused", at));
                    return;
                }

                rel = Path.GetRelativePath(root, full).Replace('\\', '/');
            }

            if (!seen.TryAdd(rel, line))
            {
                diagnostics.Add(DiagnosticCodes.ManifestMismatch.Create($"'{rel}' is listed again (first on line {seen[rel]}); this row is ignored", at, rel));
                return;
            }

            if (!byPath.TryGetValue(rel, out var record))
            {
                diagnostics.Add(DiagnosticCodes.ManifestMismatch.Create($"manifest lists '{rel}' but the dataset has no such image (or it is excluded by the globs)", at, rel));
                return;
            }

            for (int i = 0; i < header.Length; i++)
            {
                if (i != fileColumn && fields[i].Length > 0)
                {
                    record.LabelSlots[header[i]] = fields[i];
                }
            }
        }

        try
        {
            using var text = new StreamReader(csvPath, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            using var reader = CsvManifestReader.Open(text, source.CsvSeparator, display, diagnostics);
            if (reader.Header is null)
            {
                if (!diagnostics.Any(d => d.Code == DiagnosticCodes.BadManifestHeader.Code))
                {
                    diagnostics.Add(DiagnosticCodes.BadManifest.Create("label manifest is empty; it needs a header row", new SourceSpan(display, 1, 1)));
                }

                return;
            }

            var names = reader.Header;
            fileColumn = Array.IndexOf(names, source.CsvFileColumn);
            if (fileColumn < 0)
            {
                diagnostics.Add(DiagnosticCodes.BadManifest.Create($"label manifest has no column '{source.CsvFileColumn}' (columns: {string.Join(", ", names)}; separator '{CsvManifestReader.Printable(reader.Separator)}')", new SourceSpan(display, reader.HeaderLine, 1)));
                return;
            }

            var missing = config.Fields.Where(f => Array.IndexOf(names, f.Name) < 0).ToList();
            foreach (var field in missing)
            {
                diagnostics.Add(DiagnosticCodes.BadManifestHeader.Create(
                    $"declared field '{field.Name}' is not a column of the label manifest (columns: {string.Join(", ", names)}; separator '{CsvManifestReader.Printable(reader.Separator)}')",
                    new SourceSpan(display, reader.HeaderLine, 1)));
            }

            if (missing.Count > 0)
            {
                return;
            }

            header = names;
            reader.ReadRows(OnRow);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCodes.BadManifest.Create($"label manifest cannot be read: {ex.Message}", new SourceSpan(display, 0, 0)));
            return;
        }

        foreach (var r in records.Where(r => !seen.ContainsKey(r.Path)))
        {
            diagnostics.Add(DiagnosticCodes.ManifestMismatch.Create("image has no row in the label manifest; it has no labels", new SourceSpan(display, 0, 0), r.Path));
        }
    }

    /// <summary>
    /// True for a path already in the form records use (relative, <c>/</c>-separated, no empty, <c>.</c> or <c>..</c>
    /// segment): it needs no normalising. Anything else goes through the full-path check, which refuses paths outside
    /// the root. The shortcut matters for a manifest of a million rows.
    /// </summary>
    private static bool IsPlainRelative(string value)
    {
        if (value.Length == 0 || value[0] == '/' || value[^1] == '/' || value.Contains('\\', StringComparison.Ordinal) || value.Contains("//", StringComparison.Ordinal) || Path.IsPathRooted(value))
        {
            return false;
        }

        foreach (var segment in value.AsSpan().Split('/'))
        {
            var part = value.AsSpan()[segment];
            if (part is "." or "..")
            {
                return false;
            }
        }

        return true;
    }
}
