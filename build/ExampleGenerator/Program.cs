using System.Globalization;
using DataGate.ExampleGenerator;

// Usage: dotnet run --project build/ExampleGenerator -- <folder> [--stats | --sheet <out.png> [skip]]
//   <folder>   output folder (e.g. examples/faces); files the generator owns in it are replaced.
//   --stats    do not generate; decode the folder and print per-defect metrics for verification.
//   --sheet    do not generate; write a contact sheet of 32 images (from index skip) as PNG.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: DataGate.ExampleGenerator <folder> [--stats | --sheet <out.png> [skip]]");
    return 2;
}

string folder = args[0];
switch (args.Length > 1 ? args[1] : string.Empty)
{
    case "--stats":
        DatasetStats.Print(folder);
        return 0;
    case "--sheet" when args.Length >= 3:
        ContactSheet.Write(folder, args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0);
        return 0;
    case "":
        GeneratedDataset dataset = DatasetBuilder.Build();
        DatasetWriter.Write(dataset, folder);
        Console.WriteLine($"wrote {dataset.Files.Count} files and {dataset.Defects.Count} defect rows to {Path.GetFullPath(folder)}");
        return 0;
    default:
        Console.Error.WriteLine("usage: DataGate.ExampleGenerator <folder> [--stats | --sheet <out.png> [skip]]");
        return 2;
}
