using DataGate.Core.Imaging;

namespace DataGate.Core.Analysis;

/// <summary>Fills a record's pixel metrics and hashes from the one decoded buffer.</summary>
internal static class PixelMetrics
{
    public static void Compute(RgbImage image, byte[] fileBytes, ImageRecord record)
    {
        var v = record.Values;
        var px = image.Pixels;
        bool gray = true;
        for (int i = 0; i < px.Length; i += 3)
        {
            if (px[i] != px[i + 1] || px[i] != px[i + 2])
            {
                gray = false;
                break;
            }
        }

        v[MetricCatalog.IsGrayscale.Index] = gray ? 1 : 0;
    }
}
