namespace DataGate.Core.Caching;

/// <summary>What the file system says about a file: its size and last write time.</summary>
/// <param name="Size">Length in bytes.</param>
/// <param name="LastWriteUtcTicks">Last write time, UTC ticks (100 ns).</param>
internal readonly record struct FileStamp(long Size, long LastWriteUtcTicks)
{
    /// <summary>Reads the stamp of a file, or null when it cannot be read.</summary>
    public static FileStamp? Of(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
