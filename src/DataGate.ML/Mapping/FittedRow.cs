using System.Text.Json.Nodes;

namespace DataGate.ML.Mapping;

/// <summary>
/// What <c>Gate.Fit</c> learned about one fitted row, saved with the model: the verdict (reason, empty when kept), the
/// duplicate group (<c>dup-N</c> as in metrics.csv's <c>duplicate_group</c>, empty when none) and, when the rules have
/// <c>splits:</c> and the row was kept, its split, fold (−1 for none) and stratification cell.
/// </summary>
internal sealed record FittedRow(string Reason, string DuplicateGroup, string Split, int Fold, string Stratum)
{
    public bool Kept => Reason.Length == 0;

    /// <summary>A row that was not fitted: its own verdict, no group, no split.</summary>
    public static FittedRow Unfitted(string reason) => new(reason, string.Empty, string.Empty, -1, string.Empty);

    /// <summary>Compact form: <c>[reason, group, split, fold, stratum]</c>.</summary>
    public JsonArray ToJson() => [JsonValue.Create(Reason), JsonValue.Create(DuplicateGroup), JsonValue.Create(Split), JsonValue.Create(Fold), JsonValue.Create(Stratum)];

    public static FittedRow FromJson(JsonArray a)
        => a.Count == 5
            ? new(a[0]!.GetValue<string>(), a[1]!.GetValue<string>(), a[2]!.GetValue<string>(), a[3]!.GetValue<int>(), a[4]!.GetValue<string>())
            : throw new InvalidOperationException($"a fitted row has {a.Count} fields, not 5");
}
