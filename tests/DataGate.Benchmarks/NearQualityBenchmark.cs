using System.Diagnostics;
using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Duplicates;
using DataGate.Core.Hashing;

namespace DataGate.Benchmarks;

/// <summary>
/// Precision and recall of near-duplicate detection on generated look-alike faces with planted copies (resized,
/// JPEG q20, mirrored, 90 % crop, colour shift), per confirmation setting; the evidence of true and false candidate
/// pairs; and the cost per image of confirmation and mirror matching.
/// Usage: <c>nearquality [distinct=5000] [originals-with-copies=1000] [threads=2]</c>.
/// </summary>
internal sealed class NearQualityBenchmark : IBenchmark
{
    public string Name => "nearquality";

    public string Description => "precision/recall of near duplicates per confirmation setting on generated faces with planted copies [distinct] [with-copies] [threads]";

    public void Run(string[] args, TextWriter output)
    {
        int distinct = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        int withCopies = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        int threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        var sw = Stopwatch.StartNew();
        var measurer = new ImageMeasurer(selection: MetricSelection.Of("hashes"));
        var records = new ImageRecord[distinct + (withCopies * SyntheticFaces.VariantKinds.Length)];
        var family = new int[records.Length];
        var kind = new string[records.Length];
        Parallel.For(0, distinct, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            using var face = SyntheticFaces.Face(i + 1);
            records[i] = measurer.MeasureEncoded(SyntheticFaces.Jpeg(face, 90), $"d/{i:D6}.jpg");
            family[i] = i;
            kind[i] = "original";
            if (i < withCopies)
            {
                for (int k = 0; k < SyntheticFaces.VariantKinds.Length; k++)
                {
                    int slot = distinct + (i * SyntheticFaces.VariantKinds.Length) + k;
                    using var copy = SyntheticFaces.Variant(face, SyntheticFaces.VariantKinds[k], (i * 31) + k, out int quality);
                    records[slot] = measurer.MeasureEncoded(SyntheticFaces.Jpeg(copy, quality), $"c/{i:D6}_{SyntheticFaces.VariantKinds[k]}.jpg");
                    family[slot] = i;
                    kind[slot] = SyntheticFaces.VariantKinds[k];
                }
            }
        });
        output.WriteLine($"{distinct} distinct generated faces (200x200 JPEG q90), {withCopies} of them with one copy of each kind ({string.Join(", ", SyntheticFaces.VariantKinds)}): {records.Length} images, generated and measured in {sw.Elapsed.TotalSeconds:F1} s, threads {threads}");

        // Paths sort the same way DuplicateFinder orders items, so indices map back by path.
        var byPath = Enumerable.Range(0, records.Length).ToDictionary(i => records[i].Path, StringComparer.Ordinal);
        MirrorExactness(records, output);
        Evidence(records, family, kind, output);

        output.WriteLine();
        output.WriteLine("| method | confirm | mirror | precision (pairs) | recall (pairs) | false pairs | " + string.Join(" | ", SyntheticFaces.VariantKinds.Select(k => $"recall {k}")) + " | search ms |");
        output.WriteLine("|---|---|---|---:|---:|---:|" + string.Concat(SyntheticFaces.VariantKinds.Select(_ => "---:|")) + "---:|");
        foreach (var (label, policy) in Policies())
        {
            var settings = new DuplicateSettings { Near = policy };
            DuplicateFinder.Find(records.Take(200).ToList(), settings, null, threads); // warm-up
            var watch = Stopwatch.StartNew();
            var report = DuplicateFinder.Find(records, settings, null, threads);
            watch.Stop();
            NearScoring.Score(report, byPath, family, kind, SyntheticFaces.VariantKinds, out double precision, out double recall, out long falsePairs, out var perKind);
            output.WriteLine($"| {label} | {Describe(policy)} | {(policy.Mirror ? "on" : "off")} | {precision:P1} | {recall:P1} | {falsePairs} | " +
                string.Join(" | ", SyntheticFaces.VariantKinds.Select(k => perKind[k].ToString("P1", CultureInfo.InvariantCulture))) + $" | {watch.Elapsed.TotalMilliseconds:F0} |");
        }

