namespace DataGate.Core.Scanning;

/// <summary>A file selected by the include/exclude globs.</summary>
/// <param name="RelativePath">Path relative to the dataset root with <c>/</c> separators.</param>
/// <param name="FullPath">Absolute path to read.</param>
public sealed record ScannedFile(string RelativePath, string FullPath);
