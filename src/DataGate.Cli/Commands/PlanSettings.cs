using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>Options of <c>datagate plan</c>.</summary>
public sealed class PlanSettings : RuleFileSettings
{
    /// <summary>Number of shards.</summary>
    [CommandOption("--shards <N>")]
    [Description("Number of shards (1–99999).")]
    public int Shards { get; init; }

    /// <summary>The plan folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Folder for plan.json and the input lists.")]
    public string? Out { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        base.Validate() is { Successful: false } config ? config :
        Shards < 1 ? ValidationResult.Error("--shards needs a number of shards ≥ 1") :
        string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out needs a folder") : ValidationResult.Success();
}
