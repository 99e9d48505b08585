using System.Reflection;
using GatedTraining;
using Microsoft.ML;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

// Trains a small gender classifier on the images DataGate kept: the build copied kept.csv (path + labels of every
// image that passed datagate.yml) to datagate/ beside this program. Usage: GatedTraining [kept.csv] [dataset root]
var kept = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "datagate", "kept.csv");
var root = args.Length > 1 ? args[1] : typeof(FaceRow).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "DatasetRoot").Value!;

var lines = File.ReadAllLines(kept);
var header = lines[0].Split(',');
int pathColumn = Array.IndexOf(header, "path");
int genderColumn = Array.IndexOf(header, "gender");
var rows = new List<FaceRow>();
foreach (var line in lines.Skip(1))
{
    // kept.csv quotes a field only when it holds a comma; the bundled dataset's names have none.
    var fields = line.Split(',');
    if (fields[genderColumn].Length == 0)
    {
        continue;
    }

    using var image = Image.Load<L8>(Path.Combine(root, fields[pathColumn]));
    image.Mutate(x => x.Resize(FaceRow.Side, FaceRow.Side));
    var pixels = new float[FaceRow.Side * FaceRow.Side];
    for (int y = 0; y < FaceRow.Side; y++)
    {
        for (int x = 0; x < FaceRow.Side; x++)
        {
            pixels[(y * FaceRow.Side) + x] = image[x, y].PackedValue / 255f;
        }
    }

    rows.Add(new FaceRow { Pixels = pixels, Label = fields[genderColumn] == "1" });
}

var ml = new MLContext(seed: 1);
var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), testFraction: 0.2, seed: 1);
var pipeline = ml.Transforms.NormalizeMinMax("Features", nameof(FaceRow.Pixels))
    .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(FaceRow.Label), featureColumnName: "Features"));
var model = pipeline.Fit(split.TrainSet);
var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(FaceRow.Label));
Console.WriteLine($"trained on {rows.Count} kept images ({kept})");
Console.WriteLine($"test accuracy {metrics.Accuracy:F3}, AUC {metrics.AreaUnderRocCurve:F3}");
