using DataGate.Core.Diagnostics;

namespace DataGate.Core.Config;

/// <summary>Which files form the dataset (<c>dataset:</c>).</summary>
public sealed class DatasetSettings
{
    /// <summary>The default include globs.</summary>
    public static IReadOnlyList<string> DefaultInclude { get; } =
        ["**/*.jpg", "**/*.jpeg", "**/*.png", "**/*.bmp", "**/*.gif", "**/*.webp", "**/*.pbm", "**/*.pgm", "**/*.ppm", "**/*.tga", "**/*.tif", "**/*.tiff"];

    /// <summary>No dataset: a rule set loaded for rows measured elsewhere (<see cref="IsSpecified"/> is false).</summary>
    public static DatasetSettings None { get; } = new() { Root = string.Empty };

    /// <summary>True when the rule file named a dataset folder (needed by <c>check</c>, not by fit/apply on rows).</summary>
    public bool IsSpecified => Root.Length > 0;

    /// <summary>Absolute path of the dataset root; empty for <see cref="None"/>.</summary>
    public required string Root { get; init; }

    /// <summary>Glob patterns (relative to the root, <c>/</c> separators) of files to analyse.</summary>
    public IReadOnlyList<string> Include { get; init; } = DefaultInclude;

    /// <summary>Glob patterns of files to leave out.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Where labels come from.</summary>
    public LabelSource Labels { get; init; } = LabelSource.None;

    /// <summary>Position of <c>root:</c> in the rule file, when it came from one.</summary>
    public SourceSpan? RootLocation { get; init; }
}
