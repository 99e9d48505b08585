using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Labels;
using DataGate.Core.Rules;
using DataGate.Core.Splits;
using DataGate.ML.Mapping;
using GateSettings = DataGate.ML.Mapping.GateSettings;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataGate.ML;

/// <summary>
/// Gates rows with the rules of a <c>datagate.yml</c> (<c>Gate</c>). <see cref="Fit"/> reads every row once and fits
/// the dataset-level state as <c>datagate check</c> does (<c>RuleSet.Fit</c>: percentile/IQR bounds, odd-size band,
/// duplicate groups and keep policy, label conflicts, balance and parity over the kept rows); the transformer adds
/// <see cref="DataGateColumns.Kept"/> and <see cref="DataGateColumns.Reason"/>. Reads <see cref="DataGateColumns.Record"/>
/// (from <c>ComputeImageMetrics</c>) and, for each field the rules declare, a label column of the same name
/// (case-insensitive) when the input has one; otherwise the rule file's own label source (file name or folder pattern).
/// </summary>
public sealed class GateEstimator : IEstimator<GateTransformer>
{
    private readonly TransformsCatalog _catalog;
    private readonly DataGateRules _rules;

    internal GateEstimator(TransformsCatalog catalog, DataGateRules rules)
    {
        _catalog = catalog;
        _rules = rules;
    }

    /// <summary>Reads every row, fits the rules and returns the transformer.</summary>
    /// <param name="input">Rows with <see cref="DataGateColumns.Record"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type (DG1036), or a rule's metric was not computed (DG1037).</exception>
    /// <exception cref="DataGateRulesException">The rules ask for <c>near: { method: embedding | both }</c> and the model or ONNX Runtime cannot be loaded (DG3019, at the rule file's <c>near:</c>).</exception>
    public GateTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var labelColumns = CheckSchema(input.Schema);
        var config = _rules.RuleSet.Config;
        // near: { method: embedding | both }: the model is loaded for this fit only (as datagate check loads it per
        // run) and disposed after it; the rows are embedded here, the one place that uses embeddings.
        using var embedder = LoadEmbedder(config);
        var (records, labels) = Read(input, labelColumns, embedder is null ? null : new EmbeddingSources.Run(embedder));
        CheckMetrics(records, nameof(input));

        var (labelled, labelDiagnostics) = labelColumns.Count > 0
            ? LabelResolver.ResolveGiven(config, records, labels)
            : LabelResolver.Resolve(config, records);
        var (derived, _) = DerivedFields.Derive(config, labelled);
        var gate = _rules.RuleSet.Fit(derived);
        var result = gate.Apply(derived, labelDiagnostics);

