namespace DataGate.Core.Config;

/// <summary>Safety limits for decoding (<c>limits:</c>).</summary>
public sealed class LimitSettings
{
    /// <summary>Largest width × height decoded; default 64,000,000.</summary>
    public long MaxPixels { get; init; } = 64_000_000;

    /// <summary>Decode memory budget per image in MiB; default 1024.</summary>
    public long MaxDecodeMemoryMb { get; init; } = 1024;

    /// <summary>Largest file read in MiB; default 512.</summary>
    public long MaxFileMb { get; init; } = 512;
}
