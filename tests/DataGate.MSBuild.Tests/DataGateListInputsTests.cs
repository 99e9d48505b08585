using DataGate.MSBuild.Tests.Support;

namespace DataGate.MSBuild.Tests;

public sealed class DataGateListInputsTests : IDisposable
{
    private readonly Workspace _ws = new();
    private readonly FakeBuildEngine _engine = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Should_ListTheSelectedFiles_When_TheConfigLoads()
    {
        _ws.Image("a.png", 1);
        _ws.Image("b.png", 2);
        File.WriteAllText(Path.Combine(_ws.Data, "notes.txt"), "not selected");
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0"));

        var task = Run();

        Assert.Equal([Path.Combine(_ws.Data, "a.png"), Path.Combine(_ws.Data, "b.png")], task.Inputs.Select(i => i.ItemSpec));
        Assert.Equal(_ws.Data, task.DatasetRoot);
    }

    [Fact]
    public void Should_ChangeTheHash_When_AFileIsRemoved()
    {
        _ws.Image("a.png", 1);
        _ws.Image("b.png", 2);
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0"));
        var before = Run().InputsHash;
        File.Delete(Path.Combine(_ws.Data, "b.png"));

        var after = Run().InputsHash;

        Assert.NotEqual(before, after);
        Assert.Equal(after, Run().InputsHash);
    }

    [Fact]
    public void Should_ListNothingAndSucceed_When_TheConfigIsBroken()
    {
        _ws.WriteConfig("version: [");

        var task = Run(out bool ok);

        Assert.True(ok);
        Assert.Empty(task.Inputs);
        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
    }

    private DataGateListInputs Run() => Run(out _);

    private DataGateListInputs Run(out bool ok)
    {
        var task = new DataGateListInputs { BuildEngine = _engine, ConfigFile = _ws.ConfigPath };
        ok = task.Execute();
        return task;
    }
}
