using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace DataGate.Core.Tests.Reports;

public sealed class JUnitReportTests(ReportDataset data) : IClassFixture<ReportDataset>
{
    private static string Schema => Path.Combine(RepoRoot.Path, "tests", "fixtures", "schemas", "junit-10.xsd");

    [Fact]
    public void Should_ValidateAgainstTheJUnitSchema_When_Written()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Schema);
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using (var reader = XmlReader.Create(data.Written("junit"), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.Empty(errors);
    }

    [Fact]
    public void Should_RejectAnInvalidDocument_When_SchemaIsUsed()
    {
        // The validation above can fail: a testcase without its required name is refused.
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Schema);
        var doc = XDocument.Parse("<testsuites><testsuite name='x' tests='1' failures='0' errors='0'><testcase/></testsuite></testsuites>");
        var errors = new List<string>();
        doc.Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Should_HaveOneCasePerRuleAndOneForTheGate_When_Written()
    {
        var cases = XDocument.Load(data.Written("junit")).Descendants("testcase").Select(c => (string)c.Attribute("name")!).ToList();
        foreach (var id in new[] { "colourful", "bright-enough", "duplicates.exact", "duplicates.label_conflicts", "gender-share", "colour-cue" })
        {
            Assert.Single(cases, c => c.StartsWith(id + ":", StringComparison.Ordinal));
        }

        Assert.Single(cases, c => c.StartsWith("gate counts: 29 files", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_FailTheConflictCaseWithTheFindingText_When_LabelsConflict()
    {
        var doc = XDocument.Load(data.Written("junit"));
        var conflict = doc.Descendants("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("duplicates.label_conflicts", StringComparison.Ordinal));
        var failure = Assert.Single(conflict.Elements("failure"));
        Assert.Equal("DG2032", (string?)failure.Attribute("type"));
        Assert.Contains("disagrees on gender", (string)failure.Attribute("message")!, StringComparison.Ordinal);
        var passing = doc.Descendants("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("gender-share", StringComparison.Ordinal));
        Assert.Empty(passing.Elements("failure"));
        Assert.Equal("1", (string?)doc.Root!.Attribute("failures"));
    }
}
