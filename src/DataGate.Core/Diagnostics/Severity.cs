namespace DataGate.Core.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum Severity
{
    /// <summary>Informational; never affects the verdict.</summary>
    Info = 0,

    /// <summary>Something a user should look at; the gate still passes.</summary>
    Warning = 1,

    /// <summary>The gate fails (or, for configuration, nothing runs).</summary>
    Error = 2,
}
