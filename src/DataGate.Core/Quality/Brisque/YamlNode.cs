namespace DataGate.Core.Quality.Brisque;

/// <summary>One node of an OpenCV FileStorage YAML document: a scalar, a sequence or a mapping, optionally tagged.</summary>
internal sealed class YamlNode
{
    private YamlNode(string? text, IReadOnlyList<YamlNode>? items, IReadOnlyDictionary<string, YamlNode>? entries, string? tag)
    {
        Text = text;
        Items = items;
        Entries = entries;
        Tag = tag;
    }

    /// <summary>Scalar text, or null when the node is a collection.</summary>
    public string? Text { get; }

    /// <summary>Sequence items, or null when the node is not a sequence.</summary>
    public IReadOnlyList<YamlNode>? Items { get; }

    /// <summary>Mapping entries, or null when the node is not a mapping.</summary>
    public IReadOnlyDictionary<string, YamlNode>? Entries { get; }

    /// <summary>Tag without the <c>!!</c> prefix (e.g. <c>opencv-matrix</c>), or null.</summary>
    public string? Tag { get; }

    public static YamlNode Scalar(string text) => new(text, null, null, null);

    public static YamlNode Seq(IReadOnlyList<YamlNode> items) => new(null, items, null, null);

    public static YamlNode Map(IReadOnlyDictionary<string, YamlNode> entries) => new(null, null, entries, null);

    public YamlNode WithTag(string tag) => new(Text, Items, Entries, tag);

    /// <summary>The child under <paramref name="key"/>, or null when absent or when this is not a mapping.</summary>
    public YamlNode? this[string key] => Entries is not null && Entries.TryGetValue(key, out var v) ? v : null;
}
