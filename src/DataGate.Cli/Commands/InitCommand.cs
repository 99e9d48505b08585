using DataGate.Cli.Rendering;
using DataGate.Core;
using DataGate.Core.Diagnostics;
using DataGate.Core.Init;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary><c>datagate init [DIR]</c>: writes a starting datagate.yml proposed from the dataset itself.</summary>
public sealed class InitCommand : Command<InitSettings>
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to the given console.</summary>
    public InitCommand(IAnsiConsole console) => _console = console;

    /// <inheritdoc />
    public override int Execute(CommandContext context, InitSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (File.Exists(settings.Config) && !settings.Force)
        {
            DiagnosticLines.Write(_console, DiagnosticCodes.InitWouldOverwrite.Create($"'{settings.Config}' exists; datagate init does not overwrite it (use --force)", new SourceSpan(settings.Config, 0, 0)));
            return ExitCodes.ConfigError;
        }

        var (yaml, diagnostics) = RuleFileProposer.Propose(settings.Directory, settings.Config, cancellationToken);
        foreach (var d in diagnostics)
        {
            DiagnosticLines.Write(_console, d);
        }

        if (yaml is null)
        {
            return ExitCodes.ConfigError;
        }

        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(settings.Config)) is { } parent)
            {
                System.IO.Directory.CreateDirectory(parent);
            }

            File.WriteAllText(settings.Config, yaml);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            DiagnosticLines.Write(_console, DiagnosticCodes.WriteFailed.Create($"cannot write '{settings.Config}': {ex.Message}"));
            return ExitCodes.InternalError;
        }

        DiagnosticLines.WritePlain(_console, $"wrote {settings.Config}: review it, then run `datagate check --config {settings.Config}`");
        return ExitCodes.Passed;
    }
}
