using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace DataGate.Core.Embeddings;

/// <summary>
/// The native ONNX Runtime library, loaded lazily: only a run with <c>near: { method: embedding }</c> touches it, so
/// a platform without it (or a broken install) costs every other run nothing. Like <c>SkiaJpegDecoder.LoadError</c>,
/// <see cref="LoadError"/> probes once per process and says why it cannot be used; callers turn that into DG3019.
/// The library is looked for under <c>runtimes/&lt;rid&gt;/native/</c> next to DataGate.Core.dll (where the tool and
/// the MSBuild package carry it for linux-x64, win-x64 and osx-arm64), then next to the application, then by the
/// runtime's own probing (an application that references Microsoft.ML.OnnxRuntime itself).
/// </summary>
internal static class OnnxRuntimeLibrary
{
    private static readonly Lazy<string?> s_loadError = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Why ONNX Runtime cannot be used in this process, or null when it loads.</summary>
    public static string? LoadError => s_loadError.Value;

    /// <summary>The runtime identifier whose native folder is searched, e.g. linux-x64.</summary>
    internal static string RuntimeId
    {
        get
        {
            string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            string arch = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => "x64",
                Architecture.Arm64 => "arm64",
                Architecture.X86 => "x86",
                var other => other.ToString().ToLowerInvariant(),
            };
            return $"{os}-{arch}";
        }
    }

    private static string FileName =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll" : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib" : "libonnxruntime.so";

    private static string? Probe()
    {
        try
        {
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(InferenceSession).Assembly, Resolve);
            }
            catch (InvalidOperationException)
            {
                // The host already set a resolver for the binding (its own ONNX Runtime): that one is used.
            }

            // Any call into the native API loads the library and checks the API version the binding needs.
            _ = OrtEnv.Instance().GetVersionString();
            return null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException or OnnxRuntimeException or InvalidOperationException)
        {
            var inner = ex is TypeInitializationException { InnerException: { } i } ? i : ex;
            return $"the ONNX Runtime native library ({FileName} for {RuntimeId}) could not be loaded: {inner.Message}. " +
                "DataGate ships it for linux-x64, win-x64 and osx-arm64; elsewhere place the file from the Microsoft.ML.OnnxRuntime 1.31.1 NuGet package " +
                $"(runtimes/{RuntimeId}/native/) under runtimes/{RuntimeId}/native/ next to DataGate.Core.dll";
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!libraryName.Contains("onnxruntime", StringComparison.OrdinalIgnoreCase))
        {
            return IntPtr.Zero;
        }

        foreach (var folder in new[] { Path.GetDirectoryName(typeof(OnnxRuntimeLibrary).Assembly.Location), AppContext.BaseDirectory })
        {
            if (string.IsNullOrEmpty(folder))
            {
                continue;
            }

            var candidate = Path.Combine(folder, "runtimes", RuntimeId, "native", FileName);
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero; // the runtime's default probing
    }
}
