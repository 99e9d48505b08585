using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>Options of <c>datagate analyze</c>.</summary>
public sealed class AnalyzeSettings : CommandSettings
{
    /// <summary>The plan folder.</summary>
    [CommandOption("--plan <DIR>")]
    [Description("Folder written by datagate plan.")]
    public string? Plan { get; init; }

    /// <summary>I/N or auto/N.</summary>
    [CommandOption("--shard <I/N>")]
    [Description("Shard to analyse: I/N (zero-based) or auto/N (index from JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN or AWS_BATCH_JOB_ARRAY_INDEX).")]
    public string? Shard { get; init; }

    /// <summary>The shard folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Folder for shard-NNNNN-of-NNNNN.parquet.")]
    public string? Out { get; init; }

    /// <summary>The rule file, when it is elsewhere on this machine than where the plan recorded it.</summary>
    [CommandOption("-c|--config <PATH>")]
    [Description("Rule file, when it is not at the path the plan recorded (it must be the same file: its SHA-256 is checked).")]
    public string? Config { get; init; }

    /// <summary>No progress bar.</summary>
    [CommandOption("--no-progress")]
    [Description(ProgressRunner.NoProgressDescription)]
    public bool NoProgress { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Plan) ? ValidationResult.Error("--plan needs the plan folder") :
        string.IsNullOrWhiteSpace(Shard) ? ValidationResult.Error("--shard needs I/N or auto/N") :
        string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out needs a folder") : ValidationResult.Success();
}
