using DataGate.Core.Imaging;
using DataGate.Core.Metrics.Eda;
using Microsoft.ML.OnnxRuntime;

namespace DataGate.Core.Embeddings;

/// <summary>
/// A pretrained CNN image embedding run offline through ONNX Runtime: by default ResNet18 as shipped inside the
/// Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 package (<c>ResNet18Onnx/ResNet18.onnx</c>, input
/// <c>Input247</c> float[1,3,224,224], output <c>Pooling395_Output_0</c> float[1,512,1,1], the global-average-pooled
/// features), fed exactly as ML.NET's <c>DnnImageFeaturizer</c> feeds it: the image resized to 224×224, planar RGB
/// float 0–255, through the package's own <c>ResNetPrepOnnx/ResNetPreprocess.onnx</c> (RGB → BGR, minus the
/// training mean image). The resize is OpenCV's INTER_AREA (Core's bit-exact <see cref="OpenCvAreaResize"/>; a
/// large image is averaged, not aliased), to the full 224×224 without keeping the aspect ratio, as imagededup's CNN
/// method does. The 512 features are L2-normalised, so a cosine similarity is a dot product.
/// One instance per run, disposed after it (a long-lived MSBuild node keeps no session); <see cref="Embed"/> is
/// thread-safe (ONNX Runtime's Run is), each call on one intra-op thread, the analysis being parallel per image.
/// </summary>
internal sealed class ImageEmbedder : IDisposable
{
    /// <summary>Side of the square network input.</summary>
    public const int Side = 224;

    /// <summary>Length of an embedding.</summary>
    public const int Dimensions = 512;

    private readonly InferenceSession _preprocess;
    private readonly InferenceSession _network;
    private readonly string _preprocessInput;
    private readonly string _preprocessOutput;
    private readonly string _networkInput;
    private readonly string _networkOutput;

    private ImageEmbedder(InferenceSession preprocess, InferenceSession network)
    {
        _preprocess = preprocess;
        _network = network;
        _preprocessInput = preprocess.InputMetadata.Keys.Single();
        _preprocessOutput = preprocess.OutputMetadata.Keys.Single();
        _networkInput = network.InputMetadata.Keys.Single();
        _networkOutput = network.OutputMetadata.Keys.First();
    }

    /// <summary>
    /// Loads both models. Returns the embedder, or null and why not (the native library, an unreadable file, a model
    /// that is not an image network of the expected shape): the caller reports DG3019.
    /// </summary>
    public static ImageEmbedder? Load(string modelPath, string preprocessPath, out string? error)
    {
        error = OnnxRuntimeLibrary.LoadError;
        if (error is not null)
        {
            return null;
        }

        InferenceSession? preprocess = null;
        InferenceSession? network = null;
        try
        {
            var modelBytes = File.ReadAllBytes(modelPath);
            var prepBytes = File.ReadAllBytes(preprocessPath);
            using var options = new SessionOptions
            {
                IntraOpNumThreads = 1,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            };
            preprocess = new InferenceSession(prepBytes, options);
            network = new InferenceSession(modelBytes, options);
            error = CheckShape(preprocess, "preprocess model", preprocessPath, Side * Side * 3, Side * Side * 3)
                ?? CheckShape(network, "model", modelPath, Side * Side * 3, Dimensions);
            if (error is not null)
            {
                preprocess.Dispose();
                network.Dispose();
                return null;
            }

            return new ImageEmbedder(preprocess, network);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OnnxRuntimeException or InvalidOperationException or ArgumentException)
        {
            preprocess?.Dispose();
            network?.Dispose();
            error = $"the embedding model could not be loaded ({Path.GetFileName(modelPath)}, {Path.GetFileName(preprocessPath)}): {ex.Message}";
            return null;
        }
    }

