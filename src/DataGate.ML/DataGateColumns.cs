namespace DataGate.ML;

/// <summary>Names of the columns the DataGate transforms add (metric columns are named as in <c>datagate metrics</c>).</summary>
public static class DataGateColumns
{
    /// <summary>Text: why the image could not be measured (<c>DG3xxx: message</c>); empty when it was.</summary>
    public const string Error = "DataGateError";

    /// <summary>Boolean: true when the row passes the quality and duplicate rules (and its image could be measured).</summary>
    public const string Kept = "DataGateKept";

    /// <summary>Text: the ids of the rules that excluded the row, comma-separated, or the error code of an unmeasured image; empty when kept.</summary>
    public const string Reason = "DataGateReason";

    /// <summary>The measured image record (a DataGate-specific column type) that <c>Gate</c> reads; not a training feature.</summary>
    public const string Record = "DataGateRecord";

    /// <summary>Internal helper columns start with this prefix and are dropped at the end of each DataGate transform.</summary>
    internal const string HelperPrefix = "DataGate.";

    internal const string StateKey = HelperPrefix + "StateKey";
    internal const string MetricsState = HelperPrefix + "MetricsState";
    internal const string GateState = HelperPrefix + "GateState";
    internal const string ImagePath = HelperPrefix + "ImagePath";
    internal const string Image = HelperPrefix + "Image";
    internal const string ImageName = HelperPrefix + "ImageName";
}
