using System.Text.Json;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Imaging;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Config;

public class JsonSchemaSyncTests
{
    private static readonly JsonElement s_schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Golden.RepoRoot, "schema", "datagate.schema.json"))).RootElement;

    public static TheoryData<string, string[]> Sections() => new()
    {
        { "", ConfigKeys.TopKeys },
        { "dataset", ConfigKeys.DatasetKeys },
        { "dataset/labels", ConfigKeys.LabelKeys },
        { "dataset/labels/csv", ConfigKeys.CsvKeys },
        { "fields/*", ConfigKeys.FieldKeys },
        { "quality/[]", ConfigKeys.RuleKeys },
        { "$defs/threshold", ConfigKeys.ThresholdKeys },
        { "gate", ConfigKeys.GateKeys },
        { "limits", ConfigKeys.LimitKeys },
        { "cleanvision", ConfigKeys.CleanVisionKeys },
        { "decode", ConfigKeys.DecodeKeys },
        { "brisque", ConfigKeys.BrisqueKeys },
        { "duplicates", ConfigKeys.DuplicateKeys },
        { "duplicates/exact", ConfigKeys.ExactDuplicateKeys },
        { "duplicates/near", ConfigKeys.NearDuplicateKeys },
        { "derived", ConfigKeys.DerivedKeys },
        { "balance/[]", ConfigKeys.BalanceKeys },
        { "balance/[]/max_distance", ConfigKeys.DistanceKeys },
        { "parity/[]", ConfigKeys.ParityKeys },
        { "parity/[]/max_effect", ConfigKeys.EffectKeys },
        { "splits", ConfigKeys.SplitKeys },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Should_DeclareExactlyTheParserKeys_When_SchemaSectionIsRead(string section, string[] keys)
    {
        var node = Resolve(section);
        var declared = node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(keys.Order(StringComparer.Ordinal), declared);
    }

    [Fact]
    public void Should_ListEveryMetric_When_QualityMetricEnumIsRead()
    {
        var names = Resolve("quality/[]").GetProperty("properties").GetProperty("metric").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(MetricCatalog.All.Select(m => m.Name), names);
    }

    [Fact]
    public void Should_ListEveryMetric_When_ParityMetricEnumIsRead()
    {
        var names = Resolve("parity/[]").GetProperty("properties").GetProperty("metric").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(MetricCatalog.All.Select(m => m.Name), names);
    }

    [Fact]
    public void Should_ListEveryEngineWithTheDefault_When_DecodeEngineEnumIsRead()
    {
        var engine = Resolve("decode").GetProperty("properties").GetProperty("engine");
        Assert.Equal(DecodeEngineNames.All, engine.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(DecodeEngineNames.NameOf(DecodeEngineNames.Default), engine.GetProperty("default").GetString());
    }

    private static JsonElement Resolve(string section)
    {
        var node = s_schema;
        foreach (var part in section.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = part switch
            {
                "*" => node.GetProperty("additionalProperties"),
                "[]" => node.GetProperty("items"),
                "$defs" => node.GetProperty("$defs"),
                _ when node.TryGetProperty("properties", out var props) && props.TryGetProperty(part, out var child) => child,
                _ => node.GetProperty(part),
            };
        }

        return node.TryGetProperty("oneOf", out var one) ? one.EnumerateArray().First(e => e.TryGetProperty("properties", out _)) : node;
    }
}