        var settings = new GateSettings(_rules, gate, FittedRows(config, records, gate, result), result.Counts, result.Findings);
        var chain = Chain(settings.Write()).Fit(input);
        return new GateTransformer(chain, gate, result, settings);
    }

    /// <summary>The input schema plus the verdict columns; throws when a needed column is missing or of the wrong type.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var (type, actual) = ColumnCheck.Find(inputSchema, DataGateColumns.Record);
        if (type is not ImageRecordDataViewType)
        {
            throw ColumnCheck.Mismatch(DataGateColumns.Record, $"{ImageRecordDataViewType.Instance} (add ComputeImageMetrics before Gate)", actual);
        }

        foreach (var field in _rules.RuleSet.Config.Fields)
        {
            var column = inputSchema.FirstOrDefault(c => string.Equals(c.Name, field.Name, StringComparison.OrdinalIgnoreCase));
            if (column.Name is not null && (column.Kind != SchemaShape.Column.VectorKind.Scalar || !LabelColumns.IsLabelType(column.ItemType)))
            {
                throw ColumnCheck.Mismatch(column.Name, "a scalar String, number or Boolean (label field '" + field.Name + "')", $"{column.Kind} of {column.ItemType}", nameof(inputSchema));
            }
        }

        return Chain(string.Empty).GetOutputSchema(inputSchema);
    }

    /// <summary>
    /// What was fitted of each row, by row key: verdict, duplicate group and, for a kept row, the split of the fitted
    /// plan (the plan's rows are the kept rows in order, as train.csv/val.csv/test.csv write them).
    /// </summary>
    private static Dictionary<string, FittedRow> FittedRows(GateConfig config, List<ImageRecord> records, FittedGate gate, GateResult result)
    {
        var plan = gate.Splits;
        var kept = new List<ImageRecord>();
        for (int i = 0; i < gate.Rows.Count; i++)
        {
            if (gate.Verdicts[i].IsKept)
            {
                kept.Add(gate.Rows[i]);
            }
        }

        var strata = plan is null ? null : SplitFitting.Rows(config, kept, gate.Duplicates);
        var rows = new Dictionary<string, FittedRow>(StringComparer.Ordinal);
        int k = 0;
        for (int i = 0; i < records.Count; i++)
        {
            var verdict = result.Verdicts[i];
            string group = gate.Duplicates.GroupOfImage.GetValueOrDefault(gate.Rows[i].Path, string.Empty);
            var row = new FittedRow(GateSettings.ReasonOf(records[i], verdict), group, string.Empty, -1, string.Empty);
            if (verdict.IsKept)
            {
                if (plan is not null)
                {
                    row = row with { Split = plan.Names[plan.SplitOf[k]], Fold = plan.FoldOf[k], Stratum = strata![k].Stratum };
                }

                k++;
            }

            rows.TryAdd(GateSettings.RowKey(records[i]), row);
        }

        return rows;
    }

    private EstimatorChain<ITransformer> Chain(string state)
        => StateCarrier.Carry(_catalog, DataGateColumns.GateState, state)
            .Append<ITransformer>(_catalog.CustomMapping(new GateFactory().GetMapping(), GateFactory.Contract))
            .Append<ITransformer>(_catalog.DropColumns(DataGateColumns.StateKey, DataGateColumns.GateState));

    private List<(string Field, DataViewSchema.Column Column)> CheckSchema(DataViewSchema schema)
    {
        var (type, actual) = ColumnCheck.Find(schema, DataGateColumns.Record);
        if (type is not ImageRecordDataViewType)
        {
            throw ColumnCheck.Mismatch(DataGateColumns.Record, $"{ImageRecordDataViewType.Instance} (add ComputeImageMetrics before Gate)", actual);
        }

        var columns = new List<(string, DataViewSchema.Column)>();
        foreach (var field in _rules.RuleSet.Config.Fields)
        {
            var column = schema.GetColumnOrNull(field.Name) ?? schema.Where(c => !c.IsHidden).Cast<DataViewSchema.Column?>()
                .FirstOrDefault(c => string.Equals(c!.Value.Name, field.Name, StringComparison.OrdinalIgnoreCase));
            if (column is not { } c)
            {
                continue;
            }

            if (!LabelColumns.IsLabelType(c.Type))
            {
                throw ColumnCheck.Mismatch(c.Name, "a scalar String, number or Boolean (label field '" + field.Name + "')", c.Type.ToString() ?? string.Empty, "input");
            }

            columns.Add((field.Name, c));
        }

        return columns;
    }

    /// <summary>The embedding model the rules name, or null when they ask for none; DG3019 when it cannot be loaded.</summary>
    private static Core.Embeddings.ImageEmbedder? LoadEmbedder(GateConfig config)
    {
        var problems = new List<Diagnostic>();
        string method = config.Duplicates.Near?.Method.ToString().ToLowerInvariant() ?? string.Empty;
        var embedder = Core.Embeddings.ImageEmbedder.ForConfig(config, problems, $"Gate.Fit cannot search near duplicates by embedding (duplicates.near.method: {method})");
        return problems.Count > 0 ? throw new DataGateRulesException(problems) : embedder;
    }

    private static (List<ImageRecord> Records, List<IReadOnlyDictionary<string, string>> Labels) Read(IDataView input, List<(string Field, DataViewSchema.Column Column)> labelColumns, EmbeddingSources.Run? embeddings)
    {
        var recordColumn = input.Schema[DataGateColumns.Record];
        using var cursor = input.GetRowCursor([recordColumn, .. labelColumns.Select(l => l.Column)]);
        var recordGetter = cursor.GetGetter<ImageRecord>(recordColumn);
        var labelGetters = labelColumns.Select(l => (l.Field, Get: LabelColumns.Getter(cursor, l.Column))).ToList();
        var records = new List<ImageRecord>();
        var labels = new List<IReadOnlyDictionary<string, string>>();
        ImageRecord record = null!;
        while (cursor.MoveNext())
        {
            recordGetter(ref record);
            records.Add(embeddings is null ? record : embeddings.Add(records.Count, record));
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (field, get) in labelGetters)
            {
                if (get() is { } value)
                {
                    row[field] = value;
                }
            }

            labels.Add(row);
        }

        embeddings?.Finish(records);
        return (records, labels);
    }

    private void CheckMetrics(List<ImageRecord> records, string paramName)
    {
        var analysed = records.Where(r => r.IsAnalysed).ToList();
        if (analysed.Count == 0)
        {
            return;
        }

        var config = _rules.RuleSet.Config;
        foreach (var metric in config.Quality.Select(q => q.Metric).Concat(config.Parity.Select(p => p.Metric)).Distinct(StringComparer.Ordinal))
        {
            var definition = MetricCatalog.Find(metric);
            if (definition is not null && definition.Family != MetricFamilies.Dataset && analysed.All(r => double.IsNaN(r[definition])))
            {
                throw new ArgumentOutOfRangeException(
                    paramName,
                    $"{DiagnosticCodes.MlMetricNotComputed.Code}: the rules read '{metric}' but column '{DataGateColumns.Record}' has no value of it in any row: compute it (ComputeImageMetrics(metrics: \"{metric}\"), or pass the rules to ComputeImageMetrics)");
            }
        }
    }
}
