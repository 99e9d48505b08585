namespace DataGate.Benchmarks;

/// <summary>
/// Where the embedding model the tests and benchmarks use lies: the ResNet18 ONNX file that
/// Microsoft.ML.DnnImageFeaturizer.ResNet18 copies next to the build output (shared, like <see cref="SyntheticFaces"/>,
/// by the benchmark and test projects).
/// </summary>
internal static class BundledModels
{
    /// <summary>Full path of <c>DnnImageModels/ResNet18Onnx/ResNet18.onnx</c> in the running program's folder.</summary>
    public static string ResNet18 => Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");
}
