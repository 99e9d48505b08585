using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Duplicates;
using DataGate.Core.Embeddings;

namespace DataGate.Benchmarks;

/// <summary>
/// Issue 13 part 3: hashes against the ResNet18 embedding on edited copies (crops 80–95 %, colour jitter, JPEG q20,
/// mirror, small rotations) of generated faces. Prints the similarity of true and false pairs, recall per edit at a
/// fixed false-pair rate (pair level, every pair scored), the product's group-level precision/recall per method, and
/// the embedding's CPU cost per image.
/// Usage: <c>nearembedding [distinct=500] [threads=2] [model=-] [copied=distinct]</c>: <c>distinct</c> generated faces, the
/// first <c>copied</c> of them with one copy per edit (<c>-</c>: the bundled DnnImageModels/ResNet18Onnx/ResNet18.onnx).
/// </summary>
internal sealed class NearEmbeddingBenchmark : IBenchmark
{
    public string Name => "nearembedding";

    public string Description => "hashes vs ResNet18 embeddings on edited copies: pair similarities, recall at a fixed false-pair rate, cost [distinct] [threads] [model|-] [copied]";

    public void Run(string[] args, TextWriter output)
    {
        int distinct = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        string model = args.Length > 2 && args[2] != "-" ? args[2] : BundledModels.ResNet18;
        string prep = Path.Combine(Path.GetDirectoryName(model)!, "..", "ResNetPrepOnnx", "ResNetPreprocess.onnx");
        int copied = args.Length > 3 ? Math.Min(distinct, int.Parse(args[3], CultureInfo.InvariantCulture)) : distinct;
        using var embedder = ImageEmbedder.Load(model, prep, out var error) ?? throw new InvalidOperationException(error);
        output.WriteLine($"load average at start: {LoadAverage()}");

        var kinds = SyntheticFaces.EditKinds;
        int total = distinct + (copied * kinds.Length);
        var records = new ImageRecord[total];
        var family = new int[total];
        var kind = new string[total];
        var measurer = new ImageMeasurer(selection: MetricSelection.Of("hashes")) { Embedder = embedder };
        var wall = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        // The measured records are kept between runs of the same size (the embedding is the slow part).
        string saved = Path.Combine(Path.GetTempPath(), $"dg-nearembedding-{distinct}{(copied < distinct ? $"-{copied}" : string.Empty)}-{string.Join("-", kinds)}.bin");
        if (File.Exists(saved))
        {
            using var r = new BinaryReader(File.OpenRead(saved));
            for (int i = 0; i < total; i++)
            {
                string path = r.ReadString();
                family[i] = r.ReadInt32();
                kind[i] = r.ReadString();
                records[i] = DataGate.Core.Caching.RecordCodec.Decode(path, r.ReadBytes(r.ReadInt32()));
            }

            output.WriteLine($"{total} records read from {saved} (delete it to measure again)");
        }
        else
        {
        Parallel.For(0, distinct, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            using var face = SyntheticFaces.Face(i + 1);
            records[i] = measurer.MeasureEncoded(SyntheticFaces.Jpeg(face, 90), $"d/{i:D6}.jpg");
            family[i] = i;
            kind[i] = "original";
            for (int k = 0; i < copied && k < kinds.Length; k++)
            {
                int slot = distinct + (i * kinds.Length) + k;
                using var copy = SyntheticFaces.Variant(face, kinds[k], (i * 31) + k, out int quality);
                records[slot] = measurer.MeasureEncoded(SyntheticFaces.Jpeg(copy, quality), $"c/{i:D6}_{kinds[k]}.jpg");
                family[slot] = i;
                kind[slot] = kinds[k];
            }
        });
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{distinct} distinct generated faces (200x200 JPEG q90), {copied} of them with one copy each of {string.Join(", ", kinds)}: {total} images generated, hashed and embedded in {wall.Elapsed.TotalSeconds:F1} s wall, {cpuMs / total:F1} ms CPU/image all in, threads {threads}; load average now {LoadAverage()}"));
        Cost(embedder, records.Length, output);
        using (var w = new BinaryWriter(File.Create(saved)))
        {
            for (int i = 0; i < total; i++)
            {
                w.Write(records[i].Path);
                w.Write(family[i]);
                w.Write(kind[i]);
                var payload = DataGate.Core.Caching.RecordCodec.Encode(records[i]);
                w.Write(payload.Length);
                w.Write(payload);
            }
        }
        }

