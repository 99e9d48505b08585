using DataGate.Core.Analysis;
using Microsoft.ML.Data;

namespace DataGate.ML;

/// <summary>
/// The column type of <see cref="DataGateColumns.Record"/>: one measured <see cref="ImageRecord"/> per row (metrics,
/// hashes, header facts, error). <c>Gate</c> reads it; it is not a feature for trainers.
/// </summary>
public sealed class ImageRecordDataViewType : StructuredDataViewType
{
    private ImageRecordDataViewType()
        : base(typeof(ImageRecord))
    {
    }

    /// <summary>The one instance.</summary>
    public static ImageRecordDataViewType Instance { get; } = new();

    /// <inheritdoc/>
    public override bool Equals(DataViewType? other) => other is ImageRecordDataViewType;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ImageRecordDataViewType;

    /// <inheritdoc/>
    public override int GetHashCode() => typeof(ImageRecordDataViewType).GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => "DataGateRecord";
}
