namespace DataGate.ExampleGenerator;

/// <summary>
/// Renders the example dataset: 285 distinct faces (some with planted pixel or name defects) plus 15 extra files
/// (exact, lossless and near duplicates, a truncated JPEG and a non-image). Everything derives from one seed.
/// </summary>
internal sealed class DatasetBuilder
{
    /// <summary>Seed of the whole dataset; change it and every byte changes.</summary>
    public const ulong MasterSeed = 0x0DA7A6A7E5EEDUL;

    /// <summary>Number of distinct rendered faces.</summary>
    public const int BaseFaces = 285;

    /// <summary>Image side in pixels.</summary>
    public const int Size = 200;

    /// <summary>JPEG quality of normal images.</summary>
    public const int Quality = 90;

    private const double DefectGrain = 4;
    private const int BlurCount = 8;
    private const int DarkCount = 6;
    private const int BrightCount = 4;
    private const int GrayCount = 6;
    private const int MalformedCount = 4;
    private const int ExactCount = 5;
    private const int LosslessCount = 3;
    private const int NearCount = 5;

    private readonly GeneratedDataset _dataset = new();
    private readonly UtkNames _names = new(new SeededRandom(SeededRandom.Derive(MasterSeed, 300)));
    private readonly SeededRandom _defectRng = new(SeededRandom.Derive(MasterSeed, 400));

    /// <summary>Builds the dataset in memory.</summary>
    public static GeneratedDataset Build()
    {
        return new DatasetBuilder().Run();
    }

    private GeneratedDataset Run()
    {
        FaceLabels[] labels = LabelPlan.Create(BaseFaces, new SeededRandom(SeededRandom.Derive(MasterSeed, 100)));
        var order = Enumerable.Range(0, BaseFaces).ToList();
        new SeededRandom(SeededRandom.Derive(MasterSeed, 200)).Shuffle(order);
        int next = 0;
        List<int> Take(int n)
        {
            List<int> picked = order.GetRange(next, n);
            next += n;
            return picked;
        }

        var roles = new Dictionary<int, string>();
        foreach ((string role, int count) in new[]
        {
            ("blurry", BlurCount), ("too_dark", DarkCount), ("too_bright", BrightCount), ("grayscale", GrayCount),
            ("malformed_name", MalformedCount), ("exact_source", ExactCount), ("lossless_source", LosslessCount),
            ("near_source", NearCount),
        })
        {
            foreach (int index in Take(count))
            {
                roles[index] = role;
            }
        }

        var sources = new Dictionary<string, List<(GeneratedFile File, FaceLabels Labels)>>(StringComparer.Ordinal);
        int malformed = 0;
        for (int i = 0; i < BaseFaces; i++)
        {
            FaceSpec spec = FaceSpecFactory.Create(labels[i], new SeededRandom(SeededRandom.Derive(MasterSeed, 1000 + (ulong)i)));
            Canvas face = FaceRenderer.Render(spec, Size, Size);
            string role = roles.GetValueOrDefault(i, "normal");
            GeneratedFile file = role switch
            {
                "blurry" => Add(labels[i], Codec.Jpeg(ImageOps.BoxBlur(face, 5, 3), Quality), "blurry", "box blur radius 5, 3 passes (≈ Gaussian σ 5.5)"),
                "too_dark" => Add(labels[i], Codec.Jpeg(ImageOps.Darken(face, _defectRng.Range(16, 24), DefectGrain, _defectRng), Quality), "too_dark", "underexposed: scaled to mean luma 16–24, sensor grain added"),
                "too_bright" => Add(labels[i], Codec.Jpeg(ImageOps.WashOut(face, _defectRng.Range(230, 236), DefectGrain, _defectRng), Quality), "too_bright", "washed out toward white (mean luma 230–236), sensor grain added"),
                "grayscale" => Add(labels[i], Codec.GrayJpeg(ImageOps.Grayscale(face), Quality), "grayscale", "single-channel JPEG, decodes to R = G = B"),
                "malformed_name" => AddMalformed(labels[i], Codec.Jpeg(face, Quality), malformed++),
                _ => Add(labels[i], Codec.Jpeg(face, Quality), null, null),
            };
            if (role.EndsWith("_source", StringComparison.Ordinal))
            {
                if (!sources.TryGetValue(role, out var list))
                {
                    sources[role] = list = [];
                }

                list.Add((file, labels[i]));
            }
        }

        AddExactDuplicates(sources["exact_source"]);
        AddLosslessDuplicates(sources["lossless_source"]);
        AddNearDuplicates(sources["near_source"]);
        AddCorruptFiles(labels);
        return _dataset;
    }

    private GeneratedFile Add(FaceLabels labels, byte[] bytes, string? defect, string? detail, string extension = "jpg", string related = "")
    {
        var file = new GeneratedFile(_names.Next(labels, extension), bytes);
        _dataset.Files.Add(file);
        _dataset.NamedLabels.Add(labels);
        if (defect is not null)
        {
            _dataset.Defects.Add(new PlantedDefect(file.Name, defect, related, detail ?? string.Empty));
        }

        return file;
    }

