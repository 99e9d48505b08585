using DataGate.Core.Diagnostics;

namespace DataGate.Core.Config;

/// <summary>A loaded rule file, or the reasons it could not be loaded.</summary>
/// <param name="Config">The validated configuration; null when <paramref name="Diagnostics"/> holds an error.</param>
/// <param name="Diagnostics">Every problem found, each with file, line and column.</param>
public sealed record ConfigLoadResult(GateConfig? Config, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the configuration can be used.</summary>
    public bool Succeeded => Config is not null;
}
