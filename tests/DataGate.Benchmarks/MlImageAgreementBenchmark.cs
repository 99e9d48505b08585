using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.ML;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataGate.Benchmarks;

/// <summary>
/// How far the metrics of the MLImage route (LoadImages: SkiaSharp/libjpeg-turbo decode, BGRA32) are from the file
/// route (DataGate's ImageSharp decode) and from the Python references, over a golden folder.
/// Usage: <c>mlimage-agreement [golden folder=/work/shared/golden]</c>.
/// </summary>
internal sealed class MlImageAgreementBenchmark : IBenchmark
{
    private static readonly (string Ours, string Python)[] s_referenced =
    [
        ("color_variance", "pixel_var_rgb"), ("unique_colors", "unique_colors"), ("entropy", "shannon_entropy"),
        ("laplacian_variance", "laplacian_var"), ("luminance_mean", "mean_luma601"), ("fft_blur", "fft_blur"), ("brisque", "brisque"),
    ];

    private static readonly string[] s_hashes = [TextColumns.AHash, TextColumns.PHash, TextColumns.DHash, TextColumns.WHash, TextColumns.ColorHash];

    public string Name => "mlimage-agreement";

    public string Description => "MLImage (SkiaSharp) vs file (ImageSharp) metrics and vs the Python references on a golden folder";

    public void Run(string[] args, TextWriter output)
    {
        string golden = args.Length > 0 ? args[0] : "/work/shared/golden";
        var reference = ReadCsv(Path.Combine(golden, "reference", "metrics.csv"))
            .Where(r => r["error"].Length == 0 && (r["path"].EndsWith(".jpg", StringComparison.Ordinal) || r["path"].EndsWith(".png", StringComparison.Ordinal)))
            .ToList();
        var rows = reference.Select(r => new PathRow { ImagePath = r["path"] }).ToList();
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows);
        string images = Path.Combine(golden, "images");
        var byFile = Read(ml.Transforms.DataGate().ComputeImageMetrics(imageFolder: images, metrics: "all").Fit(data).Transform(data));
        var pipeline = ml.Transforms.LoadImages("Image", images, nameof(PathRow.ImagePath))
            .Append(ml.Transforms.DataGate().ComputeImageMetrics(inputColumnName: "Image", metrics: "all", nameColumnName: nameof(PathRow.ImagePath)));
        var byImage = Read(pipeline.Fit(data).Transform(data));

        foreach (var kind in new[] { "png", "jpg" })
        {
            var idx = Enumerable.Range(0, rows.Count).Where(i => rows[i].ImagePath.EndsWith("." + kind, StringComparison.Ordinal)
                && byFile[i].Record.IsAnalysed && byImage[i].Record.IsAnalysed).ToList();
            output.WriteLine($"## {kind.ToUpperInvariant()}: {idx.Count} images measured by both routes");
            output.WriteLine("| metric | max abs diff MLImage vs file | max rel diff | MLImage vs Python max rel | file vs Python max rel |");
            output.WriteLine("|---|---|---|---|---|");
            foreach (var metric in MetricCatalog.All.Where(m => m.Family is MetricFamilies.Quality or MetricFamilies.Brisque))
            {
                double abs = 0, rel = 0, relPyImage = double.NaN, relPyFile = double.NaN;
                string? python = s_referenced.FirstOrDefault(p => p.Ours == metric.Name).Python;
                foreach (int i in idx)
                {
                    double a = byFile[i].Record[metric], b = byImage[i].Record[metric];
                    if (double.IsFinite(a) && double.IsFinite(b))
                    {
                        abs = Math.Max(abs, Math.Abs(a - b));
                        rel = Math.Max(rel, Math.Abs(a - b) / Math.Max(Math.Abs(a), 1e-9));
                    }

                    if (python is not null && double.TryParse(reference[i][python], CultureInfo.InvariantCulture, out double p) && double.IsFinite(p))
                    {
                        relPyImage = Max(relPyImage, Math.Abs(b - p) / Math.Max(Math.Abs(p), 1e-9));
                        relPyFile = Max(relPyFile, Math.Abs(a - p) / Math.Max(Math.Abs(p), 1e-9));
                    }
                }

                output.WriteLine($"| {metric.Name} | {abs:G4} | {rel:G4} | {(python is null ? "–" : relPyImage.ToString("G4", CultureInfo.InvariantCulture))} | {(python is null ? "–" : relPyFile.ToString("G4", CultureInfo.InvariantCulture))} |");
            }

            output.WriteLine();
            output.WriteLine("| hash | MLImage = file | MLImage = imagehash | file = imagehash |");
            output.WriteLine("|---|---|---|---|");
            foreach (var hash in s_hashes)
            {
                int same = idx.Count(i => byFile[i].Record.Texts.GetValueOrDefault(hash) == byImage[i].Record.Texts.GetValueOrDefault(hash));
                int imagePy = idx.Count(i => byImage[i].Record.Texts.GetValueOrDefault(hash) == reference[i][hash]);
                int filePy = idx.Count(i => byFile[i].Record.Texts.GetValueOrDefault(hash) == reference[i][hash]);
                output.WriteLine($"| {hash} | {same}/{idx.Count} | {imagePy}/{idx.Count} | {filePy}/{idx.Count} |");
            }

            var differing = idx.Where(i => byFile[i].Record.Texts.GetValueOrDefault(TextColumns.PHash) != byImage[i].Record.Texts.GetValueOrDefault(TextColumns.PHash)
                || byFile[i].Record[MetricCatalog.LuminanceMean] != byImage[i].Record[MetricCatalog.LuminanceMean]).Select(i => rows[i].ImagePath).ToList();
            output.WriteLine($"images whose phash or luminance_mean differ between the routes: {differing.Count}");
            foreach (var path in differing.Take(12))
            {
                output.WriteLine($"  {path}");
            }

            output.WriteLine();
        }

        var errors = Enumerable.Range(0, rows.Count).Where(i => byFile[i].Record.IsAnalysed != byImage[i].Record.IsAnalysed).ToList();
        output.WriteLine($"measured by one route only: {errors.Count}" + string.Concat(errors.Select(i => $"\n  {rows[i].ImagePath}: file {byFile[i].Record.Error?.Code ?? "ok"}, MLImage {byImage[i].Record.Error?.Code ?? "ok"}")));
    }

    private static double Max(double a, double b) => double.IsNaN(a) ? b : Math.Max(a, b);

    private static List<(ImageRecord Record, string Error)> Read(IDataView view)
    {
        var list = new List<(ImageRecord, string)>();
        using var cursor = view.GetRowCursor(view.Schema);
        var record = cursor.GetGetter<ImageRecord>(view.Schema[DataGateColumns.Record]);
        var error = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema[DataGateColumns.Error]);
        while (cursor.MoveNext())
        {
            ImageRecord r = null!;
            ReadOnlyMemory<char> e = default;
            record(ref r);
            error(ref e);
            list.Add((r, e.ToString()));
        }

        return list;
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        // The reference CSV has no quoted commas in the columns read here (hex hashes, numbers, plain paths).
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).Where(f => f.Length == header.Length)
            .Select(f => header.Zip(f).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private sealed class PathRow
    {
        public string ImagePath { get; set; } = string.Empty;
    }
}
