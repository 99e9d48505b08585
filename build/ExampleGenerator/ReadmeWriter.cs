using System.Text;

namespace DataGate.ExampleGenerator;

/// <summary>Renders examples/faces/README.md: what the dataset is, its label distribution and every planted defect.</summary>
internal static class ReadmeWriter
{
    private static readonly string[] s_raceNames = ["White", "Black", "Asian", "Indian", "Others"];

    /// <summary>The README text (Markdown, LF line endings).</summary>
    public static string Render(GeneratedDataset dataset)
    {
        var sb = new StringBuilder();
        sb.Append("# Example dataset: synthetic UTKFace-style faces\n\n");
        sb.Append("Generated — do not edit by hand. Regenerate with\n\n");
        sb.Append("```\ndotnet run --project build/ExampleGenerator -- examples/faces\n```\n\n");
        sb.Append(FormattableString.Invariant($"{dataset.Files.Count} files, {DatasetBuilder.Size}×{DatasetBuilder.Size}, JPEG quality {DatasetBuilder.Quality} "));
        sb.Append("(a few exceptions below). Every face is drawn procedurally (no real people): gradient background, ");
        sb.Append("skin-toned head, hair, eyes, brows, nose, mouth, 1/f texture and sensor grain. Output is byte-for-byte ");
        sb.Append(FormattableString.Invariant($"deterministic (seed `0x{DatasetBuilder.MasterSeed:X}`).\n\n"));
        sb.Append("Names follow UTKFace: `{age}_{gender}_{race}_{yyyyMMddHHmmssfff}.jpg.chip.jpg`, ");
        sb.Append("gender 0 male / 1 female, race 0 White, 1 Black, 2 Asian, 3 Indian, 4 Others.\n\n");

        AppendDistribution(sb, dataset.NamedLabels);

        sb.Append("## Planted defects\n\n");
        sb.Append("Also machine-readable in `DEFECTS.csv` (`file,defect,related,detail`; one row per defect, ");
        sb.Append("a file can have two rows). Files not listed are clean, apart from the dataset-level problems above ");
        sb.Append("(label skew and the background shortcut).\n\n");
        foreach (IGrouping<string, PlantedDefect> g in dataset.Defects.GroupBy(d => d.Defect))
        {
            sb.Append(FormattableString.Invariant($"- `{g.Key}`: {g.Count()}\n"));
        }

        sb.Append("\n| file | defect | related file | detail |\n|---|---|---|---|\n");
        foreach (PlantedDefect d in DatasetWriter.Sorted(dataset.Defects).OrderBy(d => d.Defect, StringComparer.Ordinal))
        {
            string related = d.Related.Length > 0 ? $"`{d.Related}`" : string.Empty;
            sb.Append(FormattableString.Invariant($"| `{d.File}` | {d.Defect} | {related} | {d.Detail} |\n"));
        }

        sb.Append("\nNotes: `lossless_duplicate` PNGs hold exactly the pixels libjpeg-turbo decodes from the related JPEG ");
        sb.Append("(as Pillow, OpenCV and DataGate's default decode engine do; ImageSharp differs by a level here and there). `near_duplicate` files are edited copies re-encoded as JPEG. ");
        sb.Append("The darkened and washed-out images have fresh grain added so they stay sharp (Laplacian variance > 50); ");
        sb.Append("only the `blurry` ones are meant to fail a sharpness check.\n");
        return sb.ToString();
    }

    private static void AppendDistribution(StringBuilder sb, List<FaceLabels> labels)
    {
        int n = labels.Count;
        sb.Append("## Label distribution (deliberately skewed)\n\n");
        sb.Append(FormattableString.Invariant($"Over the {n} files whose names parse (malformed names excluded).\n\n"));
        sb.Append("| age | files | | gender | files | | race | files |\n|---|---|---|---|---|---|---|---|\n");
        var ageRows = LabelPlan.AgeBuckets
            .Select(b => (Name: $"{b.Min}–{b.Max}", Count: labels.Count(l => l.Age >= b.Min && l.Age <= b.Max)))
            .ToList();
        string[] gender = [$"0 male: {labels.Count(l => l.Gender == 0)}", $"1 female: {labels.Count(l => l.Gender == 1)}"];
        for (int row = 0; row < ageRows.Count; row++)
        {
            string g = row < 2 ? gender[row].Split(": ")[0] + " | " + gender[row].Split(": ")[1] : " | ";
            string r = row < 5 ? FormattableString.Invariant($"{row} {s_raceNames[row]} | {labels.Count(l => l.Race == row)}") : " | ";
            sb.Append(FormattableString.Invariant($"| {ageRows[row].Name} | {ageRows[row].Count} | | {g} | | {r} |\n"));
        }

        sb.Append("\n**Shortcut:** background saturation depends on gender (female HSV saturation 0.28–0.70, male 0.03–0.40), ");
        sb.Append("so female images have systematically higher colour variance — a parity check of colour variance across ");
        sb.Append("gender should flag it.\n\n");
    }
}
