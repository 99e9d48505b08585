using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Duplicates;

namespace DataGate.Core.Rules;

/// <summary>
/// The rules of a <c>datagate.yml</c>, usable without a dataset folder: <see cref="Fit"/> over measured rows gives an
/// immutable <see cref="FittedGate"/> (relative bounds, odd-size band, duplicate groups, balance and parity tables),
/// whose <see cref="FittedGate.Apply"/> judges rows. <see cref="Check"/> is fit + apply on the same rows.
/// Immutable and thread-safe.
/// </summary>
public sealed class RuleSet
{
    private RuleSet(GateConfig config) => Config = config;

    /// <summary>No rules, the default duplicate policy (what <c>datagate metrics</c> uses to group duplicates).</summary>
    public static RuleSet Default { get; } = new(new GateConfig { Dataset = DatasetSettings.None });

    /// <summary>The validated configuration.</summary>
    public GateConfig Config { get; }

    /// <summary>
    /// The metrics the rules read: quality and parity metrics, the hashes duplicate search compares, the header facts
    /// (odd size, keep policy), BRISQUE when a keep policy ranks by it, and the metrics behind derived fields.
    /// Measuring with this selection is enough to fit and apply the rule set.
    /// </summary>
    public MetricSelection RequiredMetrics => RequiredMetricsOf(Config);

    /// <summary>Wraps a configuration (from <see cref="ConfigLoader"/> or built in code).</summary>
    public static RuleSet FromConfig(GateConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new RuleSet(config);
    }

    /// <summary>
    /// Loads a rule file; <c>dataset:</c> is optional here (rows come from the host). Every problem of the file is a
    /// DG1xxx diagnostic with line and column.
    /// </summary>
    /// <param name="path">Path of datagate.yml; diagnostics name it as given.</param>
    /// <returns>The rule set, or null with the diagnostics that explain why.</returns>
    public static (RuleSet? RuleSet, IReadOnlyList<Diagnostic> Diagnostics) Load(string path)
    {
        var load = ConfigLoader.Load(path, requireDataset: false);
        return (load.Config is null ? null : new RuleSet(load.Config), load.Diagnostics);
    }

    /// <summary>Fits the dataset-level state over rows.</summary>
    /// <param name="rows">Measured rows (e.g. from <see cref="ImageMeasurer"/>); not written.</param>
    /// <param name="maxDegreeOfParallelism">Threads of the duplicate search; 0 means one per core.</param>
    /// <param name="cancellationToken">Stops the fit between stages and rules.</param>
    public FittedGate Fit(IReadOnlyList<ImageRecord> rows, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var fences = DatasetMetrics.Fit(rows);
        var measured = DatasetMetrics.Apply(rows, fences, Config.CleanVision);
        var bounds = GateEvaluator.ResolveBounds(Config, measured, cancellationToken);
        var duplicates = FindDuplicates(measured, maxDegreeOfParallelism, cancellationToken);
        var evaluation = GateEvaluator.EvaluateRows(Config, measured, bounds, duplicates, cancellationToken);
        var kept = evaluation.Kept();
        cancellationToken.ThrowIfCancellationRequested();
        var balance = BalanceEvaluator.EvaluateAll(Config, kept);
        cancellationToken.ThrowIfCancellationRequested();
        var parity = ParityEvaluator.EvaluateAll(Config, kept);

        cancellationToken.ThrowIfCancellationRequested();
        var splits = Splits.SplitFitting.Fit(Config, kept, evaluation.Duplicates);
        return new FittedGate(this, rows, fences, bounds, evaluation, balance, parity, splits);
    }

    /// <summary>Fits over the rows and applies to the same rows: the verdict of <c>datagate check</c>.</summary>
    /// <param name="rows">Measured rows; not written.</param>
    /// <param name="diagnostics">Diagnostics of how the rows were gathered (scan, labels), reported first; null for none.</param>
    /// <param name="maxDegreeOfParallelism">Threads of the duplicate search; 0 means one per core.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public GateResult Check(IReadOnlyList<ImageRecord> rows, IReadOnlyList<Diagnostic>? diagnostics = null, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
        => Fit(rows, maxDegreeOfParallelism, cancellationToken).Apply(rows, diagnostics, maxDegreeOfParallelism, cancellationToken);

    internal DuplicateReport FindDuplicates(IReadOnlyList<ImageRecord> rows, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var fields = Config.Fields.Count > 0 ? Config.Fields.Select(f => f.Name).ToList() : null;
        return DuplicateFinder.Find(rows, Config.Duplicates, fields, maxDegreeOfParallelism, cancellationToken);
    }

    private static MetricSelection RequiredMetricsOf(GateConfig config)
    {
        var names = new List<string> { MetricFamilies.Header, MetricFamilies.Dataset };
        names.AddRange(config.Quality.Select(q => q.Metric));
        names.AddRange(config.Parity.Select(p => p.Metric));
        var dup = config.Duplicates;
        if (dup.Exact is not null || dup.Near is not null)
        {
            names.Add(MetricFamilies.Hashes);
        }

        if (dup.Exact?.Keep == KeepPolicy.BestQuality || dup.Near?.Keep == KeepPolicy.BestQuality)
        {
            names.Add(MetricCatalog.Brisque.Name);
        }

        var categoryFields = config.Balance.SelectMany(b => b.Fields).Concat(config.Parity.Select(p => p.Across));
        foreach (var field in categoryFields)
        {
            if (field == TextColumns.SkinTone)
            {
                names.Add(TextColumns.SkinTone);
                names.Add(MetricCatalog.SkinToneIta.Name);
            }
            else if (field == Labels.DerivedFields.LuminanceBin)
            {
                names.Add(MetricCatalog.LuminanceMean.Name);
            }
        }

        return MetricSelection.Of(names.Distinct(StringComparer.Ordinal));
    }
}
