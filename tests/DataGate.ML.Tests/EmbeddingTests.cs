using DataGate.Benchmarks;
using DataGate.Core;
using Microsoft.ML;

namespace DataGate.ML.Tests;

/// <summary>
/// <c>near: { method: embedding | both }</c> in ML.NET: <c>Gate.Fit</c> embeds the rows with the ResNet18 model of the
/// Microsoft.ML.DnnImageFeaturizer.ResNet18 package (a test PackageReference copies it to DnnImageModels/ in the
/// output; nothing is downloaded) and groups them as <c>datagate check</c> does. One generated folder of faces with
/// planted copies, shared by the tests (the embedding costs ~25 ms per image).
/// </summary>
public sealed class EmbeddingTests : IClassFixture<EmbeddingTests.Faces>
{
    private static readonly string s_model = BundledModels.ResNet18;

    private readonly Faces _faces;

    public EmbeddingTests(Faces faces) => _faces = faces;

    private sealed class PathRow
    {
        public string ImagePath { get; set; } = string.Empty;
    }

    /// <summary>Eight generated faces, a 95 % crop of one, a mirror of another, a JPEG q20 copy and a byte copy.</summary>
    public sealed class Faces : IDisposable
    {
        public Faces()
        {
            Folder = Directory.CreateTempSubdirectory("dg-ml-embedding-").FullName;
            Images = Path.Combine(Folder, "images");
            Directory.CreateDirectory(Images);
            for (int seed = 1; seed <= 8; seed++)
            {
                File.WriteAllBytes(Path.Combine(Images, $"f{seed}.jpg"), SyntheticFaces.JpegOf(seed));
                string? kind = seed switch { 1 => "crop_95", 2 => "mirrored", 3 => "jpeg_q20", _ => null };
                if (kind is not null)
                {
                    File.WriteAllBytes(Path.Combine(Images, $"f{seed}_{kind}.jpg"), SyntheticFaces.JpegOf(seed, kind));
                }
            }

            File.Copy(Path.Combine(Images, "f4.jpg"), Path.Combine(Images, "f4_copy.jpg"));
        }

        public string Folder { get; }

        public string Images { get; }

