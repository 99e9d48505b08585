using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Embeddings;
using DataGate.Core.Hashing;
using DataGate.Core.Imaging;
using DataGate.Core.Metrics;
using DataGate.Core.Metrics.Eda;
using DataGate.Core.Quality.Brisque;

namespace DataGate.Core.Analysis;

/// <summary>Fills a draft record's selected pixel metrics, hashes and digests from the one decoded buffer.</summary>
internal sealed class PixelMetrics
{
    private readonly Brisque? _brisque;
    private readonly MetricSelection _selection;
    private readonly bool _quality;
    private readonly bool _hashes;
    private readonly bool _eda;
    private readonly bool _blank;

    /// <param name="model">BRISQUE model; null when BRISQUE is not selected.</param>
    /// <param name="selection">What to compute.</param>
    public PixelMetrics(BrisqueModel? model, MetricSelection selection)
    {
        _selection = selection;
        _brisque = model is null ? null : new Brisque(model);
        _quality = selection.IncludesFamily(MetricFamilies.Quality);
        _hashes = selection.IncludesFamily(MetricFamilies.Hashes);
        _eda = selection.IncludesFamily(MetricFamilies.Eda);
        _blank = !selection.IsEverything;
    }

    /// <summary>The CNN embedding (<c>near: { method: embedding }</c>); null in every other run.</summary>
    public ImageEmbedder? Embedder { get; set; }

    /// <summary>cleanvision's issue rule: a score below its threshold is an issue; NaN stays NaN.</summary>
    private static double Flag(double score, double threshold) => double.IsNaN(score) ? double.NaN : score < threshold ? 1 : 0;

    /// <summary>
    /// Sets cleanvision's five per-image issue flags of <paramref name="values"/> (record value slots) from its scores.
    /// Measurement uses <see cref="CleanVisionSettings.Default"/>; <see cref="DatasetMetrics.Apply"/> re-flags with the
    /// rule file's thresholds. Returns whether any flag changed.
    /// </summary>
    internal static bool SetCleanVisionFlags(double[] values, CleanVisionSettings thresholds)
    {
        bool changed = false;
        void Set(MetricDefinition flag, MetricDefinition score, double threshold)
        {
            // A row without the score (not selected when it was measured) keeps the flag it was measured with.
            if (double.IsNaN(values[score.Index]))
            {
                return;
            }

            double f = Flag(values[score.Index], threshold);
            changed |= !f.Equals(values[flag.Index]);
            values[flag.Index] = f;
        }

        Set(MetricCatalog.IsDark, MetricCatalog.DarkScore, thresholds.Dark);
        Set(MetricCatalog.IsLight, MetricCatalog.LightScore, thresholds.Light);
        Set(MetricCatalog.IsBlurry, MetricCatalog.BlurryScore, thresholds.Blurry);
        Set(MetricCatalog.IsLowInformation, MetricCatalog.LowInformationScore, thresholds.LowInformation);
        Set(MetricCatalog.IsOddAspectRatio, MetricCatalog.OddAspectRatioScore, thresholds.OddAspectRatio);
        return changed;
    }

