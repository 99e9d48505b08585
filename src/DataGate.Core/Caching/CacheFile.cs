using System.IO.Hashing;
using System.Text;

namespace DataGate.Core.Caching;

/// <summary>
/// The on-disk form of a cache: magic, format, analysis version, scope, entries, then an XxHash64 of everything
/// before it. A file that is short, fails the checksum or does not parse is corrupt; one of another format, version
/// or scope is merely stale.
/// </summary>
internal static class CacheFile
{
    private const uint Magic = 0x43414744; // "DGAC" little-endian
    private const int Format = 1;

    /// <summary>What reading found.</summary>
    public enum ReadStatus
    {
        /// <summary>No file.</summary>
        Missing,

        /// <summary>Entries loaded.</summary>
        Loaded,

        /// <summary>Written by another version or for other settings; ignored.</summary>
        Stale,

        /// <summary>Truncated, checksum mismatch or unparsable.</summary>
        Corrupt,
    }

    public static (ReadStatus Status, List<CacheEntry> Entries, string? Problem) Read(string path, string version, string scope)
    {
        byte[] data;
        try
        {
            if (!File.Exists(path))
            {
                return (ReadStatus.Missing, [], null);
            }

            data = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (ReadStatus.Corrupt, [], ex.Message);
        }

        if (data.Length < 12 || BitConverter.ToUInt64(data, data.Length - 8) != XxHash64.HashToUInt64(data.AsSpan(0, data.Length - 8)))
        {
            return (ReadStatus.Corrupt, [], "the file is incomplete or its checksum does not match");
        }

        try
        {
            using var r = new BinaryReader(new MemoryStream(data, 0, data.Length - 8, writable: false), Encoding.UTF8);
            if (r.ReadUInt32() != Magic)
            {
                return (ReadStatus.Corrupt, [], "not a DataGate analysis cache");
            }

            if (r.ReadInt32() != Format || r.ReadString() != version || r.ReadString() != scope)
            {
                return (ReadStatus.Stale, [], null);
            }

            int count = r.ReadInt32();
            if (count < 0)
            {
                return (ReadStatus.Corrupt, [], $"bad entry count {count}");
            }

            var entries = new List<CacheEntry>(Math.Min(count, 1 << 20));
            for (int i = 0; i < count; i++)
            {
                string rel = r.ReadString();
                var stamp = new FileStamp(r.ReadInt64(), r.ReadInt64());
                long stampedAt = r.ReadInt64();
                var hash = new UInt128(r.ReadUInt64(), r.ReadUInt64());
                int length = r.ReadInt32();
                if (length < 0 || length > data.Length)
                {
                    return (ReadStatus.Corrupt, [], $"bad record length {length}");
                }

                entries.Add(new CacheEntry(rel, stamp, stampedAt, hash, r.ReadBytes(length)));
            }

            return (ReadStatus.Loaded, entries, null);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            return (ReadStatus.Corrupt, [], ex.Message);
        }
    }

    /// <summary>Writes the whole file through a temporary sibling and a rename (see <see cref="Reports.AtomicFile"/>).</summary>
    public static void Write(string path, string version, string scope, IEnumerable<CacheEntry> entries)
    {
        Reports.AtomicFile.Write(path, stream =>
        {
            using var buffer = new MemoryStream(1 << 16);
            using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(Magic);
                w.Write(Format);
                w.Write(version);
                w.Write(scope);
                var list = entries.ToList();
                w.Write(list.Count);
                foreach (var e in list)
                {
                    w.Write(e.Path);
                    w.Write(e.Stamp.Size);
                    w.Write(e.Stamp.LastWriteUtcTicks);
                    w.Write(e.StampedAtUtcTicks);
                    w.Write((ulong)(e.ContentHash >> 64));
                    w.Write((ulong)e.ContentHash);
                    w.Write(e.Payload.Length);
                    w.Write(e.Payload);
                }
            }

            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            stream.Write(bytes);
            stream.Write(BitConverter.GetBytes(XxHash64.HashToUInt64(bytes)));
        });
    }
}
