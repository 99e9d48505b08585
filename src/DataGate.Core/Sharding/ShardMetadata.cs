using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace DataGate.Core.Sharding;

/// <summary>The <c>datagate.*</c> keys of a shard's Parquet footer (key-value metadata); documented in docs/scale-out.md.</summary>
internal static class ShardMetadata
{
    public const string Format = "datagate.format";
    public const string ProductVersion = "datagate.product_version";
    public const string AnalysisVersion = "datagate.analysis_version";
    public const string ConfigDigest = "datagate.config_digest";
    public const string PlanDigest = "datagate.plan_digest";
    public const string ShardIndex = "datagate.shard_index";
    public const string ShardCount = "datagate.shard_count";
    public const string RowCount = "datagate.row_count";
    public const string PlanRowCount = "datagate.plan_row_count";
    public const string InstructionSet = "datagate.instruction_set";
    public const string PlanDiagnostics = "datagate.plan_diagnostics";

    /// <summary>The length of the <c>embedding</c> column's vectors (<c>512</c>); present exactly when the shard has that column.</summary>
    public const string EmbeddingDimensions = "datagate.embedding_dimensions";

    /// <summary>Keys whose values must be equal in every shard of one run.</summary>
    public static IReadOnlyList<string> RunKeys { get; } = [Format, ProductVersion, AnalysisVersion, ConfigDigest, PlanDigest, ShardCount, PlanRowCount];

    /// <summary>
    /// The SIMD instruction sets this process uses, e.g. <c>X64 avx2 fma</c>: metrics computed with different vector
    /// widths may differ in the last bit, so the reduce warns when shards disagree.
    /// </summary>
    public static string CurrentInstructionSet { get; } = DescribeInstructionSet();

    private static string DescribeInstructionSet()
    {
        var parts = new List<string> { RuntimeInformation.ProcessArchitecture.ToString(), $"vector{System.Numerics.Vector<byte>.Count * 8}" };
        if (Avx512F.IsSupported && Vector512.IsHardwareAccelerated)
        {
            parts.Add("avx512f");
        }

        if (Avx2.IsSupported)
        {
            parts.Add("avx2");
        }

        if (Fma.IsSupported)
        {
            parts.Add("fma");
        }

        if (AdvSimd.IsSupported)
        {
            parts.Add("advsimd");
        }

        return string.Join(' ', parts);
    }
}
