namespace DataGate.ML;

/// <summary>What <c>ComputeImageMetrics</c> reads from its input column.</summary>
internal enum ImageInputKind
{
    /// <summary>A text column with an image path (relative to the image folder).</summary>
    Path,

    /// <summary>An MLImage column (LoadImages).</summary>
    Image,
}
