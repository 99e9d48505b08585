namespace DataGate.Core.Sharding;

/// <summary>
/// A shard read for a rule file that asks for embeddings has none, or holds embeddings of another length: the reduce
/// reports DG3039 (not DG3035: the file is intact, it was analysed under another rule file).
/// </summary>
internal sealed class ShardEmbeddingException : IOException
{
    public ShardEmbeddingException(string message)
        : base(message)
    {
    }

    public ShardEmbeddingException()
    {
    }

    public ShardEmbeddingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
