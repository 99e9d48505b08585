using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;

namespace DataGate.Core.Quality.Brisque;

/// <summary>
/// A BRISQUE regression model: an OpenCV <c>ml::SVM</c> (ε-SVR or ν-SVR with an RBF kernel) saved by
/// <c>FileStorage</c>, plus the feature range file (<c>!!opencv-matrix</c> "range", 2 rows: per-feature minimum
/// and maximum) used to scale the 36 features to [−1, 1]. Immutable and thread-safe.
/// </summary>
public sealed class BrisqueModel
{
    /// <summary>Number of BRISQUE features (18 per scale, 2 scales).</summary>
    public const int FeatureCount = 36;

    private const string ModelResource = "DataGate.Core.Resources.brisque.brisque_model_live.yml";
    private const string RangeResource = "DataGate.Core.Resources.brisque.brisque_range_live.yml";

    private static readonly Lazy<BrisqueModel> s_default = new(LoadEmbedded);

    private readonly float[] _supportVectors; // svCount rows of _stride floats, zero padded
    private readonly int _stride;
    private readonly double[] _alpha;
    private readonly int[] _svIndex;
    private readonly float[] _rangeMin;
    private readonly float[] _rangeMax;

    private BrisqueModel(float[] supportVectors, int stride, int svCount, double gamma, double rho, double[] alpha, int[] svIndex, float[] rangeMin, float[] rangeMax)
    {
        _supportVectors = supportVectors;
        _stride = stride;
        SupportVectorCount = svCount;
        Gamma = gamma;
        Rho = rho;
        _alpha = alpha;
        _svIndex = svIndex;
        _rangeMin = rangeMin;
        _rangeMax = rangeMax;
    }

    /// <summary>Number of support vectors (774 for the LIVE model).</summary>
    public int SupportVectorCount { get; }

    /// <summary>RBF kernel γ: K(x, s) = exp(−γ‖x − s‖²). 0.05 for the LIVE model.</summary>
    public double Gamma { get; }

    /// <summary>Decision function offset ρ: prediction = Σ αₖ K(x, sₖ) − ρ.</summary>
    public double Rho { get; }

    /// <summary>
    /// The LIVE model shipped with OpenCV contrib (<c>brisque_model_live.yml</c>, <c>brisque_range_live.yml</c>,
    /// Apache-2.0), embedded in this assembly. Loaded once and shared.
    /// </summary>
    public static BrisqueModel LoadDefault() => s_default.Value;

