namespace DataGate.MSBuild;

/// <summary>The value of <c>DataGateFailOn</c>: which findings fail the build.</summary>
public enum FailOn
{
    /// <summary>Error-severity findings are MSBuild errors, warnings are warnings (the default).</summary>
    Error = 0,

    /// <summary>Data warnings (DG2xxx, DG3xxx except DG3012) are MSBuild errors too: the strictest gate.</summary>
    Warning = 1,

    /// <summary>Data errors (DG2xxx, DG3xxx) are reported as warnings and never fail the build; DG1xxx and DG9xxx still do.</summary>
    None = 2,
}