        var vectors = records.Select(r => r.Embedding ?? throw new InvalidOperationException($"{r.Path}: no embedding {r.Error?.Message}")).ToArray();
        var phash = records.Select(r => r.HashBits["phash"]).ToArray();
        var phashMirror = records.Select(r => r.HashBits["phash_mirror"]).ToArray();

        // Every pair, scored: cosine, and the pHash distance (direct, and the smaller of direct and mirrored).
        var trueCos = kinds.ToDictionary(k => k, _ => new List<float>());
        var truePh = kinds.ToDictionary(k => k, _ => new List<int>());
        var truePhM = kinds.ToDictionary(k => k, _ => new List<int>());
        var falseCos = new List<float>();
        var falsePh = new int[65];
        var falsePhM = new int[65];
        long falseCount = 0;
        for (int i = 0; i < total; i++)
        {
            for (int j = i + 1; j < total; j++)
            {
                float c = Dot(vectors[i], vectors[j]);
                int d = BitOperations.PopCount(phash[i] ^ phash[j]);
                int dm = Math.Min(d, Math.Min(BitOperations.PopCount(phashMirror[i] ^ phash[j]), BitOperations.PopCount(phash[i] ^ phashMirror[j])));
                if (family[i] == family[j])
                {
                    // Original-copy pairs score the edit; copy-copy pairs are left out of both sides.
                    string? k = kind[i] == "original" ? kind[j] : kind[j] == "original" ? kind[i] : null;
                    if (k is not null)
                    {
                        trueCos[k].Add(c);
                        truePh[k].Add(d);
                        truePhM[k].Add(dm);
                    }
                }
                else
                {
                    falseCount++;
                    falsePh[d]++;
                    falsePhM[dm]++;
                    if (c >= 0.6f)
                    {
                        falseCos.Add(c);
                    }
                }
            }
        }

        output.WriteLine();
        output.WriteLine($"{falseCount:N0} unrelated pairs; cosine of the unrelated pairs above 0.6: {falseCos.Count:N0}, the largest {string.Join(", ", falseCos.OrderDescending().Take(5).Select(F))}");
        output.WriteLine();
        output.WriteLine("| edit | cosine min / p5 / median | pHash min / median / max | pHash (mirror-aware) min / median / max |");
        output.WriteLine("|---|---|---|---|");
        foreach (var k in kinds)
        {
            var c = trueCos[k].Order().ToArray();
            var d = truePh[k].Order().ToArray();
            var dm = truePhM[k].Order().ToArray();
            output.WriteLine($"| {k} | {F(c[0])} / {F(c[c.Length / 20])} / {F(c[c.Length / 2])} | {d[0]} / {d[d.Length / 2]} / {d[^1]} | {dm[0]} / {dm[dm.Length / 2]} / {dm[^1]} |");
        }