    /// <summary>Loads a model and range file written by OpenCV (<c>cv::ml::SVM::save</c>, <c>FileStorage</c>).</summary>
    /// <param name="modelPath">Path of the SVM YAML file (e.g. <c>brisque_model_live.yml</c>).</param>
    /// <param name="rangePath">Path of the range YAML file (e.g. <c>brisque_range_live.yml</c>).</param>
    /// <exception cref="BrisqueModelException">A file is missing, unreadable or malformed.</exception>
    public static BrisqueModel Load(string modelPath, string rangePath)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        ArgumentNullException.ThrowIfNull(rangePath);
        return FromText(ReadFile(modelPath), modelPath, ReadFile(rangePath), rangePath);
    }

    /// <summary>Builds a model from the text of the two files; <paramref name="modelName"/>/<paramref name="rangeName"/> name them in errors.</summary>
    internal static BrisqueModel FromText(string modelText, string modelName, string rangeText, string rangeName)
    {
        var svm = OpenCvYamlReader.Parse(modelName, modelText)["opencv_ml_svm"]
            ?? throw new BrisqueModelException($"{modelName}: no 'opencv_ml_svm' node (not an OpenCV SVM model).");
        var svmType = RequireText(svm, "svmType", modelName);
        if (svmType is not ("EPS_SVR" or "NU_SVR"))
        {
            throw new BrisqueModelException($"{modelName}: svmType is {svmType}; BRISQUE needs a regression model (EPS_SVR or NU_SVR).");
        }

        var kernel = svm["kernel"] ?? throw new BrisqueModelException($"{modelName}: missing 'kernel'.");
        var kernelType = RequireText(kernel, "type", modelName);
        if (kernelType != "RBF")
        {
            throw new BrisqueModelException($"{modelName}: kernel type is {kernelType}; only RBF is supported.");
        }

        double gamma = RequireReal(kernel, "gamma", modelName);
        int varCount = (int)RequireReal(svm, "var_count", modelName);
        if (varCount != FeatureCount)
        {
            throw new BrisqueModelException($"{modelName}: var_count is {varCount}; BRISQUE has {FeatureCount} features.");
        }

        int svTotal = (int)RequireReal(svm, "sv_total", modelName);
        var svNodes = svm["support_vectors"]?.Items ?? throw new BrisqueModelException($"{modelName}: missing 'support_vectors'.");
        if (svTotal <= 0 || svNodes.Count != svTotal)
        {
            throw new BrisqueModelException($"{modelName}: sv_total is {svTotal} but {svNodes.Count} support vectors are listed.");
        }

        int stride = (varCount + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        var sv = new float[svTotal * stride];
        for (int j = 0; j < svTotal; j++)
        {
            var row = ReadReals(svNodes[j], $"support vector {j}", modelName);
            if (row.Length != varCount)
            {
                throw new BrisqueModelException($"{modelName}: support vector {j} has {row.Length} values, expected {varCount}.");
            }

            for (int k = 0; k < varCount; k++)
            {
                sv[(j * stride) + k] = (float)row[k];
            }
        }

        var dfs = svm["decision_functions"]?.Items;
        if (dfs is null || dfs.Count != 1)
        {
            throw new BrisqueModelException($"{modelName}: expected exactly one decision function for a regression model.");
        }

        var df = dfs[0];
        int svCount = (int)RequireReal(df, "sv_count", modelName);
        double rho = RequireReal(df, "rho", modelName);
        var alpha = ReadReals(df["alpha"] ?? throw new BrisqueModelException($"{modelName}: missing 'alpha'."), "alpha", modelName);
        if (alpha.Length != svCount)
        {
            throw new BrisqueModelException($"{modelName}: sv_count is {svCount} but alpha has {alpha.Length} values.");
        }

        var index = new int[svCount];
        var indexNode = df["index"];
        if (indexNode is null)
        {
            if (svCount != svTotal)
            {
                throw new BrisqueModelException($"{modelName}: sv_count {svCount} differs from sv_total {svTotal} and no 'index' is given.");
            }

            for (int k = 0; k < svCount; k++)
            {
                index[k] = k;
            }
        }
        else
        {
            var idx = ReadReals(indexNode, "index", modelName);
            if (idx.Length != svCount)
            {
                throw new BrisqueModelException($"{modelName}: 'index' has {idx.Length} values, expected {svCount}.");
            }

            for (int k = 0; k < svCount; k++)
            {
                index[k] = (int)idx[k];
                if (index[k] < 0 || index[k] >= svTotal || index[k] != idx[k])
                {
                    throw new BrisqueModelException($"{modelName}: 'index' value {idx[k]} is not a support vector index.");
                }
            }
        }

        var (min, max) = ReadRange(rangeText, rangeName, varCount);
        return new BrisqueModel(sv, stride, svTotal, gamma, rho, alpha, index, min, max);
    }

    /// <summary>
    /// Scales the 36 raw features to [−1, 1] with the range file (float arithmetic, as OpenCV) and evaluates the
    /// SVR: Σ αₖ exp(−γ‖x − sₖ‖²) − ρ, returned as float like OpenCV, not clamped. A kernel value that is NaN
    /// (NaN features, e.g. on a constant image) counts as 0, as OpenCV's vectorised <c>exp</c> clamps NaN input.
    /// </summary>
    internal float Predict(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"Expected {FeatureCount} features.", nameof(features));
        }

        Span<float> x = stackalloc float[_stride];
        x.Clear();
        for (int i = 0; i < FeatureCount; i++)
        {
            x[i] = -1f + (2f * (features[i] - _rangeMin[i]) / (_rangeMax[i] - _rangeMin[i]));
        }

        int n = SupportVectorCount;
        Span<float> kernel = n <= 2048 ? stackalloc float[n] : new float[n];
        ReadOnlySpan<float> xs = x;
        double negGamma = -Gamma;
        int lanes = Vector<float>.Count;
        for (int j = 0; j < n; j++)
        {
            var row = _supportVectors.AsSpan(j * _stride, _stride);
            var acc = Vector<double>.Zero;
            for (int k = 0; k < _stride; k += lanes)
            {
                // OpenCV subtracts in float, then squares and sums in double.
                var d = new Vector<float>(row[k..]) - new Vector<float>(xs[k..]);
                Vector.Widen(d, out var lo, out var hi);
                acc += (lo * lo) + (hi * hi);
            }

            kernel[j] = (float)(Vector.Sum(acc) * negGamma);
        }

        TensorPrimitives.Exp(kernel, kernel);
        double sum = -Rho;
        for (int k = 0; k < _alpha.Length; k++)
        {
            float kv = kernel[_svIndex[k]];
            if (!float.IsNaN(kv))
            {
                sum += _alpha[k] * kv;
            }
        }

        return (float)sum;
    }

    private static BrisqueModel LoadEmbedded()
    {
        var asm = typeof(BrisqueModel).Assembly;
        return FromText(ReadResource(asm, ModelResource), ModelResource, ReadResource(asm, RangeResource), RangeResource);
    }

    private static string ReadResource(System.Reflection.Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream(name)
            ?? throw new BrisqueModelException($"Embedded resource {name} is missing from {asm.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var what = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : ex.Message;
            throw new BrisqueModelException($"{path}: cannot read BRISQUE model file ({what}).", ex);
        }
    }

    private static (float[] Min, float[] Max) ReadRange(string text, string name, int varCount)
    {
        var range = OpenCvYamlReader.Parse(name, text)["range"]
            ?? throw new BrisqueModelException($"{name}: no 'range' matrix.");
        if (range.Tag != "opencv-matrix")
        {
            throw new BrisqueModelException($"{name}: 'range' is not an !!opencv-matrix.");
        }

        int rows = (int)RequireReal(range, "rows", name);
        int cols = (int)RequireReal(range, "cols", name);
        var dt = RequireText(range, "dt", name);
        if (rows != 2 || cols != varCount || dt is not ("f" or "d"))
        {
            throw new BrisqueModelException($"{name}: range must be 2×{varCount} of type f or d, got {rows}×{cols} of type {dt}.");
        }

        var data = ReadReals(range["data"] ?? throw new BrisqueModelException($"{name}: missing 'data'."), "data", name);
        if (data.Length != rows * cols)
        {
            throw new BrisqueModelException($"{name}: range data has {data.Length} values, expected {rows * cols}.");
        }

        var min = new float[cols];
        var max = new float[cols];
        for (int i = 0; i < cols; i++)
        {
            min[i] = (float)data[i];
            max[i] = (float)data[cols + i];
        }

        return (min, max);
    }

    private static string RequireText(YamlNode node, string key, string source) =>
        node[key]?.Text ?? throw new BrisqueModelException($"{source}: missing '{key}'.");

    private static double RequireReal(YamlNode node, string key, string source)
    {
        var text = RequireText(node, key, source);
        return OpenCvYamlReader.TryParseReal(text, out var v)
            ? v
            : throw new BrisqueModelException($"{source}: '{key}' is not a number: '{text}'.");
    }

    private static double[] ReadReals(YamlNode node, string what, string source)
    {
        var items = node.Items ?? throw new BrisqueModelException($"{source}: {what} is not a sequence.");
        var values = new double[items.Count];
        for (int i = 0; i < values.Length; i++)
        {
            var t = items[i].Text;
            if (t is null || !OpenCvYamlReader.TryParseReal(t, out values[i]))
            {
                throw new BrisqueModelException(string.Create(CultureInfo.InvariantCulture, $"{source}: {what} item {i} is not a number: '{t}'."));
            }
        }

        return values;
    }
}
