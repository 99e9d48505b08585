namespace DataGate.Core.Reports;

/// <summary>What a written output file is, so hosts find it by kind rather than by file name.</summary>
public enum ReportFileKind
{
    /// <summary><c>report.json</c>: the machine-readable report (docs/report-json.md).</summary>
    Report,

    /// <summary><c>summary.md</c>: the report for a person.</summary>
    Summary,

    /// <summary><c>metrics.csv</c>: every metric of every image.</summary>
    Metrics,

    /// <summary><c>kept.csv</c>: the filtered manifest of the kept images.</summary>
    KeptManifest,

    /// <summary>A split manifest (one per split).</summary>
    Split,

    /// <summary>Any other report format.</summary>
    Other,
}
