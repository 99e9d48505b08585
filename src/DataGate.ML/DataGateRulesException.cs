using DataGate.Core.Diagnostics;

namespace DataGate.ML;

/// <summary>
/// A rule file could not be used: every DG1xxx diagnostic of it, each with file, line and column; or, from
/// <c>Gate.Fit</c>, DG3019 at its <c>near:</c> when the embedding model it names cannot be loaded.
/// </summary>
public sealed class DataGateRulesException : Exception
{
    /// <summary>Creates the exception from the diagnostics of a rule file.</summary>
    /// <param name="diagnostics">The errors (at least one).</param>
    public DataGateRulesException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(diagnostics)) => Diagnostics = diagnostics;

    /// <summary>Creates an exception with a message and no diagnostics.</summary>
    public DataGateRulesException()
        : this([])
    {
    }

    /// <summary>Creates an exception with a message and no diagnostics.</summary>
    public DataGateRulesException(string message)
        : base(message) => Diagnostics = [];

    /// <summary>Creates an exception with a message, an inner exception and no diagnostics.</summary>
    public DataGateRulesException(string message, Exception innerException)
        : base(message, innerException) => Diagnostics = [];

    /// <summary>The diagnostics, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var lines = diagnostics.Select(d => d.Location is { } at ? $"{at}: {d.Code}: {d.Message}" : $"{d.Code}: {d.Message}");
        return $"the rule file has {diagnostics.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}
