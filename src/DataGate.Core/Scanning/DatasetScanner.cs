using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using Microsoft.Extensions.FileSystemGlobbing;

namespace DataGate.Core.Scanning;

/// <summary>
/// Lists the dataset's files: walks the root (following links only while they stay inside it), matches the
/// include/exclude globs (case-insensitive, <c>/</c> separators) and sorts by ordinal relative path.
/// </summary>
public static class DatasetScanner
{
    /// <summary>Scans the dataset.</summary>
    public static ScanResult Scan(DatasetSettings dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var root = Path.GetFullPath(dataset.Root);
        var realRoot = RealPath(root);
        var diagnostics = new List<Diagnostic>();
        var refused = new List<(string, Diagnostic)>();
        var candidates = new List<(string Relative, string Full)>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { realRoot };
        var pending = new Stack<(string Dir, string Relative)>();
        pending.Push((root, string.Empty));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (dir, relDir) = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(DiagnosticCodes.ReadFailed.Create($"folder '{(relDir.Length == 0 ? "." : relDir)}' cannot be listed: {ex.Message}"));
                continue;
            }

            foreach (var entry in entries)
            {
                string rel = relDir.Length == 0 ? entry.Name : relDir + "/" + entry.Name;
                bool isLink = entry.LinkTarget is not null;
                string? real = isLink ? ResolveInside(entry, realRoot) : entry.FullName;
                if (real is null)
                {
                    if (entry is FileInfo && Matches(dataset, rel))
                    {
                        refused.Add((rel, DiagnosticCodes.LinkOutsideRoot.Create("symbolic link leads outside the dataset root (or nowhere); not followed", imagePath: rel)));
                    }
                    else if (entry is DirectoryInfo)
                    {
                        diagnostics.Add(DiagnosticCodes.LinkOutsideRoot.Create($"folder link '{rel}' leads outside the dataset root (or nowhere); not followed"));
                    }

                    continue;
                }

                if (entry is DirectoryInfo)
                {
                    if (visited.Add(RealPath(real)))
                    {
                        pending.Push((entry.FullName, rel));
                    }
                }
                else
                {
                    candidates.Add((rel, entry.FullName));
                }
            }
        }

        var matcher = BuildMatcher(dataset);
        var selected = new HashSet<string>(matcher.Match(root, candidates.Select(c => c.Full)).Files.Select(f => f.Path.Replace('\\', '/')), StringComparer.Ordinal);
        var files = candidates.Where(c => selected.Contains(c.Relative))
            .Select(c => new ScannedFile(c.Relative, c.Full))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();
        refused.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return new ScanResult(files, refused, diagnostics);
    }

    private static bool Matches(DatasetSettings dataset, string relative) => BuildMatcher(dataset).Match(relative).HasMatches;

    private static Matcher BuildMatcher(DatasetSettings dataset)
    {
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        foreach (var inc in dataset.Include)
        {
            matcher.AddInclude(inc);
        }

        foreach (var exc in dataset.Exclude)
        {
            matcher.AddExclude(exc);
        }

        return matcher;
    }

    private static string? ResolveInside(FileSystemInfo entry, string realRoot)
    {
        try
        {
            var target = entry.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
            {
                return null;
            }

            var real = RealPath(target.FullName);
            return IsInside(real, realRoot) ? real : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsInside(string path, string root) =>
        path.Equals(root, StringComparison.Ordinal) || path.StartsWith(root.EndsWith('/') ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string RealPath(string path)
    {
        // Resolve links in every ancestor so that comparisons are between real locations.
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full);
        if (string.IsNullOrEmpty(parent))
        {
            return full.Length == 0 ? Path.DirectorySeparatorChar.ToString() : full;
        }

        var resolvedParent = RealPath(parent);
        var candidate = Path.Combine(resolvedParent, Path.GetFileName(full));
        FileSystemInfo info = Directory.Exists(candidate) ? new DirectoryInfo(candidate) : new FileInfo(candidate);
        if (info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is not null)
            {
                return RealPath(target.FullName);
            }
        }

        return candidate;
    }
}
