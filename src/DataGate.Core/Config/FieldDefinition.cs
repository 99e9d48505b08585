using DataGate.Core.Diagnostics;

namespace DataGate.Core.Config;

/// <summary>A label field declared under <c>fields:</c>.</summary>
public sealed class FieldDefinition
{
    /// <summary>Field name (a named group of the file-name pattern, a CSV column, or the folder field).</summary>
    public required string Name { get; init; }

    /// <summary>Field type.</summary>
    public FieldType Type { get; init; } = FieldType.Category;

    /// <summary>
    /// Bin edges for a numeric field, ascending. Bins are right-inclusive like pandas <c>cut</c>: (e0, e1], (e1, e2], …,
    /// plus an open last bin (eN, ∞). Labels are <c>e0-e1</c> … <c>eN-inf</c>. The bin is the derived field <c>{name}_bin</c>.
    /// </summary>
    public IReadOnlyList<double>? Bins { get; init; }

    /// <summary>Display names of category codes (code → name); empty when codes are shown as they are.</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Position in the rule file.</summary>
    public required SourceSpan Location { get; init; }

    /// <summary>Name of the derived bin field, or null when the field has no bins.</summary>
    public string? BinFieldName => Bins is null ? null : Name + "_bin";
}
