using DataGate.Core.Analysis;
using DataGate.Core.Config;

namespace DataGate.Core.Tests.Balance;

/// <summary>Builds configurations from YAML text and records with labels and metric values set directly.</summary>
internal static class BalanceFixture
{
    private static readonly Lazy<string> s_dir = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("dg-balance-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "images"));
        return dir;
    });

    public const string Header = """
        version: 1
        dataset:
          root: images
          labels:
            filename: '^(?<age>\d+)_(?<gender>[01])_(?<race>[0-4])'
        fields:
          age: { type: integer, bins: [0, 10, 20, 30] }
          gender: { type: category, names: { 0: male, 1: female } }
          race: { type: category, names: { 0: white, 1: black, 2: asian, 3: indian, 4: others } }

        """;

    public static ConfigLoadResult Parse(string body) => ConfigLoader.Parse((Header + body).ReplaceLineEndings("\n"), "datagate.yml", s_dir.Value);

    public static GateConfig BuildConfig(string body)
    {
        var result = Parse(body);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    /// <summary>A record with the given labels (null values are left out) and metric values.</summary>
    public static ImageRecord Record(string path, string? age, string? gender, string? race, params (MetricDefinition Metric, double Value)[] values)
    {
        var r = new ImageRecord(path);
        foreach (var (name, value) in new[] { ("age", age), ("gender", gender), ("race", race) })
        {
            if (value is not null)
            {
                r.LabelSlots[name] = value;
            }
        }

        foreach (var (metric, value) in values)
        {
            r.ValueSlots[metric.Index] = value;
        }

        return r;
    }

    /// <summary><paramref name="count"/> records of one gender and race; ages cycle through 5, 15, 25.</summary>
    public static IEnumerable<ImageRecord> Many(string prefix, int count, string gender, string race = "0") =>
        Enumerable.Range(0, count).Select(i => Record($"{prefix}{i}.png", (5 + (10 * (i % 3))).ToString(System.Globalization.CultureInfo.InvariantCulture), gender, race));

    /// <summary>Adds the age bins as the label resolver does.</summary>
    public static List<ImageRecord> Binned(IEnumerable<ImageRecord> records)
    {
        var list = records.ToList();
        foreach (var r in list.Where(r => r.Labels.ContainsKey("age")))
        {
            int age = int.Parse(r.Labels["age"], System.Globalization.CultureInfo.InvariantCulture);
            var bin = DataGate.Core.Statistics.Binning.WithOpenLastBin([0, 10, 20, 30]).LabelOf(age);
            if (bin is not null)
            {
                r.LabelSlots["age_bin"] = bin;
            }
        }

        return list;
    }
}
