using System.Reflection;
using GatedTraining;
using Microsoft.ML;
using nietras.SeparatedValues;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

// Trains a small gender classifier on DataGate's splits: the build copied the split manifests (train.csv, test.csv:
// path + labels of the kept images, stratified by gender × race, every duplicate group on one side) to datagate/
// beside this program. Training on train.csv and evaluating on test.csv keeps copies of a test face out of training,
// which a random TrainTestSplit over kept.csv would not. Usage: GatedTraining [manifest folder] [dataset root]
var folder = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "datagate");
var root = args.Length > 1 ? args[1] : typeof(FaceRow).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "DatasetRoot").Value!;

var train = Load(Path.Combine(folder, "train.csv"), root);
var test = Load(Path.Combine(folder, "test.csv"), root);

var ml = new MLContext(seed: 1);
var pipeline = ml.Transforms.NormalizeMinMax("Features", nameof(FaceRow.Pixels))
    .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(FaceRow.Label), featureColumnName: "Features"));
var model = pipeline.Fit(ml.Data.LoadFromEnumerable(train));
var metrics = ml.BinaryClassification.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(test)), labelColumnName: nameof(FaceRow.Label));
Console.WriteLine($"trained on {train.Count} images (train.csv), evaluated on {test.Count} (test.csv) from {folder}");
Console.WriteLine($"test accuracy {metrics.Accuracy:F3}, AUC {metrics.AreaUnderRocCurve:F3}");

// A split manifest is RFC 4180: a field that holds a comma, a quote, CR or LF is quoted, with quotes doubled. Sep reads
// it (Unescape strips the quotes); a path or label value that holds a comma or a newline stays one field.
static List<FaceRow> Load(string manifest, string root)
{
    using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(manifest);
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

    return rows;
}
