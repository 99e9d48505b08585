using System.Reflection;
using GatedTraining;
using Microsoft.ML;
using nietras.SeparatedValues;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

// Trains a small gender classifier on the images DataGate kept: the build copied kept.csv (path + labels of every
// image that passed datagate.yml) to datagate/ beside this program. Usage: GatedTraining [kept.csv] [dataset root]
var kept = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "datagate", "kept.csv");
var root = args.Length > 1 ? args[1] : typeof(FaceRow).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "DatasetRoot").Value!;

// kept.csv is RFC 4180: a field that holds a comma, a quote, CR or LF is quoted, with quotes doubled. Sep reads it
// (Unescape strips the quotes); a path or label value that holds a comma or a newline stays one field.
using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(kept);
var rows = new List<FaceRow>();
foreach (var row in reader)
{
    var gender = row["gender"].ToString();
    if (gender.Length == 0)
    {
        continue;
    }

    using var image = Image.Load<L8>(Path.Combine(root, row["path"].ToString()));
    image.Mutate(x => x.Resize(FaceRow.Side, FaceRow.Side));
    var pixels = new float[FaceRow.Side * FaceRow.Side];
    for (int y = 0; y < FaceRow.Side; y++)
    {
        for (int x = 0; x < FaceRow.Side; x++)
        {
            pixels[(y * FaceRow.Side) + x] = image[x, y].PackedValue / 255f;
        }
    }

    rows.Add(new FaceRow { Pixels = pixels, Label = gender == "1" });
}

var ml = new MLContext(seed: 1);
var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), testFraction: 0.2, seed: 1);
var pipeline = ml.Transforms.NormalizeMinMax("Features", nameof(FaceRow.Pixels))
    .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(FaceRow.Label), featureColumnName: "Features"));
var model = pipeline.Fit(split.TrainSet);
var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(FaceRow.Label));
Console.WriteLine($"trained on {rows.Count} kept images ({kept})");
Console.WriteLine($"test accuracy {metrics.Accuracy:F3}, AUC {metrics.AreaUnderRocCurve:F3}");
