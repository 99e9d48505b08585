using DataGate.Core.Hashing;
using DataGate.Core.Imaging;
using DataGate.Core.Metrics;
using DataGate.Core.Quality.Brisque;

namespace DataGate.Core.Analysis;

/// <summary>Fills a record's pixel metrics, hashes and digests from the one decoded buffer.</summary>
internal sealed class PixelMetrics
{
    private readonly Brisque _brisque;

    public PixelMetrics(BrisqueModel? model) => _brisque = new Brisque(model ?? BrisqueModel.LoadDefault());

    /// <summary>cleanvision's issue rule: a score below its threshold is an issue; NaN stays NaN.</summary>
    private static double Flag(double score, double threshold) => double.IsNaN(score) ? double.NaN : score < threshold ? 1 : 0;

    public void Compute(RgbImage image, byte[] fileBytes, ImageFacts facts, ImageRecord record)
    {
        var v = record.Values;
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
        v[MetricCatalog.IsDark.Index] = Flag(q.DarkScore, 0.32);
        v[MetricCatalog.IsLight.Index] = Flag(q.LightScore, 0.05);
        v[MetricCatalog.IsBlurry.Index] = Flag(q.BlurryScore, 0.29);
        v[MetricCatalog.IsLowInformation.Index] = Flag(q.LowInformationScore, 0.3);
        v[MetricCatalog.IsOddAspectRatio.Index] = Flag(q.OddAspectRatioScore, 0.35);
        if (q.SkinTone is not null)
        {
            record.Texts[TextColumns.SkinTone] = q.SkinTone;
        }

        v[MetricCatalog.Brisque.Index] = _brisque.Score(image);

        var h = PerceptualHash.Compute(image);
        record.Texts[TextColumns.AHash] = h.AHash;
        record.Texts[TextColumns.PHash] = h.PHash;
        record.Texts[TextColumns.DHash] = h.DHash;
        record.Texts[TextColumns.WHash] = h.WHash;
        record.Texts[TextColumns.ColorHash] = h.ColorHash;
        record.HashBits[TextColumns.AHash] = h.AHash64;
        record.HashBits[TextColumns.PHash] = h.PHash64;
        record.HashBits[TextColumns.DHash] = h.DHash64;
        record.HashBits[TextColumns.WHash] = h.WHash64;
        record.Texts[TextColumns.FileHash] = ContentDigest.FileHash(fileBytes);
        record.Texts[TextColumns.PixelHash] = ContentDigest.PixelHash(image);
    }
}
