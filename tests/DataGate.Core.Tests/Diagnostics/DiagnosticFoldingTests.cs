using DataGate.Core.Diagnostics;

namespace DataGate.Core.Tests.Diagnostics;

public sealed class DiagnosticFoldingTests
{
    private static readonly SourceSpan s_at = new("datagate.yml", 45, 20);

    private static Diagnostic Conflict(int i) =>
        DiagnosticCodes.LabelConflict.Create(Severity.Warning, $"exact duplicate group exact-{i} (2 images) disagrees on age", s_at, ruleId: "duplicates.label_conflicts");

    [Fact]
    public void Should_FoldIntoOneLineWithCountAndFirstFew_When_OneRuleHasManyFindingsOfOneCode()
    {
        var lines = DiagnosticFolding.Fold(Enumerable.Range(1, 245).Select(Conflict));

        var line = Assert.Single(lines);
        Assert.True(line.IsFolded);
        Assert.Equal(245, line.Members.Count);
        Assert.Equal("DG2032", line.Diagnostic.Code);
        Assert.Equal(s_at, line.Diagnostic.Location);
        Assert.StartsWith("245 × duplicate group with conflicting labels (rule 'duplicates.label_conflicts'): exact duplicate group exact-1 ", line.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("exact-3 ", line.Diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("exact-4 ", line.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("242 more", line.Diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line.Diagnostic.ToString());
    }

    [Fact]
    public void Should_KeepEachLine_When_AGroupIsSmall()
    {
        var few = Enumerable.Range(1, DiagnosticFolding.DefaultMaxUnfolded).Select(Conflict).ToList();
        var lines = DiagnosticFolding.Fold(few);
        Assert.Equal(few, lines.Select(l => l.Diagnostic));
        Assert.All(lines, l => Assert.False(l.IsFolded));
    }

    [Fact]
    public void Should_FoldPerCodeAndRuleAndKeepOrder_When_Mixed()
    {
        var decode = Enumerable.Range(1, 8).Select(i => DiagnosticCodes.Truncated.Create("JPEG file is truncated", imagePath: $"img{i}.jpg"));
        var other = DiagnosticCodes.QualityRuleWarning.Create("rule 'x' flagged images", s_at, ruleId: "x");
        var lines = DiagnosticFolding.Fold([other, .. decode, Conflict(1)]);

        Assert.Equal(["DG2002", "DG3005", "DG2032"], lines.Select(l => l.Diagnostic.Code));
        Assert.Contains("[img1.jpg]", lines[1].Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, lines[1].Diagnostic.Severity);
    }

    [Fact]
    public void Should_FoldNothing_When_TheLimitIsMaxValue()
    {
        Assert.Equal(245, DiagnosticFolding.Fold(Enumerable.Range(1, 245).Select(Conflict), int.MaxValue).Count);
    }
}
