using Spectre.Console.Testing;

namespace DataGate.Cli.Tests;

/// <summary>Runs the CLI in process on a wide test console (usage errors and help are not wrapped).</summary>
internal static class CliRun
{
    /// <summary>Runs <c>datagate</c> with <paramref name="args"/>.</summary>
    /// <returns>The exit code and everything written to the console.</returns>
    public static (int Exit, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 300;
        int exit = DataGateApp.Run(args, console);
        return (exit, console.Output);
    }
}
