using DataGate.Core.Analysis;

namespace DataGate.Core.Tests.Analysis;

public class LargeImageGateTests
{
    [Fact]
    public async Task Should_MakeSecondLargeImageWait_When_BudgetIsTaken()
    {
        var gate = new LargeImageGate(64_000_000);
        long first = gate.Enter(40_000_000);
        var second = Task.Run(() => gate.Enter(40_000_000));
        var winner = await Task.WhenAny(second, Task.Delay(200));
        Assert.NotSame(second, winner); // the second large image waits while the first holds the budget
        Assert.Equal(0, gate.Enter(1_000_000)); // small images never wait
        gate.Exit(first);
        long held = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(40_000_000, held);
        gate.Exit(held);
    }

    [Fact]
    public void Should_LetImageLargerThanBudgetRunAlone_When_NothingElseHoldsIt()
    {
        var gate = new LargeImageGate(10_000_000);
        long held = gate.Enter(50_000_000);
        Assert.Equal(50_000_000, held);
        gate.Exit(held);
        Assert.Equal(5_000_000, gate.Enter(5_000_000));
    }
}
