namespace DataGate.Core.Rules;

/// <summary>Every input accounted for: <c>Kept + Excluded + Errored = Total</c>.</summary>
/// <param name="Total">Files that matched the include/exclude globs.</param>
/// <param name="Kept">Analysed and not excluded: these go into kept.csv.</param>
/// <param name="Excluded">Analysed but excluded by a rule.</param>
/// <param name="Errored">Could not be analysed (unreadable, corrupt, refused).</param>
public sealed record GateCounts(int Total, int Kept, int Excluded, int Errored)
{
    /// <summary>Analysed files (kept + excluded).</summary>
    public int Analysed => Kept + Excluded;
}
