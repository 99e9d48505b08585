using DataGate.Core.Analysis;
using DataGate.ML.Mapping;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace DataGate.ML;

/// <summary>
/// Computes DataGate's per-image metrics (<c>ComputeImageMetrics</c>): reads an image path column (files under an
/// image folder) or an MLImage column, and adds one Single column per metric with the <c>datagate metrics</c> name,
/// the hashes as text, <see cref="DataGateColumns.Error"/> and <see cref="DataGateColumns.Record"/>. Trains nothing.
/// </summary>
public sealed class ImageMetricsEstimator : IEstimator<ImageMetricsTransformer>
{
    private readonly TransformsCatalog _catalog;
    private readonly MetricsSettings _settings;
    private readonly string _inputColumnName;
    private readonly string? _nameColumnName;

    internal ImageMetricsEstimator(TransformsCatalog catalog, MetricsSettings settings, string inputColumnName, string? nameColumnName)
    {
        _catalog = catalog;
        _settings = settings;
        _inputColumnName = inputColumnName;
        _nameColumnName = nameColumnName;
    }

    /// <summary>Builds the transformer; reads no data.</summary>
    /// <param name="input">Data whose schema has the input column.</param>
    public ImageMetricsTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kind = Check(input.Schema);
        return new ImageMetricsTransformer(Chain(kind, input.Schema[_inputColumnName].Type).Fit(input), _inputColumnName, _nameColumnName, kind);
    }

    /// <summary>The input schema plus the metric columns; throws when the input column is missing or of the wrong type.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var (type, actual) = ColumnCheck.Find(inputSchema, _inputColumnName);
        var kind = KindOf(type) ?? throw ColumnCheck.Mismatch(_inputColumnName, Expected, actual);
        CheckName(ColumnCheck.Find(inputSchema, _nameColumnName ?? string.Empty), kind);
        return Chain(kind, type!).GetOutputSchema(inputSchema);
    }

    private const string Expected = "String (an image path) or Image (MLImage from LoadImages)";

    // ML.NET's custom mapping compares an input column's type by reference; LoadImages makes a new image type per
    // transform, so the mapping is told the very instance of the input column.
    private static SchemaDefinition ImageInputDefinition(DataViewType imageType)
    {
        var definition = SchemaDefinition.Create(typeof(ImageInput), SchemaDefinition.Direction.Read);
        definition[DataGateColumns.Image].ColumnType = imageType;
        return definition;
    }

    internal static ImageInputKind? KindOf(DataViewType? type) => type switch
    {
        TextDataViewType => ImageInputKind.Path,
        ImageDataViewType => ImageInputKind.Image,
        _ => null,
    };

    private ImageInputKind Check(DataViewSchema schema)
    {
        var (type, actual) = ColumnCheck.Find(schema, _inputColumnName);
        var kind = KindOf(type) ?? throw ColumnCheck.Mismatch(_inputColumnName, Expected, actual);
        CheckName(ColumnCheck.Find(schema, _nameColumnName ?? string.Empty), kind);
        return kind;
    }

    private void CheckName((DataViewType? Type, string Actual) name, ImageInputKind kind)
    {
        if (_nameColumnName is not null && kind == ImageInputKind.Image && name.Type is not TextDataViewType)
        {
            throw ColumnCheck.Mismatch(_nameColumnName, "String (the image's name)", name.Actual);
        }
    }

    private EstimatorChain<ITransformer> Chain(ImageInputKind kind, DataViewType inputType)
    {
        var chain = StateCarrier.Carry(_catalog, DataGateColumns.MetricsState, _settings.Write());
        if (kind == ImageInputKind.Path)
        {
            chain = chain
                .Append<ITransformer>(_catalog.CopyColumns(DataGateColumns.ImagePath, _inputColumnName))
                .Append<ITransformer>(_catalog.CustomMapping(new PathMetricsFactory().GetMapping(), PathMetricsFactory.Contract))
                .Append<ITransformer>(_catalog.DropColumns(DataGateColumns.StateKey, DataGateColumns.MetricsState, DataGateColumns.ImagePath));
        }
        else
        {
            chain = chain
                .Append<ITransformer>(_catalog.CopyColumns(DataGateColumns.Image, _inputColumnName))
                .Append<ITransformer>(_catalog.CopyColumns(DataGateColumns.ImageName, _nameColumnName ?? DataGateColumns.StateKey))
                .Append<ITransformer>(_catalog.CustomMapping(new ImageMetricsFactory().GetMapping(), ImageMetricsFactory.Contract, ImageInputDefinition(inputType)))
                .Append<ITransformer>(_catalog.DropColumns(DataGateColumns.StateKey, DataGateColumns.MetricsState, DataGateColumns.Image, DataGateColumns.ImageName));
        }

        // The opt-in eda_* family: columns only when selected (the measurer computes it only then too), so the
        // default selection pays nothing for it.
        return _settings.Selection.IncludesFamily(MetricFamilies.Eda)
            ? chain.Append<ITransformer>(_catalog.CustomMapping(new EdaMetricsFactory().GetMapping(), EdaMetricsFactory.Contract))
            : chain;
    }
}
