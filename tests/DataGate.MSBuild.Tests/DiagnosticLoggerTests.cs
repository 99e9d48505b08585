using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;

namespace DataGate.MSBuild.Tests;

public sealed class DiagnosticLoggerTests
{
    [Theory]
    [InlineData("DG2001", Severity.Error, FailOn.Error, Severity.Error)]
    [InlineData("DG2002", Severity.Warning, FailOn.Error, Severity.Warning)]
    [InlineData("DG2002", Severity.Warning, FailOn.Warning, Severity.Error)]
    [InlineData("DG3005", Severity.Warning, FailOn.Warning, Severity.Error)]
    [InlineData("DG2001", Severity.Error, FailOn.None, Severity.Warning)]
    [InlineData("DG2003", Severity.Info, FailOn.Warning, Severity.Info)]
    [InlineData("DG1003", Severity.Error, FailOn.None, Severity.Error)]
    [InlineData("DG9001", Severity.Error, FailOn.None, Severity.Error)]
    [InlineData("DG3011", Severity.Error, FailOn.None, Severity.Error)]
    [InlineData("DG3012", Severity.Warning, FailOn.Warning, Severity.Warning)]
    public void Should_MapSeverity_When_FailOnIsSet(string code, Severity severity, FailOn failOn, Severity expected)
    {
        var mapped = DiagnosticLogger.Map(new Diagnostic(code, severity, "m"), failOn);

        Assert.Equal(expected, mapped);
    }

    [Fact]
    public void Should_NameTheFirstImagesAndCountTheRest_When_AFindingHasManyImages()
    {
        var images = Enumerable.Range(0, DiagnosticLogger.MaxImagesInMessage + 3).Select(i => new ImageValue($"i{i}.png", i)).ToList();

        var text = DiagnosticLogger.Compose(new Diagnostic("DG2001", Severity.Error, "rule failed"), images);

        Assert.Equal("rule failed [i0.png, i1.png, i2.png, i3.png, i4.png and 3 more]", text);
    }
}
