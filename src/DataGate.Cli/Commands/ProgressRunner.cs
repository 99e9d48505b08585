using DataGate.Core.Analysis;
using Spectre.Console;

namespace DataGate.Cli.Commands;

/// <summary>Runs work with a Spectre progress bar fed by the engine's progress reports.</summary>
internal static class ProgressRunner
{
    /// <summary>Help text of <c>--no-progress</c>, declared by each verb that takes it.</summary>
    public const string NoProgressDescription = "Do not show the progress bar.";

    public static T Run<T>(IAnsiConsole console, bool show, Func<IProgress<AnalysisProgress>?, T> work)
    {
        if (!show || !console.Profile.Capabilities.Interactive)
        {
            return work(null);
        }

        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("analysing images");
                var progress = new SyncProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"analysing images {p.Done}/{p.Total}";
                });
                result = work(progress);
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reports synchronously on the calling thread (Progress&lt;T&gt; would post to a missing context).</summary>
    private sealed class SyncProgress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        private readonly object _gate = new();

        public void Report(AnalysisProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
