using System.ComponentModel;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace DataGate.ML.Mapping;

/// <summary>
/// Binds an <see cref="MLImage"/> property to the column type <c>LoadImages</c> produces for images of any size
/// (<see cref="ImageDataViewType"/> without height and width); ML.NET's own ImageType attribute requires a size.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class AnySizeImageTypeAttribute : DataViewTypeAttribute
{
    /// <inheritdoc/>
    public override bool Equals(DataViewTypeAttribute other) => other is AnySizeImageTypeAttribute;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AnySizeImageTypeAttribute;

    /// <inheritdoc/>
    public override int GetHashCode() => typeof(AnySizeImageTypeAttribute).GetHashCode();

    /// <inheritdoc/>
    public override void Register() => DataViewTypeManager.Register(new ImageDataViewType(), typeof(MLImage), this);
}
