using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.Core.Diagnostics;
using DataGate.Core.Labels;
using DataGate.Core.Reports;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Core.Tests.Reports;

/// <summary>metrics.csv and kept.csv are public contracts: exact header, RFC 4180 quoting, invariant number text.</summary>
public sealed class CsvWritersContractTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-csvw-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("a.jpg", "a.jpg")]
    [InlineData("a,b.jpg", "\"a,b.jpg\"")]
    [InlineData("5\" tall", "\"5\"\" tall\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\ronly", "\"cr\ronly\"")]
    [InlineData(" spaced ", " spaced ")]
    public void Should_QuoteExactlyWhenNeeded_When_AFieldIsWritten(string? text, string expected) => Assert.Equal(expected, Csv.Field(text));

    [Theory]
    [InlineData(double.NaN, "")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(3.0, "3")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5e-7, "-2.5E-07")]
    [InlineData(1234567.125, "1234567.125")]
    public void Should_WriteInvariantRoundTripText_When_ANumberIsWritten(double value, string expected)
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ","; // a comma decimal separator must not leak in
            comma.NumberFormat.NegativeSign = "~";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal(expected, Csv.Number(value));
            Assert.Equal(value, Csv.Number(value).Length == 0 ? double.NaN : double.Parse(Csv.Number(value).Replace("inf", "Infinity", StringComparison.Ordinal), CultureInfo.InvariantCulture));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Should_WriteTheDocumentedHeader_When_MetricsCsvIsWritten()
    {
        var text = new StringWriter();
        MetricsCsvWriter.Write(text, []);
        var header = text.ToString().TrimEnd('\r', '\n');
        Assert.Equal(string.Join(',', MetricsCsvWriter.Columns), header);
        Assert.StartsWith("path,format,mode,", header, StringComparison.Ordinal);
        Assert.EndsWith(",error", header, StringComparison.Ordinal);
        Assert.Equal(MetricsCsvWriter.Columns.Count, MetricsCsvWriter.Columns.Distinct(StringComparer.Ordinal).Count());

    }

    [Fact]
    public void Should_QuoteAnErrorAndAPath_When_TheyHoldCommasQuotesOrNewlines()
    {
        var record = new ImageRecord("odd, \"name\".png") { Error = DiagnosticCodes.Corrupt.Create("bad data, \"really\"\nbad") };
        var text = new StringWriter();
        MetricsCsvWriter.Write(text, [record]);

        var rows = ReadBack(text.ToString());
        var row = Assert.Single(rows);
        Assert.Equal(MetricsCsvWriter.Columns.Count, row.Length);
        Assert.Equal("odd, \"name\".png", row[0]);
        Assert.Equal("DG3006: bad data, \"really\"\nbad", row[^1]);
        Assert.All(row[3..^(1 + TextColumns.All.Count)], v => Assert.Equal(string.Empty, v)); // NaN metrics are empty
    }

    [Fact]
    public void Should_RoundTripEveryLabel_When_KeptCsvIsReadBackStrictly()
    {
        var images = Directory.CreateDirectory(Path.Combine(_dir, "images")).FullName;
        var random = new Random(4);
        foreach (var name in new[] { "a.png", "b, c.png", "d.png" })
        {
            using var image = new Image<Rgb24>(32, 32);
            image.ProcessPixelRows(rows =>
            {
                for (int y = 0; y < rows.Height; y++)
                {
                    foreach (ref var p in rows.GetRowSpan(y))
                    {
                        p = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                    }
                }
            });
            image.SaveAsPng(Path.Combine(images, name));
        }

        File.WriteAllText(Path.Combine(_dir, "labels.csv"), "file,\"note, long\",gender\na.png,\"5\"\" tall\",0\n\"b, c.png\",\"two\nlines\",1\nd.png,plain,1\n");
        File.WriteAllText(Path.Combine(_dir, "datagate.yml"), "version: 1\ndataset:\n  root: images\n  labels:\n    csv: { path: labels.csv }\nfields:\n  gender: { type: category }\n");
        var outcome = GateRunner.Run(Path.Combine(_dir, "datagate.yml"), Path.Combine(_dir, "out"));
        Assert.Equal(0, outcome.ExitCode);

        var kept = File.ReadAllText(outcome.KeptManifest!.Path);
        Assert.StartsWith("path,gender,\"note, long\"\n", kept.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var rows = ReadBack(kept);
        Assert.Equal(
            [["a.png", "0", "5\" tall"], ["b, c.png", "1", "two\nlines"], ["d.png", "1", "plain"]],
            rows.Select(r => r.Select(v => v.ReplaceLineEndings("\n")).ToArray()).ToArray());
    }

    private static List<string[]> ReadBack(string csv)
    {
        var diagnostics = new List<Diagnostic>();
        var rows = new List<string[]>();
        using var reader = CsvManifestReader.Open(new StringReader(csv), ',', "out.csv", diagnostics);
        reader.ReadRows((_, fields) => rows.Add(fields));
        Assert.Empty(diagnostics);
        return rows;
    }
}