        // The same with the embeddings centred on the dataset mean (the common "aligned face" direction removed).
        var mean = new float[ImageEmbedder.Dimensions];
        foreach (var v in vectors)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(mean, v, mean);
        }

        System.Numerics.Tensors.TensorPrimitives.Divide(mean, total, mean);
        var centred = vectors.Select(v =>
        {
            var c = new float[v.Length];
            System.Numerics.Tensors.TensorPrimitives.Subtract(v, mean, c);
            ImageEmbedder.Normalize(c);
            return c;
        }).ToArray();
        var trueCentred = kinds.ToDictionary(k => k, _ => new List<float>());
        var falseCentred = new List<float>();
        for (int i = 0; i < total; i++)
        {
            for (int j = i + 1; j < total; j++)
            {
                float c = Dot(centred[i], centred[j]);
                if (family[i] == family[j])
                {
                    string? k = kind[i] == "original" ? kind[j] : kind[j] == "original" ? kind[i] : null;
                    if (k is not null)
                    {
                        trueCentred[k].Add(c);
                    }
                }
                else if (c >= 0.2f)
                {
                    falseCentred.Add(c);
                }
            }
        }

        output.WriteLine();
        output.WriteLine($"centred on the dataset mean: unrelated pairs above 0.2: {falseCentred.Count:N0}, the largest {string.Join(", ", falseCentred.OrderDescending().Take(5).Select(F))}");
        output.WriteLine("| edit | centred cosine min / p5 / median |");
        output.WriteLine("|---|---|");
        foreach (var k in kinds)
        {
            var c = trueCentred[k].Order().ToArray();
            output.WriteLine($"| {k} | {F(c[0])} / {F(c[c.Length / 20])} / {F(c[c.Length / 2])} |");
        }

        {
            long budget = (long)Math.Floor(1e-6 * falseCount);
            var sortedFalse = falseCentred.OrderDescending().ToArray();
            float t = budget < sortedFalse.Length ? NextUp(sortedFalse[budget]) : 0.2f;
            output.WriteLine($"centred, false-pair rate ≤ 1e-6: cosine ≥ {F(t)}");
            Row(string.Create(CultureInfo.InvariantCulture, $"centred embedding cosine ≥ {F(t)}"), k => trueCentred[k].Count(x => x >= t), output, kinds, trueCentred);
        }

        // Recall per edit at a fixed false-pair rate: the loosest threshold of each score whose false pairs stay at or
        // under the budget.
        output.WriteLine();
        foreach (double rate in new[] { 1e-6, 1e-5, 1e-4 })
        {
            long budget = (long)Math.Floor(rate * falseCount);
            var sortedFalse = falseCos.OrderDescending().ToArray();
            float cosThreshold = budget < sortedFalse.Length ? NextUp(sortedFalse[budget]) : 0.6f;
            int phRadius = Radius(falsePh, budget);
            int phmRadius = Radius(falsePhM, budget);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"false-pair rate ≤ {rate:0e0} (≤ {budget} of {falseCount:N0} unrelated pairs): pHash ≤ {phRadius}, pHash mirror-aware ≤ {phmRadius}, cosine ≥ {F(cosThreshold)}"));
            output.WriteLine("| method | " + string.Join(" | ", kinds) + " | all edits |");
            output.WriteLine("|---|" + string.Concat(kinds.Select(_ => "---:|")) + "---:|");
            Row($"pHash ≤ {phRadius}", k => truePh[k].Count(x => x <= phRadius), output, kinds, trueCos);
            Row($"pHash mirror-aware ≤ {phmRadius}", k => truePhM[k].Count(x => x <= phmRadius), output, kinds, trueCos);
            Row(string.Create(CultureInfo.InvariantCulture, $"embedding cosine ≥ {F(cosThreshold)}"), k => trueCos[k].Count(x => x >= cosThreshold), output, kinds, trueCos);
            output.WriteLine();
        }

        // The product's pipeline (groups, keep, evidence), group-level scoring as in nearquality.
        var byPath = Enumerable.Range(0, total).ToDictionary(i => records[i].Path, StringComparer.Ordinal);
        output.WriteLine("| method (DuplicateFinder) | precision (pairs in groups) | recall | false pairs | " + string.Join(" | ", kinds) + " | search ms |");
        output.WriteLine("|---|---:|---:|---:|" + string.Concat(kinds.Select(_ => "---:|")) + "---:|");
        var policies = new List<(string, DuplicatePolicy)>
        {
            ("pHash ≤ 4, confirmed, mirror (default)", new DuplicatePolicy()),
            ("pHash ≤ 4, no confirmation, no mirror", new DuplicatePolicy { Confirm = NearConfirm.Off, Mirror = false }),
            ("pHash ≤ 8, no confirmation, mirror", new DuplicatePolicy { Confirm = NearConfirm.Off, MaxDistance = 8 }),
        };
        foreach (double t in new[] { 0.90, 0.93, 0.95, 0.96, 0.965, 0.97 })
        {
            policies.Add((string.Create(CultureInfo.InvariantCulture, $"embedding ≥ {t:0.00#}"), new DuplicatePolicy { Method = NearMethod.Embedding, MinSimilarity = t, Search = EmbeddingSearch.Exact }));
        }

        policies.Add(("embedding ≥ 0.95, approximate", new DuplicatePolicy { Method = NearMethod.Embedding, MinSimilarity = 0.95, Search = EmbeddingSearch.Approximate }));
        policies.Add(("both: default hashes + embedding ≥ 0.95", new DuplicatePolicy { Method = NearMethod.Both, MinSimilarity = 0.95, Search = EmbeddingSearch.Exact }));
        foreach (double t in new[] { 0.96, 0.965, 0.97 })
        {
            policies.Add((string.Create(CultureInfo.InvariantCulture, $"both: default hashes + embedding ≥ {t:0.00#}"), new DuplicatePolicy { Method = NearMethod.Both, MinSimilarity = t, Search = EmbeddingSearch.Exact }));
        }
        foreach (var (label, policy) in policies)
        {
            var watch = Stopwatch.StartNew();
            var report = DuplicateFinder.Find(records, new DuplicateSettings { Near = policy }, null, threads);
            watch.Stop();
            NearScoring.Score(report, byPath, family, kind, kinds, out double precision, out double recall, out long falsePairs, out var perKind);
            output.WriteLine($"| {label} | {precision:P1} | {recall:P1} | {falsePairs} | " + string.Join(" | ", kinds.Select(k => perKind[k].ToString("P1", CultureInfo.InvariantCulture))) + $" | {watch.Elapsed.TotalMilliseconds:F0} |");
        }

        output.WriteLine();
        output.WriteLine($"load average at the end: {LoadAverage()}");
    }

    private static void Row(string label, Func<string, int> found, TextWriter output, string[] kinds, Dictionary<string, List<float>> trueCos)
    {
        int all = 0;
        int count = 0;
        var cells = new List<string>();
        foreach (var k in kinds)
        {
            int f = found(k);
            all += f;
            count += trueCos[k].Count;
            cells.Add(((double)f / trueCos[k].Count).ToString("P1", CultureInfo.InvariantCulture));
        }

        output.WriteLine($"| {label} | {string.Join(" | ", cells)} | {((double)all / count).ToString("P1", CultureInfo.InvariantCulture)} |");
    }

    // The largest radius whose cumulative false pairs stay within the budget (−1: none).
    private static int Radius(int[] histogram, long budget)
    {
        long sum = 0;
        for (int d = 0; d < histogram.Length; d++)
        {
            sum += histogram[d];
            if (sum > budget)
            {
                return d - 1;
            }
        }

        return 64;
    }

    private static void Cost(ImageEmbedder embedder, int count, TextWriter output)
    {
        // The embedding alone: 40 images on one thread, then on two, CPU and wall.
        var images = Enumerable.Range(0, 40).Select(i =>
        {
            using var face = SyntheticFaces.Face(100_000 + i);
            var pixels = new byte[face.Width * face.Height * 3];
            face.CopyPixelDataTo(pixels);
            return new DataGate.Core.Imaging.RgbImage(face.Width, face.Height, pixels);
        }).ToArray();
        embedder.Embed(images[0]);
        foreach (int t in new[] { 1, 2 })
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            Parallel.For(0, images.Length, new ParallelOptions { MaxDegreeOfParallelism = t }, i => embedder.Embed(images[i]));
            wall.Stop();
            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"embedding only (resize + ResNetPreprocess + ResNet18), {images.Length} images on {t} thread(s): {cpuMs / images.Length:F1} ms CPU/image, {wall.Elapsed.TotalMilliseconds / images.Length:F1} ms wall/image ({images.Length / wall.Elapsed.TotalSeconds:F1} images/s); load average {LoadAverage()}"));
        }

        _ = count;
    }

    private static float Dot(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static float NextUp(float x) => MathF.BitIncrement(x);

    private static string F(float x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