    /// <param name="image">The decoded pixels.</param>
    /// <param name="fileBytes">The encoded file, or null for pixels handed over decoded (no <c>file_hash</c>).</param>
    /// <param name="facts">Header facts.</param>
    /// <param name="record">The draft to fill.</param>
    public void Compute(RgbImage image, byte[]? fileBytes, ImageFacts facts, ImageRecord record)
    {
        if (_quality)
        {
            ComputeQuality(image, facts, record);
        }

        if (_brisque is not null)
        {
            record.ValueSlots[MetricCatalog.Brisque.Index] = _brisque.Score(image);
        }

        if (_hashes)
        {
            ComputeHashes(image, fileBytes, record);
        }

        // Opt-in: a run whose rules read no eda_* metric never enters here.
        if (_eda)
        {
            ComputeEda(image, facts, record);
        }

        if (_blank)
        {
            Blank(record);
        }

        if (Embedder is { } embedder)
        {
            try
            {
                record.Embedding = embedder.Embed(image);
            }
            catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException ex)
            {
                // The image stays analysed; the duplicate search lists it under DG2073 and cannot match it.
                record.NoteSlots.Add(DiagnosticCodes.EmbeddingMissing.Create($"no embedding: the model failed on this image: {ex.Message}", imagePath: record.Path));
            }
        }
    }

    private void Blank(ImageRecord record)
    {
        foreach (var m in MetricCatalog.All)
        {
            if (!_selection.Includes(m))
            {
                record.ValueSlots[m.Index] = double.NaN;
            }
        }

        foreach (var c in TextColumns.All)
        {
            if (!_selection.IncludesColumn(c))
            {
                record.TextSlots.Remove(c);
                record.HashSlots.Remove(c);
                if (HashKeys.MirrorOf(c) is { } mirror)
                {
                    record.HashSlots.Remove(mirror);
                }

                if (c == TextColumns.PHash)
                {
                    record.Thumbnail = null;
                }
            }
        }
    }

    private static void ComputeQuality(RgbImage image, ImageFacts facts, ImageRecord record)
    {
        var v = record.ValueSlots;
        var q = QualityMetricsCalculator.Compute(image, facts.Mode);
        v[MetricCatalog.IsGrayscale.Index] = q.IsGrayscale ? 1 : 0;
        v[MetricCatalog.ColorVariance.Index] = q.ColorVariance;
        v[MetricCatalog.UniqueColors.Index] = q.UniqueColors;
        v[MetricCatalog.Entropy.Index] = q.Entropy;
        v[MetricCatalog.LaplacianVariance.Index] = q.LaplacianVariance;
        v[MetricCatalog.LuminanceMean.Index] = q.LuminanceMean;
        v[MetricCatalog.BrightnessMean.Index] = q.BrightnessMean;
        v[MetricCatalog.BrightnessP01.Index] = q.BrightnessP01;
        v[MetricCatalog.BrightnessP05.Index] = q.BrightnessP05;
        v[MetricCatalog.BrightnessP95.Index] = q.BrightnessP95;
        v[MetricCatalog.BrightnessP99.Index] = q.BrightnessP99;
        v[MetricCatalog.FftBlur.Index] = q.FftBlur;
        v[MetricCatalog.SkinToneIta.Index] = q.SkinToneIta;
        v[MetricCatalog.SkinFraction.Index] = q.SkinFraction;
        v[MetricCatalog.DarkScore.Index] = q.DarkScore;
        v[MetricCatalog.LightScore.Index] = q.LightScore;
        v[MetricCatalog.BlurryScore.Index] = q.BlurryScore;
        v[MetricCatalog.LowInformationScore.Index] = q.LowInformationScore;
        v[MetricCatalog.OddAspectRatioScore.Index] = q.OddAspectRatioScore;
        var cv = CleanVisionSettings.Default;
        v[MetricCatalog.IsDark.Index] = Flag(q.DarkScore, cv.Dark);
        v[MetricCatalog.IsLight.Index] = Flag(q.LightScore, cv.Light);
        v[MetricCatalog.IsBlurry.Index] = Flag(q.BlurryScore, cv.Blurry);
        v[MetricCatalog.IsLowInformation.Index] = Flag(q.LowInformationScore, cv.LowInformation);
        v[MetricCatalog.IsOddAspectRatio.Index] = Flag(q.OddAspectRatioScore, cv.OddAspectRatio);
        if (q.SkinTone is not null)
        {
            record.TextSlots[TextColumns.SkinTone] = q.SkinTone;
        }
    }

    private static void ComputeEda(RgbImage image, ImageFacts facts, ImageRecord record)
    {
        var v = record.ValueSlots;
        var e = EdaMetrics.Compute(image, facts.ExifOrientation, PackageBrisqueModel.Embedded);
        v[MetricCatalog.EdaVariance.Index] = e.Variance;
        v[MetricCatalog.EdaUniqueColors.Index] = e.UniqueColors;
        v[MetricCatalog.EdaEntropy.Index] = e.Entropy;
        v[MetricCatalog.EdaBrisque.Index] = e.Brisque;
        v[MetricCatalog.EdaLaplacianVariance.Index] = e.LaplacianVariance;
        v[MetricCatalog.EdaFftBlur.Index] = e.FftBlur;
        v[MetricCatalog.EdaLuminance.Index] = e.Luminance;
        v[MetricCatalog.EdaLuminanceBin.Index] = e.LuminanceBin;
    }

    private static void ComputeHashes(RgbImage image, byte[]? fileBytes, ImageRecord record)
    {
        var h = PerceptualHash.Compute(image);
        record.TextSlots[TextColumns.AHash] = h.AHash;
        record.TextSlots[TextColumns.PHash] = h.PHash;
        record.TextSlots[TextColumns.DHash] = h.DHash;
        record.TextSlots[TextColumns.WHash] = h.WHash;
        record.TextSlots[TextColumns.ColorHash] = h.ColorHash;
        record.HashSlots[TextColumns.AHash] = h.AHash64;
        record.HashSlots[TextColumns.PHash] = h.PHash64;
        record.HashSlots[TextColumns.DHash] = h.DHash64;
        record.HashSlots[TextColumns.WHash] = h.WHash64;
        record.HashSlots[HashKeys.PHashMirror] = h.PHashMirror64;
        record.HashSlots[HashKeys.DHashMirror] = h.DHashMirror64;
        record.Thumbnail = h.Thumbnail;
        if (fileBytes is not null)
        {
            record.TextSlots[TextColumns.FileHash] = ContentDigest.FileHash(fileBytes);
        }

        record.TextSlots[TextColumns.PixelHash] = ContentDigest.PixelHash(image);
    }
}
