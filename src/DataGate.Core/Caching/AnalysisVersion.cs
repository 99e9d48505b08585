using System.IO.Hashing;
using System.Text;
using DataGate.Core.Analysis;

namespace DataGate.Core.Caching;

/// <summary>
/// The version of every per-image metric definition, as stored in the analysis cache. A cache written under another
/// version is ignored (re-analysed), never reused.
/// </summary>
internal static class AnalysisVersion
{
    /// <summary>
    /// Bump when the definition of an existing metric, hash or decoding rule changes without a change to the
    /// catalog's names (adding a metric or text column already changes <see cref="Current"/>).
    /// </summary>
    public const int Revision = 3; // 2: mirrored pHash/dHash and the confirmation thumbnail are stored; 3: the embedding

    /// <summary>
    /// The version string: <see cref="Revision"/>, a hash of <see cref="MetricCatalog.All"/> names, families (the
    /// opt-in <c>eda</c> family included) and
    /// <see cref="TextColumns.All"/>, the record layout the cache stores, and the Core assembly's module version id
    /// (so a rebuilt engine with different code never trusts an older cache).
    /// </summary>
    public static string Current { get; } = Compute();

    private static string Compute()
    {
        var text = new StringBuilder();
        text.Append(Revision).Append('|');
        foreach (var m in MetricCatalog.All)
        {
            text.Append(m.Name).Append(':').Append(m.Family).Append(m.IsOptIn ? ":opt-in" : string.Empty).Append(',');
        }

        text.Append('|');
        foreach (var t in TextColumns.All)
        {
            text.Append(t).Append(',');
        }

        text.Append('|').Append(string.Join(",", RecordCodec.StoredProperties));
        text.Append('|').Append(typeof(AnalysisVersion).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(text.ToString()));
        return $"{Revision}-{hash:x16}";
    }
}
