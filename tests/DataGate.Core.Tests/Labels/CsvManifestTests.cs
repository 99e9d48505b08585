using System.Text;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Labels;

namespace DataGate.Core.Tests.Labels;

/// <summary>The strict CSV manifest reader: every malformed row is a finding with a line and column, never a lost label.</summary>
public sealed class CsvManifestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-csv-").FullName;

    public CsvManifestTests() => Directory.CreateDirectory(Path.Combine(_dir, "images"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (List<ImageRecord> Records, List<Diagnostic> Diagnostics) Resolve(string csv, string fields, string csvOptions = "", params string[] paths)
    {
        File.WriteAllText(Path.Combine(_dir, "labels.csv"), csv, new UTF8Encoding(false));
        var result = ConfigLoader.Parse($"version: 1\ndataset:\n  root: images\n  labels:\n    csv: {{ path: labels.csv{csvOptions} }}\n" + fields, "datagate.yml", _dir);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var (labelled, diagnostics) = LabelResolver.Resolve(result.Config!, paths.Select(p => new ImageRecord(p)).ToList());
        return ([.. labelled], diagnostics);
    }

    private static (string[]? Header, List<(int Line, string[] Fields)> Rows, List<Diagnostic> Diagnostics) Read(string text, char? separator = null)
    {
        var diagnostics = new List<Diagnostic>();
        var rows = new List<(int, string[])>();
        using var reader = CsvManifestReader.Open(new StringReader(text), separator, "m.csv", diagnostics);
        reader.ReadRows((line, fields) => rows.Add((line, fields)));
        return (reader.Header, rows, diagnostics);
    }

    [Fact]
    public void Should_ReportEachStrayQuoteWithLineAndColumn_When_UnquotedFieldsContainQuotes()
    {
        var csv = "file,note\na.jpg,5\" tall\nb.jpg,x\nc.jpg,7\" wide\nd.jpg,y\n";
        var (records, diagnostics) = Resolve(csv, "fields:\n  note: { type: category }\n", "", "a.jpg", "b.jpg", "c.jpg", "d.jpg");
        var stray = diagnostics.Where(d => d.Code == "DG2014").ToList();
        Assert.Equal(2, stray.Count);
        Assert.Equal((2, 8), (stray[0].Location!.Line, stray[0].Location!.Column));
        Assert.Equal((4, 8), (stray[1].Location!.Line, stray[1].Location!.Column));
        Assert.All(stray, d => Assert.Equal(Severity.Error, d.Severity));
        Assert.Empty(records[0].Labels);
        Assert.Equal("y", records[3].Labels["note"]);
        Assert.DoesNotContain(records, r => r.Labels.Values.Any(v => v.Contains('\n', StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_ReportStrayQuote_When_QuotesStayOnOneLine()
    {
        var (_, rows, diagnostics) = Read("file,note\na.jpg,say \"hi\" now\nb.jpg,ok\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(("DG2014", 2, 11), (d.Code, d.Location!.Line, d.Location!.Column));
        Assert.Equal("b.jpg", Assert.Single(rows).Fields[0]);
    }

    [Fact]
    public void Should_ReadEveryRow_When_LinesEndWithLoneCarriageReturns()
    {
        var (header, rows, diagnostics) = Read("file,gender\ra.jpg,0\rb.jpg,1\r");
        Assert.Empty(diagnostics);
        Assert.Equal(["file", "gender"], header!);
        Assert.Equal([2, 3], rows.Select(r => r.Line));
        Assert.Equal("1", rows[1].Fields[1]);
    }

    [Fact]
    public void Should_TrimHeaderNamesAndValues_When_SpacesFollowTheSeparator()
    {
        var (records, diagnostics) = Resolve("file, gender\na.jpg, 0\nb.jpg,\" 1 \"\n", "fields:\n  gender: { type: category }\n", "", "a.jpg", "b.jpg");
        Assert.Empty(diagnostics);
        Assert.Equal("0", records[0].Labels["gender"]);
        Assert.Equal(" 1 ", records[1].Labels["gender"]);
        Assert.DoesNotContain(records, r => r.Labels.ContainsKey(" gender"));
    }

    [Fact]
    public void Should_FailAtTheHeader_When_AColumnNameRepeats()
    {
        var (records, diagnostics) = Resolve("file,age, age\na.jpg,1,2\n", "", "", "a.jpg");
        var d = Assert.Single(diagnostics);
        Assert.Equal(("DG1023", Severity.Error, 1, 10), (d.Code, d.Severity, d.Location!.Line, d.Location!.Column));
        Assert.Contains("'age' twice (columns 2 and 3)", d.Message, StringComparison.Ordinal);
        Assert.Empty(records[0].Labels);
    }

    [Fact]
    public void Should_FailAtTheHeader_When_AColumnHasNoName()
    {
        var (_, _, diagnostics) = Read("file,,age\na.jpg,1,2\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(("DG1023", 1, 6), (d.Code, d.Location!.Line, d.Location!.Column));
    }

    [Fact]
    public void Should_FailAtTheHeader_When_ADeclaredFieldIsNotAColumn()
    {
        var (_, diagnostics) = Resolve("file;gender\na.jpg;0\n", "fields:\n  age: { type: integer }\n", "", "a.jpg");
        var d = Assert.Single(diagnostics);
        Assert.Equal(("DG1023", 1), (d.Code, d.Location!.Line));
        Assert.Contains("'age'", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file\tgender\na.jpg\t1\n", "")]
    [InlineData("file;gender\na.jpg;1\n", "")]
    [InlineData("file|gender\na.jpg|1\n", "")]
    [InlineData("file\tgender\na.jpg\t1\n", ", separator: '\\t'")]
    [InlineData("file;gender\na.jpg;1\n", ", separator: ';'")]
    public void Should_ReadLabels_When_TheSeparatorIsTabSemicolonOrBar(string csv, string options)
    {
        var (records, diagnostics) = Resolve(csv, "fields:\n  gender: { type: category }\n", options, "a.jpg");
        Assert.Empty(diagnostics);
        Assert.Equal("1", records[0].Labels["gender"]);
    }

    [Fact]
    public void Should_RejectTheConfig_When_TheSeparatorIsUnknown()
    {
        File.WriteAllText(Path.Combine(_dir, "labels.csv"), "file\n");
        var result = ConfigLoader.Parse("version: 1\ndataset:\n  root: images\n  labels:\n    csv: { path: labels.csv, separator: ':' }\n", "datagate.yml", _dir);
        Assert.Contains(result.Diagnostics, d => d.Code == "DG1008" && d.Location!.Line == 5);
    }

    [Fact]
    public void Should_ReadQuotedHeadersEscapedQuotesAndEmbeddedNewlines_When_FieldsAreQuoted()
    {
        var (header, rows, diagnostics) = Read("\uFEFF\"file\",\"note, long\"\r\n\"a.jpg\",\"5\"\" tall\r\nand wide\"\r\nb.jpg,plain\r\n");
        Assert.Empty(diagnostics);
        Assert.Equal(["file", "note, long"], header!);
        Assert.Equal("5\" tall\r\nand wide", rows[0].Fields[1]);
        Assert.Equal((4, "b.jpg"), (rows[1].Line, rows[1].Fields[0]));
    }

    [Fact]
    public void Should_SkipBlankLines_When_TheFileEndsWithEmptyLines()
    {
        var (_, rows, diagnostics) = Read("file,g\n\na.jpg,1\n\n\n  \n");
        Assert.Empty(diagnostics);
        Assert.Equal((3, "a.jpg"), (Assert.Single(rows).Line, rows[0].Fields[0]));
    }

    [Fact]
    public void Should_ReportTheRowAndColumn_When_ARowHasTooManyOrTooFewFields()
    {
        var (_, rows, diagnostics) = Read("file,g\na.jpg,1,extra\nb.jpg\nc.jpg,3\n");
        Assert.Equal("c.jpg", Assert.Single(rows).Fields[0]);
        Assert.Collection(
            diagnostics,
            d => Assert.Equal(("DG2014", 2, 9), (d.Code, d.Location!.Line, d.Location!.Column)),
            d => Assert.Equal(("DG2014", 3, 6), (d.Code, d.Location!.Line, d.Location!.Column)));
    }

    [Fact]
    public void Should_ReportAnUnclosedQuote_When_AQuotedFieldRunsToTheEnd()
    {
        var (_, rows, diagnostics) = Read("file,g\na.jpg,1\nb.jpg,\"open\nc.jpg,3\n");
        Assert.Single(rows);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("DG2014", 3, 7), (d.Code, d.Location!.Line, d.Location!.Column));
        Assert.Contains("not closed", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportTextAfterTheClosingQuote_When_AQuotedFieldContinues()
    {
        var (_, _, diagnostics) = Read("file,g\na.jpg,\"x\"y\n");
        Assert.Equal(("DG2014", 2, 10), (diagnostics[0].Code, diagnostics[0].Location!.Line, diagnostics[0].Location!.Column));
    }

    [Fact]
    public void Should_BeAnError_When_NoImageCarriesADeclaredField()
    {
        var (_, diagnostics) = Resolve("file,gender\na.jpg,\nb.jpg,\n", "fields:\n  gender: { type: category }\n", "", "a.jpg", "b.jpg");
        var d = Assert.Single(diagnostics);
        Assert.Equal(("DG2015", Severity.Error), (d.Code, d.Severity));
        Assert.Equal(7, d.Location!.Line);
    }

    [Fact]
    public void Should_Warn_When_MostImagesLackADeclaredField()
    {
        var (_, diagnostics) = Resolve("file,gender\na.jpg,1\nb.jpg,\nc.jpg,\n", "fields:\n  gender: { type: category }\n", "", "a.jpg", "b.jpg", "c.jpg");
        var d = Assert.Single(diagnostics);
        Assert.Equal(("DG2015", Severity.Warning), (d.Code, d.Severity));
        Assert.Contains("only 1 of 3", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportEmptyManifest_When_TheFileHasOnlyBlankLines()
    {
        var (_, diagnostics) = Resolve("\n\n", "", "", "a.jpg");
        Assert.Equal("DG1017", Assert.Single(diagnostics).Code);
    }
}
