using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using DataGate.ML;
using Microsoft.ML;
using MlNetPipeline;

// Usage: MlNetPipeline [datagate.yml] [image folder]. Defaults: the repository's bundled rule file and examples/faces.
var clock = Stopwatch.StartNew();
string root = typeof(FaceRow).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;
string rulesPath = args.Length > 0 ? args[0] : Path.Combine(root, "datagate.yml");
string folder = args.Length > 1 ? args[1] : Path.Combine(root, "examples", "faces");

// Labels from the UTKFace file names ({age}_{gender}_{race}_{date}.jpg.chip.jpg); a name that does not parse keeps its
// row with empty labels, so the gate sees (and counts) every image.
var pattern = new Regex(@"^(?<age>\d+)_(?<gender>[01])_(?<race>[0-4])_\d+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
var faces = Directory.EnumerateFiles(folder)
    .Where(f => f.EndsWith(".jpg", StringComparison.Ordinal) || f.EndsWith(".png", StringComparison.Ordinal))
    .Select(f => Path.GetFileName(f))
    .Order(StringComparer.Ordinal)
    .Select(name => pattern.Match(name) is { Success: true } m
        ? new FaceRow { ImagePath = name, Age = float.Parse(m.Groups["age"].Value, CultureInfo.InvariantCulture), AgeBin = AgeBin(int.Parse(m.Groups["age"].Value, CultureInfo.InvariantCulture)), Gender = m.Groups["gender"].Value, Race = m.Groups["race"].Value }
        : new FaceRow { ImagePath = name })
    .ToList();

var ml = new MLContext(seed: 1);
var rules = DataGateRules.Load(rulesPath);
IDataView rows = ml.Data.LoadFromEnumerable(faces);

// 1. Gate: metrics per image, then the rules of datagate.yml (bounds, duplicates and balance learned at Fit).
var gatePipeline = ml.Transforms.DataGate().ComputeImageMetrics(rules, imageFolder: folder, inputColumnName: nameof(FaceRow.ImagePath))
    .Append(ml.Transforms.DataGate().Gate(rules));
var gateModel = gatePipeline.Fit(rows);
var gate = gateModel.LastTransformer;
IDataView scored = gateModel.Transform(rows);
IDataView kept = ml.Data.DataGate().FilterKept(scored);
var counts = gate.Result.Counts;
Console.WriteLine($"gate: {counts.Total} images, {counts.Kept} kept, {counts.Excluded} excluded, {counts.Errored} unreadable; {gate.Result.Findings.Count} findings, passed: {gate.Result.Passed}");
foreach (var (rule, n) in gate.Result.Verdicts.SelectMany(v => v.ExcludedBy).GroupBy(r => r).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2))
{
    Console.WriteLine($"  excluded by {rule}: {n}");
}

// 2. Cache what the rest reads: the pipeline is lazy, so without a cache every pass (the split's count, each epoch of
//    the trainer) would decode and measure the images again. One pass fills the cache.
string[] features = ["color_variance", "luminance_mean", "entropy", "laplacian_variance", "brightness_mean", "fft_blur", "skin_fraction"];
IDataView cached = ml.Data.Cache(ml.Transforms.SelectColumns(
    [nameof(FaceRow.ImagePath), nameof(FaceRow.Gender), nameof(FaceRow.AgeBin), DataGateColumns.DuplicateGroup, DataGateColumns.Split, DataGateColumns.Stratum, .. features])
    .Fit(kept).Transform(kept));

// 3. Split the kept images into train/val/test, stratified by age bin × gender, every duplicate group in one split
//    (DataGateDuplicateGroup, which the gate adds, always ties rows together), placed by a seeded hash: Core's split
//    algorithm, the one behind datagate.yml's splits: section. (datagate.yml itself stratifies by gender × race; its
//    split is the one `datagate check` writes to train.csv/val.csv/test.csv: StratifiedSplit(cached, rules).)
var ratios = new Dictionary<string, double> { ["train"] = 0.8, ["val"] = 0.1, ["test"] = 0.1 };
var split = ml.Data.DataGate().StratifiedSplit(cached, ratios, stratifyByColumnNames: [nameof(FaceRow.AgeBin), nameof(FaceRow.Gender)], seed: 42, keyColumnName: nameof(FaceRow.ImagePath));
Console.WriteLine($"split by age bin x gender: {string.Join(", ", split.Names.Select((n, i) => $"{n} {split.Counts[i]}"))}; {split.Plan!.GroupsKeptTogether} duplicate group(s) kept together; "
    + $"{split.Cells.Count} cells, the largest ({split.Cells.Max(c => c.Rows)} images) within {split.Cells.MaxBy(c => c.Rows)!.MaxDeviation * 100:F1} points of the ratios");
