using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataGate.ML;

/// <summary>
/// Adds DataGate's metric columns to each row (see <see cref="ImageMetricsEstimator"/>). A row-to-row mapper: lazy,
/// safe for parallel cursors, usable in a PredictionEngine. An image that cannot be read or decoded gives a row with
/// NaN metrics and <see cref="DataGateColumns.Error"/>, never an exception. Saves with <c>mlContext.Model.Save</c>;
/// a reloaded model holds the equivalent chain of ML.NET transforms, with the same output.
/// </summary>
public sealed class ImageMetricsTransformer : ITransformer
{
    private readonly ITransformer _chain;
    private readonly string _inputColumnName;
    private readonly string? _nameColumnName;
    private readonly ImageInputKind _kind;

    internal ImageMetricsTransformer(ITransformer chain, string inputColumnName, string? nameColumnName, ImageInputKind kind)
    {
        _chain = chain;
        _inputColumnName = inputColumnName;
        _nameColumnName = nameColumnName;
        _kind = kind;
    }

    /// <inheritdoc/>
    public bool IsRowToRowMapper => _chain.IsRowToRowMapper;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        Check(inputSchema);
        return _chain.GetOutputSchema(inputSchema);
    }

    /// <inheritdoc/>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        Check(inputSchema);
        return _chain.GetRowToRowMapper(inputSchema);
    }

    /// <inheritdoc/>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Check(input.Schema);
        return _chain.Transform(input);
    }

    /// <inheritdoc/>
    void ICanSaveModel.Save(ModelSaveContext ctx) => _chain.Save(ctx);

    private void Check(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var (type, actual) = ColumnCheck.Find(schema, _inputColumnName);
        if (ImageMetricsEstimator.KindOf(type) != _kind)
        {
            throw ColumnCheck.Mismatch(_inputColumnName, _kind == ImageInputKind.Path ? "String (an image path)" : "Image (MLImage from LoadImages)", actual);
        }

        if (_nameColumnName is not null && _kind == ImageInputKind.Image && ColumnCheck.Find(schema, _nameColumnName) is { Type: not TextDataViewType } name)
        {
            throw ColumnCheck.Mismatch(_nameColumnName, "String (the image's name)", name.Actual);
        }
    }
}
