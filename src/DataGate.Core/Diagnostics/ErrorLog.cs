using System.Globalization;
using System.Text;
using DataGate.Core.Reports;

namespace DataGate.Core.Diagnostics;

/// <summary>
/// The full text of unexpected exceptions (DG9001): type, message, stack and every inner exception, written to
/// <see cref="FileName"/> in the output folder so an internal error can be investigated. The console and the build
/// log show only the short message and where this file is.
/// </summary>
internal static class ErrorLog
{
    /// <summary>Name of the log file in the output folder.</summary>
    public const string FileName = "datagate-error.log";

    /// <summary>A DG9001 diagnostic for an exception: a short message, the full text in <see cref="Diagnostic.Details"/>.</summary>
    public static Diagnostic Internal(string what, Exception exception, string? imagePath = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return DiagnosticCodes.Internal.Create($"{what}: {exception.GetType().Name}: {exception.Message}", imagePath: imagePath) with { Details = exception.ToString() };
    }

    /// <summary>
    /// Writes every diagnostic that carries details to the log in <paramref name="directory"/> (replacing an older log)
    /// and returns its path; null when there is nothing to write or the folder cannot be written (the short messages
    /// still reach the user).
    /// </summary>
    public static string? Write(string? directory, IEnumerable<Diagnostic> diagnostics)
    {
        var detailed = diagnostics.Where(d => d.Details is not null).ToList();
        if (directory is null || detailed.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"DataGate {ProductVersion.Text ?? "?"}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}\n");
        text.Append("Please attach this file when you report the problem.\n");
        foreach (var d in detailed)
        {
            text.Append('\n').Append(d.ToString()).Append('\n').Append(d.Details).Append('\n');
        }

        try
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, FileName);
            File.WriteAllText(path, text.ToString());
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
