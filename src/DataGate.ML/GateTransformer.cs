using DataGate.Core.Rules;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataGate.ML;

/// <summary>
/// A fitted DataGate gate: adds <see cref="DataGateColumns.Kept"/>, <see cref="DataGateColumns.Reason"/>,
/// <see cref="DataGateColumns.DuplicateGroup"/> and (rules with <c>splits:</c>) <see cref="DataGateColumns.Split"/>,
/// <see cref="DataGateColumns.Fold"/> and <see cref="DataGateColumns.Stratum"/> to each row.
/// A row that was fitted (same name, same measured values) gets its fitted verdict, the one <c>datagate check</c>
/// gives (duplicates and keep policy included); any other row (e.g. at prediction time) is judged alone: quality rules
/// against the fitted bounds, odd size against the fitted band; no duplicate search. Row-to-row, safe for parallel
/// cursors and PredictionEngine. Saves with <c>mlContext.Model.Save</c>: the rules, fitted bounds and fitted verdicts
/// travel in the model; a reloaded model holds the equivalent chain of ML.NET transforms, with the same output.
/// </summary>
public sealed class GateTransformer : ITransformer
{
    private readonly ITransformer _chain;

    internal GateTransformer(ITransformer chain, FittedGate gate, GateResult result, Mapping.GateSettings settings)
    {
        _chain = chain;
        FittedGate = gate;
        Result = result;
        Settings = settings;
    }

    /// <summary>What is saved with the model (see <see cref="SavedGate"/>).</summary>
    internal Mapping.GateSettings Settings { get; }

    /// <summary>The fitted Core gate: resolved bounds, duplicate groups, balance and parity results.</summary>
    public FittedGate FittedGate { get; }

    /// <summary>
    /// The verdict over the fitted rows, as <c>datagate check</c> reports it: findings, counts, <see cref="GateResult.Passed"/>.
    /// After <c>Model.Load</c> the gate is a plain transformer chain with the same output: <see cref="SavedGate.Find"/>
    /// reads its rules, bounds, counts and findings (without image lists) back from the model.
    /// </summary>
    public GateResult Result { get; }

    /// <inheritdoc/>
    public bool IsRowToRowMapper => _chain.IsRowToRowMapper;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _chain.GetOutputSchema(Checked(inputSchema));

    /// <inheritdoc/>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => _chain.GetRowToRowMapper(Checked(inputSchema));

    /// <inheritdoc/>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Checked(input.Schema);
        return _chain.Transform(input);
    }

    /// <inheritdoc/>
    void ICanSaveModel.Save(ModelSaveContext ctx) => _chain.Save(ctx);

    private static DataViewSchema Checked(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var (type, actual) = ColumnCheck.Find(schema, DataGateColumns.Record);
        if (type is not ImageRecordDataViewType)
        {
            throw ColumnCheck.Mismatch(DataGateColumns.Record, $"{ImageRecordDataViewType.Instance} (add ComputeImageMetrics before Gate)", actual);
        }

        return schema;
    }
}