        Costs(records, threads, output);
    }

    private static IEnumerable<(string Label, DuplicatePolicy Policy)> Policies()
    {
        yield return ("phash ≤ 4 (before)", new DuplicatePolicy { Confirm = NearConfirm.Off, Mirror = false });
        yield return ("phash ≤ 4", new DuplicatePolicy { Confirm = NearConfirm.Off });
        foreach (int d in new[] { 2, 5, 8, 10, 12 })
        {
            yield return ("phash ≤ 4", new DuplicatePolicy { Confirm = NearConfirm.DHash, ConfirmMaxDistance = d });
        }

        foreach (double r in new[] { 0.9, 0.95, 0.97, 0.99 })
        {
            yield return ("phash ≤ 4", new DuplicatePolicy { Confirm = NearConfirm.Correlation, ConfirmMinCorrelation = r });
        }

        yield return ("phash ≤ 4 (default)", new DuplicatePolicy());
        yield return ("phash ≤ 8", new DuplicatePolicy { MaxDistance = 8, Confirm = NearConfirm.Off });
        yield return ("phash ≤ 8", new DuplicatePolicy { MaxDistance = 8 });
        yield return ("phash ≤ 12", new DuplicatePolicy { MaxDistance = 12 });
        yield return ("dhash ≤ 2 (example)", new DuplicatePolicy { Hash = "dhash", MaxDistance = 2, Confirm = NearConfirm.Off, Mirror = false });
    }

    private static string Describe(DuplicatePolicy p) => p.Confirm switch
    {
        NearConfirm.Off => "off",
        NearConfirm.DHash => $"dhash ≤ {p.ConfirmMaxDistance}",
        NearConfirm.Correlation => $"r ≥ {p.ConfirmMinCorrelation}",
        _ => $"dhash ≤ {p.ConfirmMaxDistance} and r ≥ {p.ConfirmMinCorrelation}",
    };

    // How often the derived mirrored hashes equal the hashes computed on the mirrored pixels.
    private static void MirrorExactness(ImageRecord[] records, TextWriter output)
    {
        int n = Math.Min(2000, records.Length);
        int pEqual = 0;
        int dEqual = 0;
        int pMax = 0;
        int dMax = 0;
        for (int i = 0; i < n; i++)
        {
            using var face = SyntheticFaces.Face(i + 1);
            var px = new byte[face.Width * face.Height * 3];
            face.CopyPixelDataTo(px);
            var mirrored = new byte[px.Length];
            for (int y = 0; y < face.Height; y++)
            {
                for (int x = 0; x < face.Width; x++)
                {
                    px.AsSpan(((y * face.Width) + x) * 3, 3).CopyTo(mirrored.AsSpan(((y * face.Width) + (face.Width - 1 - x)) * 3, 3));
                }
            }

            var h = PerceptualHash.Compute(new Core.Imaging.RgbImage(face.Width, face.Height, px));
            var m = PerceptualHash.Compute(new Core.Imaging.RgbImage(face.Width, face.Height, mirrored));
            int dp = HashFormat.HammingDistance(h.PHashMirror64, m.PHash64);
            int dd = HashFormat.HammingDistance(h.DHashMirror64, m.DHash64);
            pEqual += dp == 0 ? 1 : 0;
            dEqual += dd == 0 ? 1 : 0;
            pMax = Math.Max(pMax, dp);
            dMax = Math.Max(dMax, dd);
        }

        output.WriteLine($"derived mirrored hashes vs hashes of the mirrored pixels ({n} images): pHash equal in {pEqual} (max distance {pMax}), dHash equal in {dEqual} (max distance {dMax})");
    }

    // Evidence of every candidate within pHash 4 (direct and mirrored), split into true and false pairs.
    private static void Evidence(ImageRecord[] records, int[] family, string[] kind, TextWriter output)
    {
        var sorted = Enumerable.Range(0, records.Length).OrderBy(i => records[i].Path, StringComparer.Ordinal).ToArray();
        var items = sorted.Select(i => records[i]).ToList();
        var search = NearDuplicateSearch.Find(items, new DuplicatePolicy { Confirm = NearConfirm.Off, MaxCandidates = 100_000 }, 2, CancellationToken.None);
        var truth = new List<(int D, double R, bool M)>();
        var falses = new List<(int D, double R, bool M)>();
        for (int k = 0; k < search.Links.Count; k++)
        {
            var p = search.Links[k];
            var e = search.Evidence[k];
            bool same = family[sorted[p.First]] == family[sorted[p.Second]];
            (same ? truth : falses).Add((e.DHashDistance, e.Correlation, e.Mirrored));
        }

        output.WriteLine($"candidates within phash 4 (direct + mirrored): {search.Links.Count} ({truth.Count} true, {falses.Count} false)");
        Describe("true ", truth, output);
        Describe("false", falses, output);
    }

    private static void Describe(string label, List<(int D, double R, bool M)> pairs, TextWriter output)
    {
        if (pairs.Count == 0)
        {
            output.WriteLine($"  {label}: none");
            return;
        }

        var d = pairs.Select(p => p.D).Order().ToArray();
        var r = pairs.Select(p => p.R).Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}: dhash min/p5/median/p95/max {d[0]}/{d[d.Length / 20]}/{d[d.Length / 2]}/{d[d.Length * 19 / 20]}/{d[^1]}; r min/p5/median/p95/max {r[0]:F3}/{r[r.Length / 20]:F3}/{r[r.Length / 2]:F3}/{r[r.Length * 19 / 20]:F3}/{r[^1]:F3}; mirrored {pairs.Count(p => p.M)}"));
    }

    private static void Costs(ImageRecord[] records, int threads, TextWriter output)
    {
        var list = records.ToList();
        var bare = new DuplicateSettings { Near = new DuplicatePolicy { Confirm = NearConfirm.Off, Mirror = false } };
        var confirmOnly = new DuplicateSettings { Near = new DuplicatePolicy { Mirror = false } };
        var full = new DuplicateSettings { Near = new DuplicatePolicy() };
        // CPU time (less inflated by a loaded machine than wall time), best of 3.
        double Time(DuplicateSettings s)
        {
            DuplicateFinder.Find(list, s, null, threads);
            var best = double.MaxValue;
            for (int rep = 0; rep < 3; rep++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                DuplicateFinder.Find(list, s, null, threads);
                best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            }

            return best;
        }

        double t0 = Time(bare);
        double t1 = Time(confirmOnly);
        double t2 = Time(full);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"duplicate search over {list.Count} images, CPU time (best of 3): no confirmation, no mirror {t0:F0} ms ({t0 * 1000 / list.Count:F1} µs/image); + confirmation {t1:F0} ms ({t1 * 1000 / list.Count:F1} µs/image); + mirror {t2:F0} ms ({t2 * 1000 / list.Count:F1} µs/image)"));

        // Per-image cost of the mirrored hashes at measurement: the DCT of the mirrored 32x32 grid and the mirrored dHash.
        var thumbs = records.Where(r => r.Thumbnail is not null).Select(r => r.Thumbnail!).Take(2000).ToArray();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        int reps = 5;
        ulong sink = 0;
        for (int rep = 0; rep < reps; rep++)
        {
            foreach (var t in thumbs)
            {
                var m = PerceptualHash.Mirror(t, 32, 32);
                var low = Dct.LowFrequency2D(m, 32, 8);
                sink += (ulong)low.Length;
                var grid = PerceptualHash.Mirror(t.AsSpan(0, 72), 9, 8);
                sink += HashFormat.ToUInt64(PerceptualHash.DifferenceBits(grid, 8));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mirrored pHash + dHash at measurement: {(Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds * 1000 / (reps * thumbs.Length):F2} µs CPU/image [{sink % 2}]"));
    }
}
