using DataGate.Core.Diagnostics;
using DataGate.Core.Sharding;
using Spectre.Console;

namespace DataGate.Cli.Rendering;

/// <summary>Prints the outcome of <c>plan</c> and <c>analyze</c>: every diagnostic, then one summary line.</summary>
internal static class ShardRenderer
{
    public static void Render(IAnsiConsole console, ShardRunOutcome outcome, string summary)
    {
        foreach (var d in outcome.Diagnostics)
        {
            string color = d.Severity switch { Severity.Error => "red", Severity.Warning => "yellow", _ => "grey" };
            console.MarkupLine($"[{color}]{Markup.Escape(d.ToString())}[/]");
        }

        if (outcome.ExitCode == 0)
        {
            console.MarkupLine(Markup.Escape(summary));
        }
    }
}
