namespace DataGate.Core.Caching;

/// <summary>One cached analysis: the file it was made from and the serialized record.</summary>
/// <param name="Path">Dataset-relative path, <c>/</c> separators.</param>
/// <param name="Stamp">Size and modification time of the file that was analysed.</param>
/// <param name="StampedAtUtcTicks">When the stamp was taken; a file modified within the racy window of it is re-hashed.</param>
/// <param name="ContentHash">XxHash128 of the file bytes.</param>
/// <param name="Payload">The record, serialized by <see cref="RecordCodec"/>.</param>
internal sealed record CacheEntry(string Path, FileStamp Stamp, long StampedAtUtcTicks, UInt128 ContentHash, byte[] Payload);