    private GeneratedFile AddMalformed(FaceLabels labels, byte[] bytes, int variant)
    {
        string stamp = _names.NextTimestamp();
        (string name, string detail) = variant switch
        {
            0 => ($"{labels.Age}_{labels.Gender}_{stamp}.jpg.chip.jpg", "race field missing (3 fields instead of 4)"),
            1 => ($"{labels.Age}_{labels.Gender}_{stamp}.jpg.chip.jpg", "race field missing (3 fields instead of 4)"),
            2 => ($"unknown_{labels.Gender}_{labels.Race}_{stamp}.jpg.chip.jpg", "age is not a number"),
            _ => ($"{labels.Age / 10}O_{labels.Gender}_{labels.Race}_{stamp}.jpg.chip.jpg", "age is not a number (letter O typed for zero)"),
        };
        var file = new GeneratedFile(name, bytes);
        _dataset.Files.Add(file);
        _dataset.Defects.Add(new PlantedDefect(name, "malformed_name", string.Empty, detail));
        return file;
    }

    private void AddExactDuplicates(List<(GeneratedFile File, FaceLabels Labels)> sources)
    {
        for (int k = 0; k < sources.Count; k++)
        {
            (GeneratedFile source, FaceLabels l) = sources[k];
            int otherAge = l.Age < 30 ? l.Age + 35 : l.Age - 20;
            (FaceLabels copy, string conflict) = k switch
            {
                2 => (l with { Age = otherAge }, $"age {otherAge} here, {l.Age} in related"),
                3 => (l with { Gender = 1 - l.Gender }, $"gender {1 - l.Gender} here, {l.Gender} in related"),
                4 => (l with { Age = otherAge, Gender = 1 - l.Gender }, $"age {otherAge} / gender {1 - l.Gender} here, {l.Age} / {l.Gender} in related"),
                _ => (l, string.Empty),
            };
            GeneratedFile file = Add(copy, (byte[])source.Bytes.Clone(), "exact_duplicate", "byte-identical copy", related: source.Name);
            if (conflict.Length > 0)
            {
                _dataset.Defects.Add(new PlantedDefect(file.Name, "label_conflict", source.Name, conflict));
            }
        }
    }

    private void AddLosslessDuplicates(List<(GeneratedFile File, FaceLabels Labels)> sources)
    {
        foreach ((GeneratedFile source, FaceLabels labels) in sources)
        {
            byte[] png = Codec.Png(Codec.DecodeWithLibJpegTurbo(source.Bytes));
            Add(labels, png, "lossless_duplicate", "PNG of the decoded JPEG pixels: same pixels, different bytes", "png", source.Name);
        }
    }

    private void AddNearDuplicates(List<(GeneratedFile File, FaceLabels Labels)> sources)
    {
        for (int k = 0; k < sources.Count; k++)
        {
            (GeneratedFile source, FaceLabels labels) = sources[k];
            Canvas pixels = Codec.Decode(source.Bytes);
            (Canvas variant, int quality, string detail) = k switch
            {
                0 => (ImageOps.CropResize(pixels, 8, 8, Size - 16, Size - 16, Size, Size), Quality, "4% border cropped, resized back to 200×200"),
                1 => (ImageOps.Brighten(pixels, 1.1), Quality, "brightened 10%"),
                2 => (ImageOps.CropResize(ImageOps.CropResize(pixels, 0, 0, Size, Size, 170, 170), 0, 0, 170, 170, Size, Size), Quality, "downscaled to 170×170 and back up"),
                3 => (ImageOps.CropResize(pixels, 3, 2, Size - 3, Size - 2, Size, Size), 85, "shifted 3 px / 2 px and rescaled, quality 85"),
                _ => (ImageOps.Brighten(ImageOps.CropResize(pixels, 6, 0, Size - 6, Size - 6, Size, Size), 0.93), 80, "cropped 6 px, darkened 7%, quality 80"),
            };
            Add(labels, Codec.Jpeg(variant, quality), "near_duplicate", detail, related: source.Name);
        }
    }

    private void AddCorruptFiles(FaceLabels[] labels)
    {
        FaceLabels truncatedLabels = labels[_defectRng.Next(0, labels.Length)];
        FaceSpec spec = FaceSpecFactory.Create(truncatedLabels, new SeededRandom(SeededRandom.Derive(MasterSeed, 900)));
        byte[] full = Codec.Jpeg(FaceRenderer.Render(spec, Size, Size), Quality);
        Add(truncatedLabels, full[..(full.Length / 2)], "truncated", $"valid JPEG cut after {full.Length / 2} of {full.Length} bytes (no EOI marker)");

        var junk = new byte[6144];
        for (int i = 0; i < junk.Length; i++)
        {
            junk[i] = (byte)_defectRng.NextUInt64();
        }

        Add(labels[_defectRng.Next(0, labels.Length)], junk, "not_an_image", "6144 random bytes with a .jpg name");
    }
}
