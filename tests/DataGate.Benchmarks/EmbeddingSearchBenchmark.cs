using System.Diagnostics;
using System.Globalization;
using DataGate.Core.Embeddings;

namespace DataGate.Benchmarks;

/// <summary>
/// The embedding neighbour search on n 512-d unit vectors (time, memory, recall): clustered like real embeddings
/// (1,000 "subjects", unrelated vectors of one subject at cosine ≈ 0.3–0.55, so the index has look-alikes to wade
/// through) with 1 % planted near copies at cosine ≈ 0.97–0.99. The approximate (inverted-file) search runs on all n;
/// the exact one on the first <c>exact-n</c> (O(n²)), where both are compared pair for pair.
/// Usage: <c>embeddingsearch [n=100000] [threads=2] [exact-n=20000] [min-similarity=0.95]</c>.
/// </summary>
internal sealed class EmbeddingSearchBenchmark : IBenchmark
{
    public string Name => "embeddingsearch";

    public string Description => "embedding cosine search: approximate (IVF) on n vectors vs exact on a prefix; time, memory, recall [n] [threads] [exact-n] [min-similarity]";

    public void Run(string[] args, TextWriter output)
    {
        int n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        int exactN = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
        float min = args.Length > 3 ? float.Parse(args[3], CultureInfo.InvariantCulture) : 0.95f;
        const int d = ImageEmbedder.Dimensions;
        output.WriteLine($"load average at start: {NearEmbeddingBenchmark.LoadAverage()}");

        var random = new Random(13);
        var subjects = Enumerable.Range(0, 1000).Select(_ => Gaussian(random, d)).ToArray();
        var vectors = new float[]?[n];
        var planted = new HashSet<(int, int)>();
        for (int i = 0; i < n; i++)
        {
            if (i % 100 == 99)
            {
                // A near copy of the previous vector.
                vectors[i] = Mix(vectors[i - 1]!, Gaussian(random, d), 0.15f + (0.1f * (float)random.NextDouble()));
                planted.Add((i - 1, i));
            }
            else
            {
                vectors[i] = Mix(subjects[random.Next(subjects.Length)], Gaussian(random, d), 0.9f + (0.5f * (float)random.NextDouble()));
            }
        }

        output.WriteLine($"{n:N0} vectors of {d} floats ({(long)n * d * 4 / (1 << 20)} MiB), {planted.Count:N0} planted near copies; threshold cosine ≥ {min.ToString(CultureInfo.InvariantCulture)}; threads {threads}");

        var approximate = Timed(() => EmbeddingNeighbours.Find(vectors, d, min, approximate: true, threads, default), out var approxTime);
        var found = approximate.Pairs.Select(p => (p.First, p.Second)).ToHashSet();
        int plantedFound = planted.Count(found.Contains);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"approximate (IVF, {EmbeddingNeighbours.Probes} probes of ≈√n cells), n = {n:N0}: {approxTime.Wall.TotalSeconds:F1} s wall, {approxTime.Cpu.TotalSeconds:F1} s CPU, {approxTime.AllocatedMiB:F0} MiB allocated, peak working set {approxTime.PeakMiB:F0} MiB; {approximate.Comparisons:N0} dot products ({(double)approximate.Comparisons / ((double)n * (n - 1) / 2):P2} of all pairs); {approximate.Pairs.Count:N0} pairs, planted found {plantedFound:N0} / {planted.Count:N0}"));

        // Exact vs approximate on a prefix small enough for the O(n²) search.
        int m = Math.Min(exactN, n);
        var prefix = vectors.Take(m).ToArray();
        var exact = Timed(() => EmbeddingNeighbours.Find(prefix, d, min, approximate: false, threads, default), out var exactTime);
        var approxPrefix = Timed(() => EmbeddingNeighbours.Find(prefix, d, min, approximate: true, threads, default), out var approxPrefixTime);
        var exactSet = exact.Pairs.Select(p => (p.First, p.Second)).ToHashSet();
        var approxSet = approxPrefix.Pairs.Select(p => (p.First, p.Second)).ToHashSet();
        int common = exactSet.Count(approxSet.Contains);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exact, n = {m:N0}: {exactTime.Wall.TotalSeconds:F1} s wall, {exactTime.Cpu.TotalSeconds:F1} s CPU, {exactTime.AllocatedMiB:F0} MiB allocated; {exact.Comparisons:N0} dot products ({exact.Comparisons / Math.Max(1e-9, exactTime.Cpu.TotalSeconds) / 1e6:F0} M/s of CPU); {exact.Pairs.Count:N0} pairs"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"approximate, n = {m:N0}: {approxPrefixTime.Wall.TotalSeconds:F1} s wall, {approxPrefixTime.Cpu.TotalSeconds:F1} s CPU; {approxPrefix.Pairs.Count:N0} pairs; recall against exact {(exactSet.Count == 0 ? 1 : (double)common / exactSet.Count):P2} ({common:N0} / {exactSet.Count:N0}), pairs not in exact {approxSet.Count - common}"));
        output.WriteLine($"load average at the end: {NearEmbeddingBenchmark.LoadAverage()}");
    }

    private static T Timed<T>(Func<T> run, out (TimeSpan Wall, TimeSpan Cpu, double AllocatedMiB, double PeakMiB) cost)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        var result = run();
        wall.Stop();
        process.Refresh();
        cost = (wall.Elapsed, process.TotalProcessorTime - cpu, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024), process.PeakWorkingSet64 / (1024.0 * 1024));
        return result;
    }

    private static float[] Mix(float[] a, float[] noise, float weight)
    {
        var v = new float[a.Length];
        for (int e = 0; e < v.Length; e++)
        {
            v[e] = a[e] + (weight * noise[e]);
        }

        ImageEmbedder.Normalize(v);
        return v;
    }

    private static float[] Gaussian(Random random, int d)
    {
        var v = new float[d];
        for (int e = 0; e < d; e++)
        {
            v[e] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        ImageEmbedder.Normalize(v);
        return v;
    }
}
