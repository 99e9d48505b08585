using System.Globalization;
using DataGate.Core.Imaging;

namespace DataGate.Core.Tests.Support;

/// <summary>Access to the golden fixtures copied from shared/golden into tests/fixtures/golden.</summary>
internal static class Golden
{
    private static readonly Lazy<string> s_root = new(FindRoot);
    private static readonly Lazy<IReadOnlyList<Dictionary<string, string>>> s_metrics = new(() => ReadCsv(Path.Combine(Root, "reference", "metrics.csv")));

    /// <summary>The repository root (the folder holding DataGate.sln).</summary>
    public static string RepoRoot => Path.GetFullPath(Path.Combine(Root, "..", "..", ".."));

    /// <summary>tests/fixtures/golden.</summary>
    public static string Root => s_root.Value;

    /// <summary>Path of a golden image given its metrics.csv path (e.g. <c>synthetic/edge/ramp.png</c>).</summary>
    public static string Image(string relative) => Path.Combine(Root, "images", relative);

    /// <summary>Path of the Pillow-decoded PNG for a lossy file, or null when none.</summary>
    public static string? Decoded(string relative)
    {
        var p = Path.Combine(Root, "reference", "decoded", relative + ".rgb.png");
        return File.Exists(p) ? p : null;
    }

    /// <summary>Rows of reference/metrics.csv restricted to files present in the fixtures.</summary>
    public static IReadOnlyList<Dictionary<string, string>> Metrics => s_metrics.Value;

    /// <summary>Rows for lossless, decodable files (PNG, BMP, lossless WebP) without an error.</summary>
    public static IEnumerable<Dictionary<string, string>> LosslessRows() =>
        Metrics.Where(r => r["error"].Length == 0 && r["format"] is "PNG" or "BMP" && File.Exists(Image(r["path"])));

    /// <summary>Rows for lossy files that have a Pillow-decoded PNG.</summary>
    public static IEnumerable<(Dictionary<string, string> Row, string DecodedPng)> DecodedRows() =>
        Metrics.Where(r => r["error"].Length == 0 && Decoded(r["path"]) is not null).Select(r => (r, Decoded(r["path"])!));

    /// <summary>Decodes a file with the product decoder (default engine); fails the test when it cannot.</summary>
    public static RgbImage Load(string fullPath) => Load(fullPath, DecodeEngineNames.Default);

    /// <summary>Decodes a file with the product decoder and the given JPEG engine; fails the test when it cannot.</summary>
    public static RgbImage Load(string fullPath, DecodeEngine engine)
    {
        var result = new SafeImageDecoder(new DecodeOptions { Engine = engine }).DecodeFile(fullPath, Path.GetFileName(fullPath));
        Assert.True(result.Succeeded, $"{fullPath}: {result.Error}");
        return result.Image!;
    }

    /// <summary>Parses a double the way Python writes it (inf, nan, -inf).</summary>
    public static double Number(string text) => text switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" or "" => double.NaN,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    /// <summary>Reads a simple RFC 4180 CSV into dictionaries keyed by header.</summary>
    public static IReadOnlyList<Dictionary<string, string>> ReadCsv(string path)
    {
        var rows = ParseCsv(File.ReadAllText(path));
        var header = rows[0];
        return rows.Skip(1).Where(r => r.Count == header.Count)
            .Select(r => header.Select((h, i) => (h, r[i])).ToDictionary(t => t.h, t => t.Item2, StringComparer.Ordinal))
            .ToList();
    }

    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = new List<string>(); }
            else if (c != '\r') { field.Append(c); }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "golden");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException("tests/fixtures/golden not found above " + AppContext.BaseDirectory);
    }
}
