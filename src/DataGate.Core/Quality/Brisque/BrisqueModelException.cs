namespace DataGate.Core.Quality.Brisque;

/// <summary>A BRISQUE model or range file is missing, unreadable or not in the expected OpenCV format.</summary>
public sealed class BrisqueModelException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public BrisqueModelException()
    {
    }

    /// <summary>Creates an exception with a message naming the file and the problem.</summary>
    /// <param name="message">What is wrong, including the file (and line when known).</param>
    public BrisqueModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping the I/O or parse error that caused it.</summary>
    /// <param name="message">What is wrong, including the file.</param>
    /// <param name="innerException">The underlying error.</param>
    public BrisqueModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
