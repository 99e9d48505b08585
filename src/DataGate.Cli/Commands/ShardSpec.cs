using System.Globalization;

namespace DataGate.Cli.Commands;

/// <summary>
/// A <c>--shard</c> value: <c>I/N</c> (zero-based index I of N shards) or <c>auto/N</c>, where the index comes from the
/// batch system's environment: <c>JOB_COMPLETION_INDEX</c> (Kubernetes Indexed Job), <c>SLURM_ARRAY_TASK_ID</c> minus
/// <c>SLURM_ARRAY_TASK_MIN</c> (Slurm job array), <c>AWS_BATCH_JOB_ARRAY_INDEX</c> (AWS Batch array job).
/// </summary>
internal static class ShardSpec
{
    /// <summary>The environment variables <c>auto</c> reads, in the order they are reported.</summary>
    public static IReadOnlyList<string> Variables { get; } = ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "AWS_BATCH_JOB_ARRAY_INDEX"];

    /// <summary>Parses the value; the error is a sentence for a DG1040 diagnostic.</summary>
    /// <param name="text">The option's value.</param>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    public static (int Index, int Count, string? Error) Parse(string? text, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var parts = (text ?? string.Empty).Split('/');
        if (parts.Length != 2 || !TryNumber(parts[1], out int count) || count < 1)
        {
            return (0, 0, $"--shard must be I/N or auto/N with N ≥ 1, got '{text}'");
        }

        if (parts[0] != "auto")
        {
            return !TryNumber(parts[0], out int index) ? (0, 0, $"--shard index must be a whole number or 'auto', got '{parts[0]}'")
                : index >= count ? (0, 0, $"--shard {text}: the index is zero-based, so it must be below {count}")
                : (index, count, null);
        }

        var found = new List<(string Name, int Index)>();
        foreach (var name in Variables)
        {
            var value = environment(name);
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!TryNumber(value, out int v))
            {
                return (0, 0, $"--shard auto: {name}='{value}' is not a whole number");
            }

            if (name == "SLURM_ARRAY_TASK_ID")
            {
                var min = environment("SLURM_ARRAY_TASK_MIN");
                if (!string.IsNullOrEmpty(min))
                {
                    if (!TryNumber(min, out int m) || m > v)
                    {
                        return (0, 0, $"--shard auto: SLURM_ARRAY_TASK_MIN='{min}' is not a whole number at most SLURM_ARRAY_TASK_ID");
                    }

                    v -= m;
                }
            }

            found.Add((name, v));
        }

        if (found.Count == 0)
        {
            return (0, 0, $"--shard auto/{count}: none of {string.Join(", ", Variables)} is set; pass --shard I/{count}");
        }

        if (found.Any(f => f.Index != found[0].Index))
        {
            return (0, 0, $"--shard auto: the environment disagrees ({string.Join(", ", found.Select(f => $"{f.Name} gives {f.Index}"))})");
        }

        return found[0].Index < count ? (found[0].Index, count, null) : (0, 0, $"--shard auto/{count}: {found[0].Name} gives index {found[0].Index}, outside 0–{count - 1}");
    }

    private static bool TryNumber(string text, out int value) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
