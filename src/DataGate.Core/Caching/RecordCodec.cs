using System.Text;
using DataGate.Core.Analysis;
using DataGate.Core.Diagnostics;
using DataGate.Core.Imaging;

namespace DataGate.Core.Caching;

/// <summary>
/// Serializes what the analysis of one file produced: every <see cref="ImageRecord"/> property except its path
/// (the cache key) and labels (re-attached on every run, so editing a label never needs a decode), plus the internal
/// confirmation thumbnail and, when <c>method: embedding</c> asked for it, the embedding.
/// </summary>
internal static class RecordCodec
{
    /// <summary>The <see cref="ImageRecord"/> properties stored; a test fails when the record gains one not listed here.</summary>
    public static IReadOnlyList<string> StoredProperties { get; } =
        [nameof(ImageRecord.Values), nameof(ImageRecord.Texts), nameof(ImageRecord.HashBits), nameof(ImageRecord.Facts), nameof(ImageRecord.Error), nameof(ImageRecord.Notes)];

    /// <summary>Properties deliberately not stored (the key, the labels, and values computed from the others).</summary>
    public static IReadOnlyList<string> NotStoredProperties { get; } =
        [nameof(ImageRecord.Path), nameof(ImageRecord.Labels), nameof(ImageRecord.IsAnalysed), "Item"];

    public static byte[] Encode(ImageRecord record)
    {
        using var buffer = new MemoryStream(512);
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(record.ValueSlots.Length);
            foreach (var v in record.Values)
            {
                w.Write(v);
            }

            w.Write(record.Texts.Count);
            foreach (var (key, value) in record.Texts)
            {
                w.Write(key);
                w.Write(value);
            }

            w.Write(record.HashBits.Count);
            foreach (var (key, value) in record.HashBits)
            {
                w.Write(key);
                w.Write(value);
            }

            var thumbnail = record.Thumbnail ?? [];
            w.Write(thumbnail.Length);
            w.Write(thumbnail);
            var embedding = record.Embedding ?? [];
            w.Write(embedding.Length);
            foreach (float v in embedding)
            {
                w.Write(v);
            }

            WriteFacts(w, record.Facts);
            WriteDiagnostic(w, record.Error);
            w.Write(record.Notes.Count);
            foreach (var note in record.Notes)
            {
                WriteDiagnostic(w, note);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Rebuilds a record; throws <see cref="InvalidDataException"/> (or an end-of-stream error) on a malformed payload.</summary>
    public static ImageRecord Decode(string path, byte[] payload)
    {
        var record = new ImageRecord(path);
        using var r = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        int count = r.ReadInt32();
        if (count != record.ValueSlots.Length)
        {
            throw new InvalidDataException($"metric count {count}, expected {record.ValueSlots.Length}");
        }

        for (int i = 0; i < count; i++)
        {
            record.ValueSlots[i] = r.ReadDouble();
        }

        count = ReadCount(r);
        for (int i = 0; i < count; i++)
        {
            record.TextSlots[r.ReadString()] = r.ReadString();
        }

        count = ReadCount(r);
        for (int i = 0; i < count; i++)
        {
            record.HashSlots[r.ReadString()] = r.ReadUInt64();
        }

        count = r.ReadInt32();
        if (count is not (0 or (Hashing.PerceptualHash.ThumbnailSide * Hashing.PerceptualHash.ThumbnailSide)))
        {
            throw new InvalidDataException($"bad thumbnail length {count}");
        }

        record.Thumbnail = count == 0 ? null : r.ReadBytes(count);
        if (record.Thumbnail is { Length: var got } && got != count)
        {
            throw new InvalidDataException("truncated thumbnail");
        }

        count = r.ReadInt32();
        if (count is not (0 or Embeddings.ImageEmbedder.Dimensions))
        {
            throw new InvalidDataException($"bad embedding length {count}");
        }

        if (count > 0)
        {
            var embedding = new float[count];
            for (int i = 0; i < count; i++)
            {
                embedding[i] = r.ReadSingle();
            }

            record.Embedding = embedding;
        }

        record.Facts = ReadFacts(r);
        record.Error = ReadDiagnostic(r);
        count = ReadCount(r);
        for (int i = 0; i < count; i++)
        {
            record.NoteSlots.Add(ReadDiagnostic(r) ?? throw new InvalidDataException("null note"));
        }

        if (r.BaseStream.Position != payload.Length)
        {
            throw new InvalidDataException("trailing bytes in a cached record");
        }

        return record;
    }

    private static int ReadCount(BinaryReader r)
    {
        int count = r.ReadInt32();
        return count is >= 0 and <= 1 << 20 ? count : throw new InvalidDataException($"bad count {count}");
    }

    private static void WriteFacts(BinaryWriter w, ImageFacts? facts)
    {
        w.Write(facts is not null);
        if (facts is null)
        {
            return;
        }

        w.Write(facts.Format);
        w.Write(facts.Width);
        w.Write(facts.Height);
        w.Write(facts.Channels);
        w.Write(facts.Mode);
        w.Write(facts.FileSize);
        w.Write(facts.ExifOrientation);
        w.Write(facts.FrameCount);
    }

    private static ImageFacts? ReadFacts(BinaryReader r) => !r.ReadBoolean() ? null : new ImageFacts
    {
        Format = r.ReadString(),
        Width = r.ReadInt32(),
        Height = r.ReadInt32(),
        Channels = r.ReadInt32(),
        Mode = r.ReadString(),
        FileSize = r.ReadInt64(),
        ExifOrientation = r.ReadInt32(),
        FrameCount = r.ReadInt32(),
    };

    private static void WriteDiagnostic(BinaryWriter w, Diagnostic? d)
    {
        w.Write(d is not null);
        if (d is null)
        {
            return;
        }

        w.Write(d.Code);
        w.Write((byte)d.Severity);
        w.Write(d.Message);
        w.Write(d.Location is not null);
        if (d.Location is { } at)
        {
            w.Write(at.File);
            w.Write(at.Line);
            w.Write(at.Column);
        }

        WriteOptional(w, d.ImagePath);
        WriteOptional(w, d.RuleId);
    }

    private static Diagnostic? ReadDiagnostic(BinaryReader r)
    {
        if (!r.ReadBoolean())
        {
            return null;
        }

        string code = r.ReadString();
        byte severity = r.ReadByte();
        if (severity > (byte)Severity.Error)
        {
            throw new InvalidDataException($"bad severity {severity}");
        }

        string message = r.ReadString();
        SourceSpan? location = r.ReadBoolean() ? new SourceSpan(r.ReadString(), r.ReadInt32(), r.ReadInt32()) : null;
        return new Diagnostic(code, (Severity)severity, message, location, ReadOptional(r), ReadOptional(r));
    }

    private static void WriteOptional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
