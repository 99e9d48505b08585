using DataGate.Core.Analysis;
using DataGate.Core.Sharding;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Sharding;

/// <summary>docs/scale-out.md is the shard contract: its schema and footer tables match the code.</summary>
public class ScaleOutDocTests
{
    private static readonly string[] s_doc = File.ReadAllLines(Path.Combine(Golden.RepoRoot, "docs", "scale-out.md"));

    [Fact]
    public void Should_DocumentEveryColumnWithItsType_When_TheSchemaTableIsRead()
    {
        var rows = Table("## Shard schema", "| column |");
        var kinds = ShardSchema.ColumnsWithEmbedding.ToDictionary(c => c.Name, c => c.Kind);

        foreach (var (name, type) in rows)
        {
            Assert.True(kinds.TryGetValue(name, out var kind), $"{name} is documented but not a shard column");
            Assert.Equal(kind, type switch
            {
                _ when type.StartsWith("STRING", StringComparison.Ordinal) => ShardColumnKind.Text,
                _ when type.StartsWith("BOOLEAN", StringComparison.Ordinal) => ShardColumnKind.Flag,
                _ when type.StartsWith("DOUBLE", StringComparison.Ordinal) => ShardColumnKind.Real,
                _ when type.StartsWith("UINT64 (mirror", StringComparison.Ordinal) => ShardColumnKind.MirrorHash64,
                _ when type.StartsWith("UINT64", StringComparison.Ordinal) => ShardColumnKind.Hash64,
                _ when type.StartsWith("BYTE_ARRAY (embedding", StringComparison.Ordinal) => ShardColumnKind.Embedding,
                _ when type.StartsWith("BYTE_ARRAY", StringComparison.Ordinal) => ShardColumnKind.Bytes,
                _ when type.StartsWith("FIXED_LEN_BYTE_ARRAY(16)", StringComparison.Ordinal) => ShardColumnKind.Digest128,
                _ when type.StartsWith("INT32", StringComparison.Ordinal) => ShardColumnKind.Int32,
                _ when type.StartsWith("INT64", StringComparison.Ordinal) => MetricCatalog.Find(name) is null ? ShardColumnKind.Int64 : ShardColumnKind.Integer,
                _ => throw new InvalidOperationException($"{name}: unknown documented type {type}"),
            });
        }

        // Metrics added to the catalog later are covered by the typing rule the doc states; every other column is listed.
        var documented = rows.Select(r => r.Name).ToHashSet();
        Assert.All(ShardSchema.ColumnsWithEmbedding.Where(c => MetricCatalog.Find(c.Name) is null), c => Assert.Contains(c.Name, documented));
    }

    [Fact]
    public void Should_DocumentEveryFooterKey_When_TheMetadataTableIsRead()
    {
        var documented = string.Join('\n', Table("Footer key-value metadata", "| key |").Select(r => r.Name));
        var keys = typeof(ShardMetadata).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        Assert.All(keys, k => Assert.Contains(k, documented, StringComparison.Ordinal));
    }

    private static List<(string Name, string Type)> Table(string after, string header)
    {
        int start = Array.FindIndex(s_doc, l => l.StartsWith(after, StringComparison.Ordinal));
        int head = Array.FindIndex(s_doc, start, l => l.StartsWith(header, StringComparison.Ordinal));
        return s_doc.Skip(head + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|', StringSplitOptions.TrimEntries)).Select(c => (c[1], c[2])).ToList();
    }
}
