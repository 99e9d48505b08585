using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>Options of <c>datagate stats</c>.</summary>
public sealed class StatsSettings : RuleFileSettings
{
    /// <summary>Lines of the cue scan to print.</summary>
    [CommandOption("--top <N>")]
    [Description("Lines of the ranked metric-cue scan to print (1-1000). Default: 15.")]
    [DefaultValue(15)]
    public int Top { get; init; } = 15;

    /// <summary>Print metric summaries by every category field, not only the declared ones.</summary>
    [CommandOption("--all")]
    [Description("Also print image-metric summaries by bin and derived fields (age_bin, skin_tone, luminance_bin).")]
    public bool All { get; init; }

    /// <summary>No progress bar.</summary>
    [CommandOption("--no-progress")]
    [Description(ProgressRunner.NoProgressDescription)]
    public bool NoProgress { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        base.Validate() is { Successful: false } config ? config :
        Top is < 1 or > 1000 ? ValidationResult.Error("--top must be between 1 and 1000") : ValidationResult.Success();
}
