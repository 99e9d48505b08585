using System.Reflection;

namespace DataGate.Core.Reports;

/// <summary>
/// DataGate's version as the reports state it (<c>MAJOR.MINOR.PATCH</c>). Read from the file version, which MinVer sets
/// to the release's version; the assembly version is only <c>MAJOR.0.0.0</c> (docs/packaging.md), so it cannot be used.
/// </summary>
internal static class ProductVersion
{
    public static string? Text { get; } = Read();

    private static string? Read()
    {
        var assembly = typeof(ProductVersion).Assembly;
        var file = assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version;
        return Version.TryParse(file, out var v) ? v.ToString(3) : assembly.GetName().Version?.ToString(3);
    }
}