        /// <summary>Writes a rule file over the images with this <c>near:</c> mapping; returns its path.</summary>
        public string Rules(string name, string near)
        {
            string path = Path.Combine(Folder, name);
            File.WriteAllText(path, $"version: 1\ndataset:\n  root: images\nduplicates:\n  exact: {{ action: exclude, keep: first_path }}\n  near: {near}\n");
            return path;
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    private List<Dictionary<string, string>> RunMl(string rulesPath, IEnumerable<string> names)
    {
        var ml = new MLContext(seed: 1);
        var rules = DataGateRules.Load(rulesPath);
        var rows = ml.Data.LoadFromEnumerable(names.Select(n => new PathRow { ImagePath = n }).ToList());
        var model = ml.Transforms.DataGate().ComputeImageMetrics(rules, imageFolder: _faces.Images)
            .Append(ml.Transforms.DataGate().Gate(rules))
            .Fit(rows);
        return DataViewTable.Read(model.Transform(rows));
    }

    [Fact]
    public void Should_GiveTheCliGroupsVerdictsAndReasons_When_MethodIsBoth()
    {
        string rules = _faces.Rules("both.yml", $"{{ action: exclude, method: both, model: '{s_model}' }}");

        var cli = GateRunner.Run(rules, new GateRunOptions()).Result!;
        var table = RunMl(rules, cli.Records.Select(r => r.Path));

        Assert.Equal(cli.Records.Count, table.Count);
        Assert.All(cli.Records, r => Assert.True(r.IsAnalysed, r.Path));
        for (int i = 0; i < cli.Records.Count; i++)
        {
            var row = table[i];
            string path = cli.Records[i].Path;
            Assert.Equal(path, row["ImagePath"]);
            Assert.Equal(cli.Duplicates.GroupOfImage.GetValueOrDefault(path, string.Empty), row[DataGateColumns.DuplicateGroup]);
            Assert.Equal(cli.Verdicts[i].IsKept ? "true" : "false", row[DataGateColumns.Kept]);
            Assert.Equal(string.Join(", ", cli.Verdicts[i].ExcludedBy), row[DataGateColumns.Reason]);
        }

        // The planted copies are all found (by bytes, hashes or embedding), no original is grouped with another.
        string Group(string name) => table.Single(r => r["ImagePath"] == name)[DataGateColumns.DuplicateGroup];
        foreach (var (original, copy) in new[] { ("f1.jpg", "f1_crop_95.jpg"), ("f2.jpg", "f2_mirrored.jpg"), ("f3.jpg", "f3_jpeg_q20.jpg"), ("f4.jpg", "f4_copy.jpg") })
        {
            Assert.NotEqual(string.Empty, Group(original));
            Assert.Equal(Group(original), Group(copy));
        }

        Assert.Equal(4, table.Select(r => r[DataGateColumns.DuplicateGroup]).Where(g => g.Length > 0).Distinct().Count());
        Assert.Equal(4, table.Count(r => r[DataGateColumns.Kept] == "false"));
    }

    [Fact]
    public void Should_GroupCropWithItsOriginal_When_EmbeddingIsOnAndHashesMissIt()
    {
        string[] names = ["f1.jpg", "f1_crop_95.jpg", "f5.jpg", "f6.jpg"];

        var byHash = RunMl(_faces.Rules("hash.yml", "{ action: exclude }"), names);
        var byEmbedding = RunMl(_faces.Rules("embedding.yml", $"{{ action: exclude, method: embedding, model: '{s_model}' }}"), names);

        Assert.All(byHash, r => Assert.Equal(string.Empty, r[DataGateColumns.DuplicateGroup]));
        Assert.Equal(["dup-1", "dup-1", string.Empty, string.Empty], byEmbedding.Select(r => r[DataGateColumns.DuplicateGroup]));
        Assert.Equal(["true", "false", "true", "true"], byEmbedding.Select(r => r[DataGateColumns.Kept]));
        Assert.Equal("duplicates.near", byEmbedding[1][DataGateColumns.Reason]);
    }

    [Fact]
    public void Should_KeepFittedGroupsAndJudgeNewRowsAlone_When_EmbeddingGateIsSavedAndReloaded()
    {
        var ml = new MLContext(seed: 1);
        var rules = DataGateRules.Load(_faces.Rules("embedding-saved.yml", $"{{ action: exclude, method: embedding, model: '{s_model}' }}"));
        var rows = ml.Data.LoadFromEnumerable(new[] { "f1.jpg", "f1_crop_95.jpg", "f5.jpg" }.Select(n => new PathRow { ImagePath = n }).ToList());
        var model = ml.Transforms.DataGate().ComputeImageMetrics(rules, imageFolder: _faces.Images).Append(ml.Transforms.DataGate().Gate(rules)).Fit(rows);
        var table = DataViewTable.Read(model.Transform(rows));
        string zip = Path.Combine(_faces.Folder, "embedding.zip");
        ml.Model.Save(model, rows.Schema, zip);

        var fresh = new MLContext(seed: 2);
        var loaded = fresh.Model.Load(zip, out _);
        var again = DataViewTable.Read(loaded.Transform(fresh.Data.LoadFromEnumerable(new[] { "f1.jpg", "f1_crop_95.jpg", "f5.jpg" }.Select(n => new PathRow { ImagePath = n }).ToList())));
        // A new row (not fitted; the crop of f1 under another name is new too): judged alone, no duplicate search.
        var fresher = DataViewTable.Read(loaded.Transform(fresh.Data.LoadFromEnumerable(new[] { new PathRow { ImagePath = "f1_crop_95.jpg" }, new PathRow { ImagePath = "f7.jpg" } })));

        Assert.Equal(["dup-1", "dup-1", string.Empty], table.Select(r => r[DataGateColumns.DuplicateGroup]));
        GateWorkoutTests.AssertSame(table, again);
        Assert.Equal("dup-1", fresher[0][DataGateColumns.DuplicateGroup]); // the fitted row, found by its digest
        Assert.Equal("false", fresher[0][DataGateColumns.Kept]);
        Assert.Equal(string.Empty, fresher[1][DataGateColumns.DuplicateGroup]);
        Assert.Equal("true", fresher[1][DataGateColumns.Kept]);
    }

    [Fact]
    public void Should_ReloadWithoutTheModelFile_When_ModelIsGoneWhereTheGateIsLoaded()
    {
        // The model copied beside the rule file (relative path), fitted, saved, then deleted: a reloaded gate never
        // runs the network, so it loads and gives the fitted rows' groups without it.
        string bundled = Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        string models = Path.Combine(_faces.Folder, "moved-models");
        foreach (var file in Directory.EnumerateFiles(bundled, "*.onnx", SearchOption.AllDirectories))
        {
            string to = Path.Combine(models, Path.GetRelativePath(bundled, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var ml = new MLContext(seed: 1);
        var rules = DataGateRules.Load(_faces.Rules("moved.yml", "{ action: exclude, method: embedding, model: moved-models/ResNet18Onnx/ResNet18.onnx }"));
        var rows = ml.Data.LoadFromEnumerable(new[] { "f1.jpg", "f1_crop_95.jpg", "f6.jpg" }.Select(n => new PathRow { ImagePath = n }).ToList());
        var model = ml.Transforms.DataGate().ComputeImageMetrics(rules, imageFolder: _faces.Images).Append(ml.Transforms.DataGate().Gate(rules)).Fit(rows);
        var table = DataViewTable.Read(model.Transform(rows));
        string zip = Path.Combine(_faces.Folder, "moved.zip");
        ml.Model.Save(model, rows.Schema, zip);
        Directory.Delete(models, recursive: true);

        var fresh = new MLContext(seed: 2);
        var again = DataViewTable.Read(fresh.Model.Load(zip, out _).Transform(rows));

        Assert.Equal(["dup-1", "dup-1", string.Empty], table.Select(r => r[DataGateColumns.DuplicateGroup]));
        GateWorkoutTests.AssertSame(table, again);
        Assert.Throws<DataGateRulesException>(() => DataGateRules.Load(Path.Combine(_faces.Folder, "moved.yml"))); // DG1035 for a new fit
    }

    [Fact]
    public void Should_GroupCropWithItsOriginal_When_ImagesComeThroughLoadImages()
    {
        var ml = new MLContext(seed: 1);
        var rules = DataGateRules.Load(_faces.Rules("embedding-mlimage.yml", $"{{ action: warn, method: embedding, model: '{s_model}' }}"));
        var rows = ml.Data.LoadFromEnumerable(new[] { "f1.jpg", "f1_crop_95.jpg", "f5.jpg", "f6.jpg" }.Select(n => new PathRow { ImagePath = n }).ToList());
        var model = ml.Transforms.LoadImages("Image", _faces.Images, nameof(PathRow.ImagePath))
            .Append(ml.Transforms.DataGate().ComputeImageMetrics(rules, inputColumnName: "Image", nameColumnName: nameof(PathRow.ImagePath)))
            .Append(ml.Transforms.DataGate().Gate(rules))
            .Fit(rows);

        var table = DataViewTable.Read(model.Transform(rows));

        Assert.Equal(["dup-1", "dup-1", string.Empty, string.Empty], table.Select(r => r[DataGateColumns.DuplicateGroup]));
        Assert.All(table, r => Assert.Equal("true", r[DataGateColumns.Kept]));
    }

    [Fact]
    public void Should_ThrowDG3019AtFit_When_ModelCannotBeLoaded()
    {
        File.WriteAllText(Path.Combine(_faces.Folder, "broken.onnx"), "not an ONNX model");
        var rules = DataGateRules.Load(_faces.Rules("broken.yml", "{ method: embedding, model: broken.onnx, preprocess: broken.onnx }"));
        var ml = new MLContext(seed: 1);
        var rows = ml.Data.LoadFromEnumerable(new[] { new PathRow { ImagePath = "f1.jpg" } });
        var pipeline = ml.Transforms.DataGate().ComputeImageMetrics(rules, imageFolder: _faces.Images).Append(ml.Transforms.DataGate().Gate(rules));

        var e = Assert.Throws<DataGateRulesException>(() => pipeline.Fit(rows));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("DG3019", d.Code);
        Assert.Contains("broken.onnx", d.Message, StringComparison.Ordinal);
        Assert.Equal((6, 9), (d.Location!.Line, d.Location.Column));
    }

    [Fact]
    public void Should_ThrowDG1035AtLoad_When_ModelFileIsMissing()
    {
        string path = _faces.Rules("missing.yml", "{ method: embedding, model: models/missing.onnx }");

        var e = Assert.Throws<DataGateRulesException>(() => DataGateRules.Load(path));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("DG1035", d.Code);
        Assert.Contains("missing.onnx", d.Message, StringComparison.Ordinal);
    }
}
