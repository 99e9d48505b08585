namespace DataGate.Cli.Tests;

public sealed class ErrorLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-cli-errlog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_WriteTypeMessageStackAndInnerExceptions_When_TheCliCatchAllFires()
    {
        Exception caught;
        try
        {
            throw new InvalidOperationException("outer", new TimeoutException("inner"));
        }
        catch (InvalidOperationException ex)
        {
            caught = ex;
        }

        var path = DataGateApp.WriteErrorLog(Path.Combine(_dir, "out"), caught);

        Assert.Equal(Path.Combine(_dir, "out", "datagate-error.log"), path);
        var text = File.ReadAllText(path!);
        Assert.StartsWith($"datagate {DataGateApp.Version}, ", text, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: outer", text, StringComparison.Ordinal);
        Assert.Contains("---> System.TimeoutException: inner", text, StringComparison.Ordinal);
        Assert.Contains(nameof(Should_WriteTypeMessageStackAndInnerExceptions_When_TheCliCatchAllFires), text, StringComparison.Ordinal);
    }
}
