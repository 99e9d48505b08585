using DataGate.Core.Diagnostics;
using DataGate.Core.Imaging;
using Spectre.Console;

namespace DataGate.Cli.Commands;

/// <summary><c>--decode-engine NAME</c>, shared by the commands that decode images.</summary>
internal static class DecodeEngineOption
{
    /// <summary>The option's help text.</summary>
    public const string Description = "JPEG decoder: libjpeg-turbo (Pillow's pixels) or imagesharp. Overrides decode.engine in datagate.yml. Default: the rule file's, else libjpeg-turbo.";

    /// <summary>Success for null or a known name; DG1026 with the names (and the nearest) otherwise.</summary>
    public static ValidationResult Validate(string? name)
    {
        if (name is null || DecodeEngineNames.TryParse(name, out _))
        {
            return ValidationResult.Success();
        }

        var near = DecodeEngineNames.All.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase) || n.Replace("-", string.Empty, StringComparison.Ordinal).Equals(name.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        return ValidationResult.Error($"{DiagnosticCodes.UnknownDecodeEngine.Code}: --decode-engine must be one of {string.Join(", ", DecodeEngineNames.All)}, got '{name}'" + (near is null ? string.Empty : $"; did you mean '{near}'?"));
    }

    /// <summary>The engine named (already validated), or null to keep the rule file's choice.</summary>
    public static DecodeEngine? Parse(string? name) => name is not null && DecodeEngineNames.TryParse(name, out var engine) ? engine : null;
}
