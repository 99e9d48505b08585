using DataGate.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DataGate.Core.Config;

/// <summary>
/// Reads and validates <c>datagate.yml</c>. Validation is eager and complete: every problem in the file is
/// reported at once, each as a DG1xxx diagnostic with file, line and column.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Largest rule file accepted, in bytes.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Largest number of nodes the document may expand to through aliases.</summary>
    public const int MaxExpandedNodes = 100_000;

    /// <summary>Reads a rule file from disk.</summary>
    /// <param name="path">Path as the user gave it; diagnostics use it verbatim.</param>
    public static ConfigLoadResult Load(string path) => Load(path, requireDataset: true);

    /// <summary>Reads a rule file from disk; with <paramref name="requireDataset"/> false, <c>dataset:</c> may be absent.</summary>
    internal static ConfigLoadResult Load(string path, bool requireDataset) => Load(path, requireDataset, embeddingFilesMustExist: true);

    /// <summary>
    /// Reads a rule file from disk; with <paramref name="embeddingFilesMustExist"/> false, the <c>near:</c> embedding
    /// model paths are resolved but not checked (the reduce of a sharded analysis reads stored embeddings, never the model).
    /// </summary>
    internal static ConfigLoadResult Load(string path, bool requireDataset, bool embeddingFilesMustExist)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Fail(DiagnosticCodes.ConfigNotFound.Create($"rule file '{path}' does not exist", new SourceSpan(path, 0, 0)));
            }

            if (info.Length > MaxFileBytes)
            {
                return Fail(DiagnosticCodes.DocumentTooLarge.Create($"rule file is {info.Length} bytes; the limit is {MaxFileBytes}", new SourceSpan(path, 0, 0)));
            }

            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(DiagnosticCodes.ConfigNotFound.Create($"rule file '{path}' cannot be read: {ex.Message}", new SourceSpan(path, 0, 0)));
        }

        var full = Path.GetFullPath(path);
        var baseDirectory = Path.GetDirectoryName(full) ?? full;
        return Parse(text, path, baseDirectory, requireDataset, embeddingFilesMustExist);
    }

    /// <summary>Parses rule-file text.</summary>
    /// <param name="text">YAML text.</param>
    /// <param name="path">Name used in diagnostics.</param>
    /// <param name="baseDirectory">Directory relative paths in the file are resolved against.</param>
    public static ConfigLoadResult Parse(string text, string path, string baseDirectory) => Parse(text, path, baseDirectory, requireDataset: true);

    /// <summary>Parses rule-file text; with <paramref name="requireDataset"/> false, <c>dataset:</c> may be absent.</summary>
    internal static ConfigLoadResult Parse(string text, string path, string baseDirectory, bool requireDataset) => Parse(text, path, baseDirectory, requireDataset, embeddingFilesMustExist: true);

    /// <summary>
    /// Parses rule-file text; with <paramref name="embeddingFilesMustExist"/> false, the <c>near:</c> embedding model
    /// paths are resolved but not checked (a saved ML.NET gate reloaded where the model is absent: it never runs it).
    /// </summary>
    internal static ConfigLoadResult Parse(string text, string path, string baseDirectory, bool requireDataset, bool embeddingFilesMustExist)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxFileBytes)
        {
            return Fail(DiagnosticCodes.DocumentTooLarge.Create($"rule file is {text.Length} characters; the limit is {MaxFileBytes}", new SourceSpan(path, 0, 0)));
        }

        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var mark = ex.Start;
            string message = ex.InnerException is not null && ex.InnerException.Message != ex.Message ? $"{ex.Message} ({ex.InnerException.Message})" : ex.Message;
            return Fail(DiagnosticCodes.YamlSyntax.Create($"invalid YAML: {message}", new SourceSpan(path, checked((int)mark.Line), checked((int)mark.Column))));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or InvalidCastException or FormatException)
        {
            // YamlDotNet throws these for some malformed documents (unclosed flow collections, duplicate keys, bad
            // anchors) without a mark: the parser's last event is the best position there is.
            var mark = parser.Current?.Start;
            var at = mark is null ? new SourceSpan(path, 0, 0) : new SourceSpan(path, checked((int)mark.Value.Line), checked((int)mark.Value.Column));
            string detail = ex switch
            {
                ArgumentException when ex.Message.Contains("same key", StringComparison.Ordinal) => "a key appears twice in one mapping",
                InvalidOperationException => "the document ends inside a structure (an unclosed '[' or '{', or a missing value)",
                _ => ex.Message,
            };
            return Fail(DiagnosticCodes.YamlSyntax.Create($"invalid YAML near here: {detail}", at));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return Fail(DiagnosticCodes.MissingKey.Create("rule file is empty; it needs at least 'version: 1' and 'dataset: { root: ... }'", new SourceSpan(path, 1, 1)));
        }

        if (stream.Documents.Count > 1)
        {
            return Fail(DiagnosticCodes.YamlSyntax.Create("rule file holds more than one YAML document", new SourceSpan(path, checked((int)stream.Documents[1].RootNode.Start.Line), 1)));
        }

        var root = stream.Documents[0].RootNode;
        if (ExpandedSize(root, new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance)) > MaxExpandedNodes)
        {
            return Fail(DiagnosticCodes.DocumentTooLarge.Create($"anchors and aliases expand the document beyond {MaxExpandedNodes} nodes; refused", new SourceSpan(path, 1, 1)));
        }

        var walker = new YamlWalker(path);
        var config = new ConfigReader(walker, path, baseDirectory, requireDataset) { EmbeddingFilesMustExist = embeddingFilesMustExist }.Read(root);
        return walker.Errors.Count > 0 ? new ConfigLoadResult(null, walker.Errors) : new ConfigLoadResult(config, walker.Errors);
    }

    private static long ExpandedSize(YamlNode node, Dictionary<YamlNode, long> memo)
    {
        if (memo.TryGetValue(node, out var known))
        {
            return known;
        }

        memo[node] = MaxExpandedNodes + 1; // a cycle counts as too large
        long size = 1;
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    size += ExpandedSize(k, memo) + ExpandedSize(v, memo);
                    if (size > MaxExpandedNodes)
                    {
                        break;
                    }
                }

                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children)
                {
                    size += ExpandedSize(item, memo);
                    if (size > MaxExpandedNodes)
                    {
                        break;
                    }
                }

                break;
        }

        memo[node] = size;
        return size;
    }

    private static ConfigLoadResult Fail(Diagnostic d) => new(null, [d]);
}