    /// <summary>
    /// Loads the models a rule file names (<c>duplicates.near</c> with <c>method: embedding</c>); null when the rule file
    /// asks for no embedding. A load failure is DG3019 in <paramref name="diagnostics"/> and null.
    /// </summary>
    /// <param name="config">The rule file.</param>
    /// <param name="diagnostics">Receives DG3019 when the model cannot be loaded.</param>
    /// <param name="consequence">What the failure means for the host, appended to the load error.</param>
    public static ImageEmbedder? ForConfig(Config.GateConfig config, ICollection<Diagnostics.Diagnostic> diagnostics, string consequence = "near duplicates are not searched in this run")
    {
        if (config.Duplicates.Near is not { UsesEmbedding: true } near)
        {
            return null;
        }

        if (near.Model is null || near.Preprocess is null)
        {
            diagnostics.Add(Diagnostics.DiagnosticCodes.EmbeddingModelUnavailable.Create("no embedding model is configured (duplicates.near.model)", near.Location));
            return null;
        }

        var embedder = Load(near.Model, near.Preprocess, out var error);
        if (embedder is null)
        {
            diagnostics.Add(Diagnostics.DiagnosticCodes.EmbeddingModelUnavailable.Create($"{error}; {consequence}", near.Location));
        }

        return embedder;
    }

    /// <summary>
    /// What identifies the configured models for the analysis cache (paths, sizes, write times): a changed model
    /// re-analyses; null when the rule file asks for no embedding.
    /// </summary>
    public static string? CacheScope(Config.GateConfig config)
    {
        if (config.Duplicates.Near is not { UsesEmbedding: true } near)
        {
            return null;
        }

        static string Stamp(string? path)
        {
            if (path is null || !File.Exists(path))
            {
                return $"{path}:missing";
            }

            var info = new FileInfo(path);
            return $"{path}:{info.Length}:{info.LastWriteTimeUtc.Ticks}";
        }

        return $"embedding:{Stamp(near.Model)};{Stamp(near.Preprocess)}";
    }

    /// <summary>The L2-normalised embedding of one image (<see cref="Dimensions"/> floats).</summary>
    public float[] Embed(RgbImage image)
    {
        var small = new byte[Side * Side * 3];
        OpenCvAreaResize.Resize(image.Pixels.AsSpan(0, image.PixelCount * 3), image.Width, image.Height, small, Side, Side);
        var planar = new float[3 * Side * Side];
        const int plane = Side * Side;
        for (int i = 0; i < plane; i++)
        {
            planar[i] = small[3 * i];
            planar[plane + i] = small[(3 * i) + 1];
            planar[(2 * plane) + i] = small[(3 * i) + 2];
        }

        long[] shape = [1, 3, Side, Side];
        using var input = OrtValue.CreateTensorValueFromMemory(planar, shape);
        using var run = new RunOptions();
        using var prepared = _preprocess.Run(run, [_preprocessInput], [input], [_preprocessOutput]);
        using var features = _network.Run(run, [_networkInput], [prepared[0]], [_networkOutput]);
        var values = features[0].GetTensorDataAsSpan<float>();
        var result = values[..Dimensions].ToArray();
        Normalize(result);
        return result;
    }

    /// <summary>Scales to unit length (a zero vector stays zero: its cosine with anything is 0).</summary>
    internal static void Normalize(Span<float> v)
    {
        double sum = 0;
        foreach (float x in v)
        {
            sum += (double)x * x;
        }

        if (sum > 0)
        {
            float scale = (float)(1 / Math.Sqrt(sum));
            for (int i = 0; i < v.Length; i++)
            {
                v[i] *= scale;
            }
        }
    }

    public void Dispose()
    {
        _preprocess.Dispose();
        _network.Dispose();
    }

    private static string? CheckShape(InferenceSession session, string what, string path, long inputs, long outputs)
    {
        if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count < 1)
        {
            return $"the {what} '{Path.GetFileName(path)}' has {session.InputMetadata.Count} input(s) and {session.OutputMetadata.Count} output(s); one image input is expected";
        }

        var input = session.InputMetadata.Values.Single();
        var output = session.OutputMetadata.Values.First();
        long inCount = Count(input.Dimensions);
        long outCount = Count(output.Dimensions);
        if (input.ElementType != typeof(float) || inCount != inputs || outCount != outputs)
        {
            return $"the {what} '{Path.GetFileName(path)}' takes {input.ElementType.Name}[{string.Join(",", input.Dimensions)}] and gives [{string.Join(",", output.Dimensions)}]; expected float[1,3,{Side},{Side}] in and {outputs} values out";
        }

        return null;
    }

    // A symbolic (−1) batch dimension counts as 1.
    private static long Count(int[] dims) => dims.Aggregate(1L, (a, d) => a * Math.Max(d, 1));
}
