using DataGate.Core.Analysis;
using Microsoft.ML.Data;

namespace DataGate.ML;

/// <summary>Marks a property of type <see cref="ImageRecord"/> as a <see cref="ImageRecordDataViewType"/> column.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ImageRecordTypeAttribute : DataViewTypeAttribute
{
    /// <summary>Registers the column type.</summary>
    public ImageRecordTypeAttribute()
    {
    }

    /// <inheritdoc/>
    public override bool Equals(DataViewTypeAttribute other) => other is ImageRecordTypeAttribute;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ImageRecordTypeAttribute;

    /// <inheritdoc/>
    public override int GetHashCode() => typeof(ImageRecordTypeAttribute).GetHashCode();

    /// <inheritdoc/>
    public override void Register() => DataViewTypeManager.Register(ImageRecordDataViewType.Instance, typeof(ImageRecord), this);
}
