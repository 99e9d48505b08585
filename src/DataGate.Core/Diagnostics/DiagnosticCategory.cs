namespace DataGate.Core.Diagnostics;

/// <summary>What a diagnostic code is about; decides exit codes and how hosts map severities.</summary>
public enum DiagnosticCategory
{
    /// <summary>DG1xxx: the rule file or another setting; nothing was judged.</summary>
    Configuration,

    /// <summary>DG2xxx: a data rule's finding about the dataset.</summary>
    Data,

    /// <summary>DG3xxx: reading or decoding an input image or manifest.</summary>
    Input,

    /// <summary>DG3011, DG3012: writing an output or using the cache (the host's own I/O, not the data).</summary>
    Output,

    /// <summary>DG9xxx: an internal error or cancellation.</summary>
    Internal,
}
