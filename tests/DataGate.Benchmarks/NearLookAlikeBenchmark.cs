using System.Diagnostics;
using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Duplicates;
using DataGate.Core.Hashing;

namespace DataGate.Benchmarks;

/// <summary>
/// The worst case of the near-duplicate search: n distinct images whose pHashes (and mirrored pHashes) all lie within
/// a few bits of one another, so every image is a candidate of every other one (n²/2 pairs within the radius), and the
/// confirmation rejects them all (independent thumbnails). The search must stay O(n · max_candidates).
/// Usage: <c>nearlookalike [n=20000] [threads=2]</c>.
/// </summary>
internal sealed class NearLookAlikeBenchmark : IBenchmark
{
    public string Name => "nearlookalike";

    public string Description => "near-duplicate search (default settings) on n look-alike images all within pHash 4 of one another [n] [threads]";

    public void Run(string[] args, TextWriter output)
    {
        int n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        var rng = new Random(7);
        ulong basePHash = (ulong)rng.NextInt64();
        var records = new List<ImageRecord>(n);
        for (int i = 0; i < n; i++)
        {
            var r = new ImageRecord($"img{i:D7}.jpg");
            r.TextSlots[TextColumns.PixelHash] = $"p{i}";
            r.HashSlots[TextColumns.PHash] = basePHash ^ (1UL << rng.Next(64)) ^ (1UL << rng.Next(64));
            r.HashSlots[HashKeys.PHashMirror] = ~basePHash ^ (1UL << rng.Next(64));
            r.HashSlots[TextColumns.DHash] = (ulong)rng.NextInt64();
            r.HashSlots[HashKeys.DHashMirror] = (ulong)rng.NextInt64();
            var thumb = new byte[PerceptualHash.ThumbnailSide * PerceptualHash.ThumbnailSide];
            rng.NextBytes(thumb);
            r.Thumbnail = thumb;
            records.Add(r);
        }

        output.WriteLine($"{n:N0} look-alike images: every pHash within 4 bits of every other ({(long)n * (n - 1) / 2:N0} pairs within the radius), threads {threads}");
        foreach (var (label, near) in new[]
        {
            ("default (max_candidates 64)", new DuplicatePolicy()),
            ("max_candidates 256", new DuplicatePolicy { MaxCandidates = 256 }),
            ("confirm off, max_candidates 64", new DuplicatePolicy { Confirm = NearConfirm.Off }),
        })
        {
            var settings = new DuplicateSettings { Near = near };
            GC.Collect();
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var report = DuplicateFinder.Find(records, settings, null, threads);
            sw.Stop();
            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: {sw.Elapsed.TotalSeconds:F2} s wall, {cpuMs / 1000:F2} s CPU ({cpuMs * 1000 / n:F1} µs CPU/image), candidates {report.NearCandidatePairs:N0}, unconfirmed {report.NearUnconfirmedPairs:N0}, capped images {report.NearCappedImages.Count:N0}, near groups {report.Groups.Count}, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB"));
        }
    }
}
