namespace DataGate.Core;

/// <summary>Process exit codes, a documented contract shared by the CLI and CI scripts.</summary>
public static class ExitCodes
{
    /// <summary>The gate passed.</summary>
    public const int Passed = 0;

    /// <summary>The gate failed: an error-severity finding.</summary>
    public const int GateFailed = 1;

    /// <summary>Usage or configuration error (DG1xxx): nothing was judged.</summary>
    public const int ConfigError = 2;

    /// <summary>Internal error (DG9xxx) or outputs could not be written.</summary>
    public const int InternalError = 3;
}
