using DataGate.Core.Diagnostics;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Diagnostics;

public class DiagnosticTableTests
{
    [Fact]
    public void Should_ListEveryCodeOnce_When_DocsTableIsRead()
    {
        var doc = File.ReadAllLines(Path.Combine(Golden.RepoRoot, "docs", "diagnostics.md"));
        var rows = doc.Where(l => l.StartsWith("| DG", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(c => (Code: c[1], Title: c[2], Severity: c[3]))
            .ToList();
        var expected = DiagnosticCodes.All.Select(d => (d.Code, d.Title, d.DefaultSeverity.ToString().ToLowerInvariant())).ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void Should_UseUniqueWellFormedCodes_When_DescriptorsAreDeclared()
    {
        var codes = DiagnosticCodes.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^DG[1239][0-9]{3}$", c));
    }
}
