using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataGate.Cli.Commands;

/// <summary>Options of <c>datagate duplicates</c>.</summary>
public sealed class DuplicatesSettings : FolderSettings
{
    private static readonly string[] s_confirm = ["off", "dhash", "correlation", "both"];
    private static readonly string[] s_hashes = ["ahash", "phash", "dhash", "whash"];

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

    /// <summary>Near-duplicate method.</summary>
    [CommandOption("--method <METHOD>")]
    [Description("Near-duplicate method: hash, embedding (CNN embedding cosine; needs --model), both. Default: hash.")]
    [DefaultValue("hash")]
    public string Method { get; init; } = "hash";

    /// <summary>ONNX model of the embedding.</summary>
    [CommandOption("--model <FILE>")]
    [Description("--method embedding/both: the ONNX image model, e.g. ~/.nuget/packages/microsoft.ml.dnnimagefeaturizer.resnet18/0.23.1/tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx (ResNetPreprocess.onnx is looked for beside it, as the package lays them out).")]
    public string? Model { get; init; }

    /// <summary>Smallest cosine similarity.</summary>
    [CommandOption("--min-similarity <COSINE>")]
    [Description("--method embedding/both: smallest cosine similarity of a near pair, 0-1. Default: 0.965.")]
    [DefaultValue(0.965)]
    public double MinSimilarity { get; init; } = 0.965;

    /// <summary>No near search.</summary>
    [CommandOption("--exact-only")]
    [Description("Report exact duplicates (same pixels) only.")]
    public bool ExactOnly { get; init; }

    /// <summary>No progress bar.</summary>
    [CommandOption("--no-progress")]
    [Description(ProgressRunner.NoProgressDescription)]
    public bool NoProgress { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (base.Validate() is { Successful: false } folder)
        {
            return folder;
        }

        if (!s_confirm.Contains(Confirm, StringComparer.Ordinal))
        {
            return ValidationResult.Error($"--confirm must be one of {string.Join(", ", s_confirm)}, got '{Confirm}'");
        }

        if (!s_hashes.Contains(Hash, StringComparer.Ordinal))
        {
            return ValidationResult.Error($"--hash must be one of {string.Join(", ", s_hashes)}, got '{Hash}'");
        }

        if (Method is not ("hash" or "embedding" or "both"))
        {
            return ValidationResult.Error($"--method must be one of hash, embedding, both, got '{Method}'");
        }

        if (Method != "hash" && (Model is null || !File.Exists(Model)))
        {
            return ValidationResult.Error(Model is null ? $"--method {Method} needs --model FILE (the ONNX model is never downloaded; see docs/near-duplicates.md)" : $"--model: '{Model}' does not exist");
        }

        if (Method == "hash" && Model is not null)
        {
            return ValidationResult.Error("--model applies only to --method embedding or both");
        }

        if (MinSimilarity is < 0 or > 1)
        {
            return ValidationResult.Error($"--min-similarity must be 0-1, got {MinSimilarity.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return MaxDistance is < 0 or > 32 ? ValidationResult.Error($"--max-distance must be 0-32, got {MaxDistance}") : ValidationResult.Success();
    }
}
