using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.Core.Sharding;
using DuckDB.NET.Data;

namespace DataGate.Core.Tests.Sharding;

/// <summary>The shard files are a contract for other engines: DuckDB reads them and finds what DataGate finds.</summary>
public sealed class ShardDuckDbTests : IDisposable
{
    private readonly ShardDataset _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Should_ReadTheSameRowsHashesAndPercentiles_When_DuckDbQueriesAllShards()
    {
        var single = GateRunner.Run(_data.ConfigPath, new GateRunOptions { DisplayBasePath = _data.Root });
        Assert.Equal(0, ShardedAnalysis.Plan(_data.ConfigPath, 3, _data.Dir("plan")).ExitCode);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(0, ShardedAnalysis.Analyze(_data.Dir("plan"), i, 3, _data.Dir("shards")).ExitCode);
        }

        var records = single.Result!.Records;
        var glob = Path.Combine(_data.Dir("shards"), "shard-*.parquet").Replace("'", "''", StringComparison.Ordinal);
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();

        Assert.Equal(records.Count, Convert.ToInt64(Scalar(db, $"SELECT count(*) FROM read_parquet('{glob}')"), CultureInfo.InvariantCulture));

        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = $"SELECT path, phash, dhash, replace(CAST(file_hash AS VARCHAR), '-', ''), error_code FROM read_parquet('{glob}') ORDER BY path";
            using var reader = cmd.ExecuteReader();
            int i = 0;
            while (reader.Read())
            {
                var r = records[i++];
                Assert.Equal(r.Path, reader.GetString(0));
                Assert.Equal(r.HashBits.TryGetValue(TextColumns.PHash, out var p) ? p : null, reader.IsDBNull(1) ? null : (ulong?)reader.GetFieldValue<ulong>(1));
                Assert.Equal(r.HashBits.TryGetValue(TextColumns.DHash, out var d) ? d : null, reader.IsDBNull(2) ? null : (ulong?)reader.GetFieldValue<ulong>(2));
                Assert.Equal(r.Texts.GetValueOrDefault(TextColumns.FileHash), reader.IsDBNull(3) ? null : reader.GetString(3));
                Assert.Equal(r.Error?.Code, reader.IsDBNull(4) ? null : reader.GetString(4));
            }

            Assert.Equal(records.Count, i);
        }

        // The percentile rule's threshold (numpy linear interpolation) is DuckDB's quantile_cont over the same column.
        double threshold = single.Result.ResolvedBounds["darkest"].Min;
        double duck = Convert.ToDouble(Scalar(db, $"SELECT quantile_cont(luminance_mean, 0.05) FROM read_parquet('{glob}')"), CultureInfo.InvariantCulture);
        Assert.Equal(threshold, duck, 1e-9);

        Assert.Equal(3L, Convert.ToInt64(Scalar(db, $"SELECT count(DISTINCT value) FROM parquet_kv_metadata('{glob}') WHERE decode(key) = 'datagate.shard_index'"), CultureInfo.InvariantCulture));
    }

    private static object Scalar(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar()!;
    }
}
