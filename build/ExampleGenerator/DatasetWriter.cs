using System.Text;

namespace DataGate.ExampleGenerator;

/// <summary>Writes a <see cref="GeneratedDataset"/> to a folder, replacing only files the generator owns.</summary>
internal static class DatasetWriter
{
    /// <summary>File name patterns the generator owns (and deletes before writing).</summary>
    public static readonly string[] OwnedPatterns = ["*.chip.jpg", "*.chip.png", "DEFECTS.csv", "README.md"];

    /// <summary>Deletes owned files in <paramref name="folder"/> (top level only) and writes the dataset.</summary>
    public static void Write(GeneratedDataset dataset, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (string pattern in OwnedPatterns)
        {
            foreach (string path in Directory.GetFiles(folder, pattern, SearchOption.TopDirectoryOnly))
            {
                File.Delete(path);
            }
        }

        foreach (GeneratedFile file in dataset.Files)
        {
            File.WriteAllBytes(Path.Combine(folder, file.Name), file.Bytes);
        }

        File.WriteAllText(Path.Combine(folder, "DEFECTS.csv"), DefectsCsv(dataset), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(folder, "README.md"), ReadmeWriter.Render(dataset), new UTF8Encoding(false));
    }

    /// <summary>CSV with header <c>file,defect,related,detail</c>, one row per planted defect, sorted by file then defect.</summary>
    public static string DefectsCsv(GeneratedDataset dataset)
    {
        var sb = new StringBuilder("file,defect,related,detail\n");
        foreach (PlantedDefect d in Sorted(dataset.Defects))
        {
            sb.Append(Field(d.File)).Append(',').Append(Field(d.Defect)).Append(',')
              .Append(Field(d.Related)).Append(',').Append(Field(d.Detail)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Defects ordered by defect code, then file name (ordinal).</summary>
    public static List<PlantedDefect> Sorted(IEnumerable<PlantedDefect> defects)
    {
        return defects.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Defect, StringComparer.Ordinal).ToList();
    }

    private static string Field(string value)
    {
        return value.IndexOfAny([',', '"', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
