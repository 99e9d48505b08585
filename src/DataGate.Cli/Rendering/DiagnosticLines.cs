using DataGate.Core.Diagnostics;
using Spectre.Console;

namespace DataGate.Cli.Rendering;

/// <summary>
/// Prints diagnostics in compiler format, one per line. On a terminal the line is coloured; when standard output is
/// redirected it is written as plain text and never wrapped, so problem matchers that read
/// <c>file(line,col): warning DG2002: ...</c> see whole lines.
/// </summary>
internal static class DiagnosticLines
{
    /// <summary>Writes one diagnostic.</summary>
    public static void Write(IAnsiConsole console, Diagnostic d)
    {
        var line = d.ToString();
        if (!console.Profile.Out.IsTerminal)
        {
            // Spectre wraps at the profile width (80 when redirected); a diagnostic line must stay whole.
            console.Profile.Out.Writer.WriteLine(line);
            console.Profile.Out.Writer.Flush();
            return;
        }

        string color = d.Severity switch { Severity.Error => "red", Severity.Warning => "yellow", _ => "grey" };
        console.MarkupLine($"[{color}]{Markup.Escape(line)}[/]");
    }

    /// <summary>Writes plain text as one unwrapped line when redirected, or through the console on a terminal.</summary>
    public static void WritePlain(IAnsiConsole console, string line)
    {
        if (!console.Profile.Out.IsTerminal)
        {
            console.Profile.Out.Writer.WriteLine(line);
            console.Profile.Out.Writer.Flush();
            return;
        }

        console.WriteLine(line);
    }

    /// <summary>Writes a line as it is, never wrapped or styled (workflow commands must reach the runner whole).</summary>
    public static void WritePlainAlways(IAnsiConsole console, string line)
    {
        console.Profile.Out.Writer.WriteLine(line);
        console.Profile.Out.Writer.Flush();
    }
}
