namespace DataGate.Core.Imaging;

/// <summary>How images are decoded: the limits that protect the process from hostile images and the JPEG engine. Immutable; validated on construction.</summary>
public sealed class DecodeOptions
{
    /// <summary>The defaults: 64 megapixels, 1 GiB decode budget, 512 MiB files.</summary>
    public static DecodeOptions Default { get; } = new();

    /// <summary>Creates limits.</summary>
    /// <param name="maxPixels">Largest width × height accepted (declared in the header), ≥ 1.</param>
    /// <param name="maxDecodeMemoryBytes">Total bytes the decoder may allocate for one image, ≥ 1 MiB.</param>
    /// <param name="maxFileBytes">Largest file read, ≥ 1.</param>
    public DecodeOptions(long maxPixels = 64_000_000, long maxDecodeMemoryBytes = 1L << 30, long maxFileBytes = 512L << 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPixels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDecodeMemoryBytes, 1L << 20);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFileBytes, 1);
        MaxPixels = maxPixels;
        MaxDecodeMemoryBytes = maxDecodeMemoryBytes;
        MaxFileBytes = maxFileBytes;
    }

    /// <summary>Largest width × height accepted.</summary>
    public long MaxPixels { get; }

    /// <summary>Total bytes the decoder may allocate for one image.</summary>
    public long MaxDecodeMemoryBytes { get; }

    /// <summary>Largest file size read.</summary>
    public long MaxFileBytes { get; }

    /// <summary>The decoder of JPEG files; <see cref="DecodeEngineNames.Default"/> unless set.</summary>
    public DecodeEngine Engine
    {
        get => _engine;
        init => _engine = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "unknown decode engine");
    }

    private readonly DecodeEngine _engine = DecodeEngineNames.Default;
}
