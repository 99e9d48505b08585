namespace DataGate.ExampleGenerator;

/// <summary>One output file: its name inside the dataset folder and its exact bytes.</summary>
internal sealed record GeneratedFile(string Name, byte[] Bytes);

/// <summary>A planted defect: the file, a defect code, the related file (duplicates only) and a human note.</summary>
internal sealed record PlantedDefect(string File, string Defect, string Related, string Detail);

/// <summary>The whole generated dataset, ready to be written.</summary>
internal sealed class GeneratedDataset
{
    /// <summary>All files, in generation order.</summary>
    public List<GeneratedFile> Files { get; } = [];

    /// <summary>All planted defects, in generation order.</summary>
    public List<PlantedDefect> Defects { get; } = [];

    /// <summary>Labels of every file whose name parses (including duplicates and corrupt files).</summary>
    public List<FaceLabels> NamedLabels { get; } = [];
}
