namespace DataGate.MSBuild.Tests.Support;

/// <summary>A temporary folder with a small generated dataset under <c>data/</c> and a rule file.</summary>
internal sealed class Workspace : IDisposable
{
    public Workspace(string prefix = "dg-msb-")
    {
        Root = Directory.CreateTempSubdirectory(prefix).FullName;
        Directory.CreateDirectory(Data);
    }

    public string Root { get; }

    public string Data => Path.Combine(Root, "data");

    public string ConfigPath => Path.Combine(Root, "datagate.yml");

    /// <summary>A rule file with one rule; <paramref name="rule"/> is the rule's body lines after <c>- id: ID</c>.</summary>
    public static string RuleFile(string id, params string[] rule) =>
        "version: 1\ndataset:\n  root: data\n  include: [\"**/*.png\", \"**/*.jpg\"]\nquality:\n  - id: " + id + "\n"
        + string.Concat(rule.Select(r => "    " + r + "\n"));

    /// <summary>1-based line and column of the first occurrence of <paramref name="text"/> in the rule file.</summary>
    public (int Line, int Column) PositionOf(string text)
    {
        var lines = File.ReadAllLines(ConfigPath);
        for (int i = 0; i < lines.Length; i++)
        {
            int at = lines[i].IndexOf(text, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (i + 1, at + 1);
            }
        }

        throw new InvalidOperationException($"'{text}' is not in the rule file");
    }

    public void WriteConfig(string text) => File.WriteAllText(ConfigPath, text);

    /// <summary>Writes a 16×16 noise PNG, colour or gray.</summary>
    public void Image(string name, int seed, bool gray = false) => TestImages.Noise(Path.Combine(Data, name), seed, gray);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child build may still hold a file; the temp folder is cleaned by the OS.
        }
    }
}
