namespace DataGate.Core.Rules;

/// <summary>How many of the judged images lack a usable value of a field; they stay in every total.</summary>
/// <param name="Field">Field name.</param>
/// <param name="Missing">Images with no label (or no metric) for the field.</param>
/// <param name="Invalid">Images whose value is not a declared category or falls outside every bin.</param>
public sealed record FieldCoverage(string Field, int Missing, int Invalid)
{
    /// <summary>Missing plus invalid.</summary>
    public int Unusable => Missing + Invalid;
}
