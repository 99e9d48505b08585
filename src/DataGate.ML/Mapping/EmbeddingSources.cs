using System.Runtime.CompilerServices;
using DataGate.Core.Analysis;
using DataGate.Core.Embeddings;
using DataGate.Core.Imaging;
using Microsoft.ML.Data;

namespace DataGate.ML.Mapping;

/// <summary>
/// Where the pixels of a record measured by <c>ComputeImageMetrics</c> come from, so that <c>Gate.Fit</c> — the only
/// consumer of embeddings (<c>near: { method: embedding | both }</c>) — can compute them, and nothing else pays for
/// them: the metrics transformer never runs the CNN (25 ms CPU per image), so <c>Transform</c> of new rows and a
/// <c>PredictionEngine</c> cost what they cost without embeddings. A weak table keyed by the record: an entry lives
/// as long as its record, holds a path or a reference (no pixels), and is never written after the record is published.
/// </summary>
internal static class EmbeddingSources
{
    private static readonly ConditionalWeakTable<ImageRecord, Source> s_sources = [];

    /// <summary>A record's pixel source: the file it was decoded from, or the MLImage it was measured from (valid while the cursor is on its row).</summary>
    private sealed record Source(MetricsSettings Settings, string? File, MLImage? Image, PixelLayout Layout = PixelLayout.Rgba32);

    /// <summary>The record was measured from <paramref name="file"/> with <paramref name="settings"/>' decode options.</summary>
    public static void FromFile(ImageRecord record, MetricsSettings settings, string file)
    {
        if (record.IsAnalysed)
        {
            s_sources.AddOrUpdate(record, new Source(settings, file, null));
        }
    }

    /// <summary>The record was measured from <paramref name="image"/>'s pixels, read as <paramref name="layout"/>.</summary>
    public static void FromImage(ImageRecord record, MetricsSettings settings, MLImage image, PixelLayout layout)
    {
        if (record.IsAnalysed)
        {
            s_sources.AddOrUpdate(record, new Source(settings, null, image, layout));
        }
    }

    /// <summary>
    /// Computes embeddings for <c>Gate.Fit</c> with one loaded model. An MLImage row is embedded at once, while the
    /// cursor is still on its row (the MLImage is the upstream's buffer, reused by the next row); a file row is
    /// re-decoded later, in parallel (<see cref="Finish"/>), with the decode options that measured it, so the
    /// embedding sees the very pixels the metrics saw — what <c>datagate check</c> computes in its one pass.
    /// </summary>
    public sealed class Run
    {
        private readonly ImageEmbedder _embedder;
        private readonly Dictionary<MetricsSettings, ImageMeasurer> _measurers = [];
        private readonly List<(int Index, ImageMeasurer Measurer, string File)> _files = [];

        public Run(ImageEmbedder embedder) => _embedder = embedder;

        /// <summary>
        /// The record to fit for row <paramref name="index"/>: a copy with its embedding when it was computed now,
        /// the record itself otherwise (already embedded, not analysed, a file row left for <see cref="Finish"/>, or
        /// of unknown origin, e.g. rows not from <c>ComputeImageMetrics</c>: the duplicate search lists those under
        /// DG2073).
        /// </summary>
        public ImageRecord Add(int index, ImageRecord record)
        {
            if (!record.IsAnalysed || record.Embedding is not null || !s_sources.TryGetValue(record, out var source))
            {
                return record;
            }

            var measurer = MeasurerFor(source.Settings);
            if (source.File is { } file)
            {
                _files.Add((index, measurer, file));
                return record;
            }

            var image = source.Image!;
            float[]? embedding;
            try
            {
                var pixels = image.Pixels;
                embedding = measurer.MeasurePixels(pixels, image.Width, image.Height, pixels.Length / image.Height, source.Layout, record.Path).Embedding;
            }
            catch (InvalidOperationException)
            {
                embedding = null; // the upstream released the image already (ObjectDisposedException is one): no embedding (DG2073), never a crash
            }

            return With(record, embedding);
        }

        /// <summary>Embeds the file rows (parallel, one decode and one network run each) into <paramref name="records"/>.</summary>
        public void Finish(List<ImageRecord> records)
        {
            var embeddings = new float[]?[_files.Count];
            Parallel.For(0, _files.Count, i =>
            {
                var (index, measurer, file) = _files[i];
                embeddings[i] = measurer.MeasureFile(file, records[index].Path).Embedding;
            });
            for (int i = 0; i < _files.Count; i++)
            {
                int index = _files[i].Index;
                records[index] = With(records[index], embeddings[i]);
            }
        }

        // Header metrics only (every pixel metric is blanked, the pixels are decoded once and embedded): the
        // embedding pass costs the decode plus the network.
        private ImageMeasurer MeasurerFor(MetricsSettings settings)
        {
            if (!_measurers.TryGetValue(settings, out var measurer))
            {
                measurer = new ImageMeasurer(settings.Limits, selection: MetricSelection.Of(MetricFamilies.Header)) { Embedder = _embedder };
                _measurers[settings] = measurer;
            }

            return measurer;
        }

        private static ImageRecord With(ImageRecord record, float[]? embedding)
        {
            if (embedding is null)
            {
                return record;
            }

            var copy = record.Copy();
            copy.Embedding = embedding;
            return copy;
        }
    }
}
