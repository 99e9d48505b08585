namespace DataGate.Core.Labels;

/// <summary>Where a <see cref="CategoryField"/> comes from.</summary>
internal enum CategoryFieldKind
{
    /// <summary>A field declared with <c>type: category</c>.</summary>
    Declared,

    /// <summary>The <c>{name}_bin</c> of a numeric field with <c>bins</c>.</summary>
    Bin,

    /// <summary>Derived from an image metric: <c>skin_tone</c> or <c>luminance_bin</c>.</summary>
    Derived,
}
