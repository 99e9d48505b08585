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

    /// <summary>
    /// Text: the row's duplicate group, <c>dup-N</c>, the same id as metrics.csv's <c>duplicate_group</c> (exact and near
    /// copies among the fitted rows); empty when the row has no duplicate or was not fitted.
    /// </summary>
    public const string DuplicateGroup = "DataGateDuplicateGroup";

    /// <summary>
    /// Text: the split (<c>train</c>, <c>val</c>, ...) the fitted gate assigned a kept row by the rule file's <c>splits:</c>
    /// section, as in <c>datagate check</c>'s train.csv/val.csv/test.csv; empty without <c>splits:</c>, for an excluded
    /// row, or for a row the gate was not fitted on.
    /// </summary>
    public const string Split = "DataGateSplit";

    /// <summary>Int32: the cross-validation fold (0..folds−1) of a row of the fold split (<c>splits: folds</c>); −1 otherwise.</summary>
    public const string Fold = "DataGateFold";

    /// <summary>Text: the stratification cell of a split row (values of <c>stratify_by</c> joined by <c> | </c>, as in report.json); empty when it has no split.</summary>
    public const string Stratum = "DataGateStratum";

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
    internal const string SplitKey = HelperPrefix + "SplitKey";
}
