using DataGate.Core.Diagnostics;
using DataGate.MSBuild.Tests.Support;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DataGate.MSBuild.Tests;

/// <summary>An internal error keeps its stack trace: short in the error, full at detailed verbosity and in datagate-error.log.</summary>
public sealed class ErrorLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-errlog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class ThrowingTask(string? folder) : DataGateTask
    {
        protected override string? ErrorLogDirectory => folder;

        protected override void ExecuteCore(CancellationToken cancellationToken) => Outer();

        private static void Outer()
        {
            try
            {
                Inner();
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException("outer failure", ex);
            }
        }

        private static void Inner() => throw new FormatException("inner failure");
    }

    [Fact]
    public void Should_LogShortErrorAndFullExceptionAtLowImportance_When_TheTaskThrows()
    {
        var engine = new FakeBuildEngine();
        var task = new ThrowingTask(Path.Combine(_dir, "out")) { BuildEngine = engine };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("DG9001", error.Code);
        Assert.StartsWith("internal error in ThrowingTask: InvalidOperationException: outer failure (full exception in ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error.Message, StringComparison.Ordinal);
        var details = Assert.Single(engine.Messages, m => m.Message!.StartsWith("DG9001 details:", StringComparison.Ordinal));
        Assert.Equal(MessageImportance.Low, details.Importance);
        Assert.Contains("FormatException: inner failure", details.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ThrowingTask), details.Message, StringComparison.Ordinal); // a stack frame
        var log = File.ReadAllText(Path.Combine(_dir, "out", "datagate-error.log"));
        Assert.Contains("InvalidOperationException: outer failure", log, StringComparison.Ordinal);
        Assert.Contains("---> System.FormatException: inner failure", log, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_LogDetailsAtLowImportance_When_ADiagnosticCarriesThem()
    {
        var engine = new FakeBuildEngine();
        var task = new ThrowingTask(null) { BuildEngine = engine };
        var logger = new DiagnosticLogger(new TaskLoggingHelper(task), "datagate.yml", FailOn.Error);

        logger.Log(DiagnosticCodes.Internal.Create("metric computation failed: X: y", imagePath: "a.png") with { Details = "System.X: y\n   at Somewhere()" });

        Assert.Equal("metric computation failed: X: y [a.png]", Assert.Single(engine.Errors).Message);
        var details = Assert.Single(engine.Messages);
        Assert.Equal(MessageImportance.Low, details.Importance);
        Assert.Contains("at Somewhere()", details.Message, StringComparison.Ordinal);
    }
}
