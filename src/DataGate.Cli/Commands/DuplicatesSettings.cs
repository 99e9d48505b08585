using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>Options of <c>datagate duplicates</c>.</summary>
public sealed class DuplicatesSettings : CommandSettings
{
    private static readonly string[] s_confirm = ["off", "dhash", "correlation", "both"];
    private static readonly string[] s_hashes = ["ahash", "phash", "dhash", "whash"];

    /// <summary>Folder of images.</summary>
    [CommandArgument(0, "<DIR>")]
    [Description("Folder of images (searched recursively).")]
    public string Directory { get; init; } = string.Empty;

    /// <summary>CSV path.</summary>
    [CommandOption("-o|--out <FILE>")]
    [Description("CSV file to write (one row per group member, with the evidence). Default: duplicates.csv.")]
    [DefaultValue("duplicates.csv")]
    public string Out { get; init; } = "duplicates.csv";

    /// <summary>Hash of the near search.</summary>
    [CommandOption("--hash <HASH>")]
    [Description("Hash of the near-duplicate search: ahash, phash, dhash, whash. Default: phash.")]
    [DefaultValue("phash")]
    public string Hash { get; init; } = "phash";

    /// <summary>Hamming radius.</summary>
    [CommandOption("--max-distance <N>")]
    [Description("Largest hash distance of a candidate pair, 0-32. Default: 4.")]
    [DefaultValue(4)]
    public int MaxDistance { get; init; } = 4;

    /// <summary>Confirmation check.</summary>
    [CommandOption("--confirm <CHECK>")]
    [Description("Second check a candidate must pass: off, dhash, correlation, both. Default: both.")]
    [DefaultValue("both")]
    public string Confirm { get; init; } = "both";

    /// <summary>No mirror matching.</summary>
    [CommandOption("--no-mirror")]
    [Description("Do not match images against mirrored copies.")]
    public bool NoMirror { get; init; }

    /// <summary>No near search.</summary>
    [CommandOption("--exact-only")]
    [Description("Report exact duplicates (same pixels) only.")]
    public bool ExactOnly { get; init; }

    /// <summary>No progress bar.</summary>
    [CommandOption("--no-progress")]
    [Description("Do not show the progress bar.")]
    public bool NoProgress { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return ValidationResult.Error($"folder '{Directory}' does not exist");
        }

        if (!s_confirm.Contains(Confirm, StringComparer.Ordinal))
        {
            return ValidationResult.Error($"--confirm must be one of {string.Join(", ", s_confirm)}, got '{Confirm}'");
        }

        if (!s_hashes.Contains(Hash, StringComparer.Ordinal))
        {
            return ValidationResult.Error($"--hash must be one of {string.Join(", ", s_hashes)}, got '{Hash}'");
        }

        return MaxDistance is < 0 or > 32 ? ValidationResult.Error($"--max-distance must be 0-32, got {MaxDistance}") : ValidationResult.Success();
    }
}
