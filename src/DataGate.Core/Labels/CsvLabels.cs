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
        List<(int Line, List<string> Fields)> rows;
        try
        {
            rows = CsvTable.Parse(File.ReadAllText(csvPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            diagnostics.Add(DiagnosticCodes.BadManifest.Create($"label manifest cannot be read: {ex.Message}", new SourceSpan(display, 0, 0)));
            return;
        }

        if (rows.Count == 0)
        {
            diagnostics.Add(DiagnosticCodes.BadManifest.Create("label manifest is empty; it needs a header row", new SourceSpan(display, 1, 1)));
            return;
        }

        var header = rows[0].Fields;
        int fileColumn = header.IndexOf(source.CsvFileColumn);
        if (fileColumn < 0)
        {
            diagnostics.Add(DiagnosticCodes.BadManifest.Create($"label manifest has no column '{source.CsvFileColumn}' (columns: {string.Join(", ", header)})", new SourceSpan(display, 1, 1)));
            return;
        }

        var root = Path.GetFullPath(config.Dataset.Root);
        var byPath = records.ToDictionary(r => r.Path, StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in rows.Skip(1))
        {
            var at = new SourceSpan(display, line, 1);
            if (fields.Count != header.Count)
            {
                diagnostics.Add(DiagnosticCodes.ManifestMismatch.Create($"row has {fields.Count} fields, the header has {header.Count}; row ignored", at));
                continue;
            }

            var rel = fields[fileColumn].Replace('\\', '/').TrimStart('.', '/');
            var full = Path.GetFullPath(Path.Combine(root, fields[fileColumn]));
            if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                diagnostics.Add(DiagnosticCodes.ManifestMismatch.Create($"path '{fields[fileColumn]}' lies outside the dataset root; refused", at));
                continue;
            }

            rel = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (seen.TryGetValue(rel, out var firstLine))
            {
                diagnostics.Add(DiagnosticCodes.ManifestMismatch.Create($"'{rel}' is listed again (first on line {firstLine}); this row is ignored", at, rel));
                continue;
            }

            seen[rel] = line;
            if (!byPath.TryGetValue(rel, out var record))
            {
                diagnostics.Add(DiagnosticCodes.ManifestMismatch.Create($"manifest lists '{rel}' but the dataset has no such image (or it is excluded by the globs)", at, rel));
                continue;
            }

            for (int i = 0; i < header.Count; i++)
            {
                if (i != fileColumn && fields[i].Length > 0)
                {
                    record.LabelSlots[header[i]] = fields[i];
                }
            }
        }

        foreach (var r in records.Where(r => !seen.ContainsKey(r.Path)))
        {
            diagnostics.Add(DiagnosticCodes.ManifestMismatch.Create("image has no row in the label manifest; it has no labels", new SourceSpan(display, 0, 0), r.Path));
        }
    }
}