var fileSplit = ml.Data.DataGate().StratifiedSplit(cached, rules);
Console.WriteLine($"datagate.yml's splits: ({string.Join(" x ", rules.RuleSet.Config.Splits!.StratifyBy)}): {string.Join(", ", fileSplit.Names.Select((n, i) => $"{n} {fileSplit.Counts[i]}"))} (= datagate check's train.csv/val.csv/test.csv)");

// 4. A small gender classifier on DataGate's own metric columns, trained on train, measured on every split (images
//    with a known gender). The bundled faces carry a planted shortcut (background saturation follows gender), which
//    the parity rule 'colour-cue' warns about: the classifier finds it.
IDataView Labelled(IDataView data) => ml.Data.FilterByCustomPredicate<GenderOnly>(data, r => r.Gender is not ("0" or "1"));
var trainer = ml.Transforms.Conversion.MapValue("Label", new Dictionary<string, bool> { ["0"] = false, ["1"] = true }, nameof(FaceRow.Gender))
    .Append(ml.Transforms.Concatenate("Features", features))
    .Append(ml.Transforms.ReplaceMissingValues("Features"))
    .Append(ml.Transforms.NormalizeMeanVariance("Features"))
    .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "Label", featureColumnName: "Features"));
var classifier = trainer.Fit(Labelled(split["train"]));
foreach (var name in split.Names)
{
    var data = Labelled(split[name]);
    var metrics = ml.BinaryClassification.Evaluate(classifier.Transform(data), labelColumnName: "Label");
    long n = ml.Data.CreateEnumerable<GenderOnly>(data, reuseRowObject: true).LongCount();
    Console.WriteLine($"{name,-5}: {n,3} images, accuracy {metrics.Accuracy:F3}, AUC {metrics.AreaUnderRocCurve:F3}");
}

// 5. The fitted gate saves with the model and reloads in a fresh MLContext with the same verdicts.
string modelPath = Path.Combine(Path.GetTempPath(), $"datagate-mlnet-example-{Environment.ProcessId}.zip");
ml.Model.Save(gateModel, rows.Schema, modelPath);
long modelBytes = new FileInfo(modelPath).Length;
var fresh = new MLContext(seed: 1);
var reloaded = fresh.Model.Load(modelPath, out _);
long keptAgain = fresh.Data.CreateEnumerable<KeptOnly>(fresh.Data.DataGate().FilterKept(reloaded.Transform(fresh.Data.LoadFromEnumerable(faces))), reuseRowObject: true).LongCount();
File.Delete(modelPath);
var saved = SavedGate.Find(reloaded).Single();
Console.WriteLine($"saved ({modelBytes / 1024.0:F0} KiB) and reloaded gate: {keptAgain} kept ({(keptAgain == counts.Kept ? "same" : "DIFFERENT")}); "
    + $"saved fit result: {saved.Counts.Kept} of {saved.Counts.Total} kept, {saved.Findings.Count} findings, passed: {saved.Passed}");
Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F1} s");
return keptAgain == counts.Kept ? 0 : 1;

// datagate.yml's age bins (bins: [0, 10, ..., 90]), right-closed as pandas.cut makes them: 10 is in 0-10, 0 in none.
static string AgeBin(int age) => age <= 0 ? string.Empty : age > 90 ? "90-inf" : $"{(age - 1) / 10 * 10}-{((age - 1) / 10 * 10) + 10}";

internal sealed class GenderOnly
{
    public string Gender { get; set; } = string.Empty;
}

internal sealed class KeptOnly
{
    public bool DataGateKept { get; set; }
}
