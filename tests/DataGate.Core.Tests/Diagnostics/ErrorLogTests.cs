using DataGate.Core.Diagnostics;

namespace DataGate.Core.Tests.Diagnostics;

public sealed class ErrorLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-errlog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static InvalidOperationException Thrown()
    {
        try
        {
            try
            {
                throw new ArgumentException("inner");
            }
            catch (ArgumentException ex)
            {
                throw new InvalidOperationException("outer", ex);
            }
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }

    [Fact]
    public void Should_KeepMessageShortAndDetailsFull_When_AnExceptionBecomesDg9001()
    {
        var d = ErrorLog.Internal("metric computation failed", Thrown(), "a.png");
        Assert.Equal(("DG9001", "metric computation failed: InvalidOperationException: outer"), (d.Code, d.Message));
        Assert.Contains("---> System.ArgumentException: inner", d.Details, StringComparison.Ordinal);
        Assert.Contains(nameof(Thrown), d.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_WriteEveryDetailedDiagnostic_When_AnOutputFolderIsGiven()
    {
        var path = ErrorLog.Write(Path.Combine(_dir, "out"), [ErrorLog.Internal("x", Thrown(), "a.png"), DiagnosticCodes.EmptyFile.Create("empty", imagePath: "b.png")]);
        Assert.Equal(Path.Combine(_dir, "out", ErrorLog.FileName), path);
        var text = File.ReadAllText(path!);
        Assert.Contains("a.png: error DG9001: x: InvalidOperationException: outer", text, StringComparison.Ordinal);
        Assert.Contains("ArgumentException: inner", text, StringComparison.Ordinal);
        Assert.DoesNotContain("b.png", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_WriteNothing_When_NoDiagnosticHasDetails()
    {
        Assert.Null(ErrorLog.Write(_dir, [DiagnosticCodes.EmptyFile.Create("empty")]));
        Assert.False(File.Exists(Path.Combine(_dir, ErrorLog.FileName)));
    }
}
