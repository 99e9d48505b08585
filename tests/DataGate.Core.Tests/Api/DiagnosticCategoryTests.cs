using DataGate.Core.Diagnostics;

namespace DataGate.Core.Tests.Api;

public sealed class DiagnosticCategoryTests
{
    [Fact]
    public void Should_MatchTheCodeRange_When_ADescriptorDeclaresItsCategory()
    {
        Assert.All(DiagnosticCodes.All, d =>
        {
            var expected = d.Code[2] switch
            {
                '1' => DiagnosticCategory.Configuration,
                '2' => DiagnosticCategory.Data,
                // DG3020 (thumbnail) and DG3021 (GitHub step summary) are about outputs the run writes.
                '3' => d == DiagnosticCodes.WriteFailed || d == DiagnosticCodes.CacheUnusable || d == DiagnosticCodes.ThumbnailFailed || d == DiagnosticCodes.StepSummaryFailed ? DiagnosticCategory.Output : DiagnosticCategory.Input,
                _ => DiagnosticCategory.Internal,
            };
            Assert.Equal(expected, d.Category);
        });
    }

    [Fact]
    public void Should_TreatAsInternal_When_CodeIsUnknown() =>
        Assert.Equal(DiagnosticCategory.Internal, DiagnosticCodes.CategoryOf(new Diagnostic("DG9999", Severity.Error, "x")));
}
