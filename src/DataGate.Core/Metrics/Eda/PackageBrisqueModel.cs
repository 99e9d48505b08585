using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace DataGate.Core.Metrics.Eda;

/// <summary>
/// The model of the PyPI <c>brisque</c> package (rehanguha/brisque, Apache-2.0): a libsvm ε-SVR with an RBF kernel
/// (<c>svm.txt</c>) and the per-feature range that scales the 36 features to [−1, 1] (<c>normalize.json</c>, converted
/// from the package's pickle). Embedded in DataGate.Core; see THIRD-PARTY-NOTICES.md. Immutable, loaded once.
/// </summary>
internal sealed class PackageBrisqueModel
{
    /// <summary>Number of BRISQUE features (18 per scale).</summary>
    public const int FeatureCount = 36;

    private static readonly Lazy<PackageBrisqueModel> s_embedded = new(LoadEmbedded);

    private PackageBrisqueModel(double gamma, double rho, double[] coefficients, double[][] supportVectors, double[] min, double[] max)
    {
        Gamma = gamma;
        Rho = rho;
        Coefficients = coefficients;
        SupportVectors = supportVectors;
        Min = min;
        Max = max;
    }

    /// <summary>The embedded model.</summary>
    public static PackageBrisqueModel Embedded => s_embedded.Value;

    /// <summary>RBF γ.</summary>
    public double Gamma { get; }

    /// <summary>The decision function's offset ρ.</summary>
    public double Rho { get; }

    /// <summary>Support-vector coefficients, in file order.</summary>
    public double[] Coefficients { get; }

    /// <summary>Support vectors, dense (absent indices are 0), in file order.</summary>
    public double[][] SupportVectors { get; }

    /// <summary>Per-feature minimum of the scaling range.</summary>
    public double[] Min { get; }

    /// <summary>Per-feature maximum of the scaling range.</summary>
    public double[] Max { get; }

    /// <summary>Parses the libsvm model text and the range JSON.</summary>
    /// <exception cref="FormatException">Either text is malformed.</exception>
    public static PackageBrisqueModel Parse(string svmText, string normalizeJson)
    {
        double gamma = double.NaN, rho = double.NaN;
        int total = -1;
        var coefficients = new List<double>();
        var vectors = new List<double[]>();
        bool inVectors = false;
        foreach (var raw in svmText.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!inVectors)
            {
                switch (parts[0])
                {
                    case "svm_type" when parts[1] != "epsilon_svr":
                    case "kernel_type" when parts[1] != "rbf":
                        throw new FormatException($"brisque model: {line} is not supported (epsilon_svr with rbf expected)");
                    case "gamma":
                        gamma = Number(parts[1]);
                        break;
                    case "rho":
                        rho = Number(parts[1]);
                        break;
                    case "total_sv":
                        total = int.Parse(parts[1], CultureInfo.InvariantCulture);
                        break;
                    case "SV":
                        inVectors = true;
                        break;
                }

                continue;
            }

            coefficients.Add(Number(parts[0]));
            var sv = new double[FeatureCount];
            for (int i = 1; i < parts.Length; i++)
            {
                int colon = parts[i].IndexOf(':', StringComparison.Ordinal);
                int index = colon < 1 ? -1 : int.Parse(parts[i].AsSpan(0, colon), CultureInfo.InvariantCulture);
                if (index < 1 || index > FeatureCount)
                {
                    throw new FormatException($"brisque model: bad support vector entry '{parts[i]}'");
                }

                sv[index - 1] = Number(parts[i][(colon + 1)..]);
            }

            vectors.Add(sv);
        }

        if (double.IsNaN(gamma) || double.IsNaN(rho) || total != vectors.Count || total == 0)
        {
            throw new FormatException($"brisque model: header incomplete or {vectors.Count} support vectors where total_sv says {total}");
        }

        using var json = JsonDocument.Parse(normalizeJson);
        var min = json.RootElement.GetProperty("min_").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var max = json.RootElement.GetProperty("max_").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        if (min.Length != FeatureCount || max.Length != FeatureCount)
        {
            throw new FormatException($"brisque range: {FeatureCount} minima and maxima expected");
        }

        return new PackageBrisqueModel(gamma, rho, [.. coefficients], [.. vectors], min, max);
    }

    /// <summary>
    /// libsvm's <c>svm_predict</c> for ε-SVR: Σ coefᵢ·exp(−γ·Σⱼ(xⱼ − svᵢⱼ)²) − ρ, summed in file order, each
    /// squared distance summed in feature order (libsvm's sparse merge adds the same terms in the same order).
    /// Hand-written: the score must equal the package's to 1e-6.
    /// </summary>
    /// <param name="scaled">The 36 scaled features.</param>
    public double Predict(ReadOnlySpan<double> scaled)
    {
        double sum = 0;
        for (int i = 0; i < SupportVectors.Length; i++)
        {
            var sv = SupportVectors[i];
            double d2 = 0;
            for (int j = 0; j < FeatureCount; j++)
            {
                double d = scaled[j] - sv[j];
                d2 += d * d;
            }

            sum += Coefficients[i] * Math.Exp(-Gamma * d2);
        }

        return sum - Rho;
    }

    /// <summary>The package's <c>scale_features</c>: −1 + (2 / (max − min)) · (x − min), in that order.</summary>
    public void Scale(ReadOnlySpan<double> features, Span<double> scaled)
    {
        for (int j = 0; j < FeatureCount; j++)
        {
            scaled[j] = -1 + (2.0 / (Max[j] - Min[j]) * (features[j] - Min[j]));
        }
    }

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static PackageBrisqueModel LoadEmbedded()
    {
        var assembly = typeof(PackageBrisqueModel).Assembly;
        return Parse(Read(assembly, "svm.txt"), Read(assembly, "normalize.json"));
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream("DataGate.Core.Resources.seed-brisque." + name)
            ?? throw new InvalidOperationException($"embedded resource seed-brisque/{name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
