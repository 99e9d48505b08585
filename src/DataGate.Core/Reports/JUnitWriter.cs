using System.Globalization;
using System.Text;
using System.Xml;
using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;

namespace DataGate.Core.Reports;

/// <summary>
/// Writes the verdict as JUnit XML (the Ant/Surefire dialect Jenkins, GitLab, Azure DevOps and GitHub test reporters
/// read): one test suite per rule file, one test case per rule and one for the gate counts. A rule with an error
/// finding fails (each error finding one <c>failure</c> element with its text and offending images); warnings and
/// notes go to the case's <c>system-out</c>.
/// </summary>
internal static class JUnitWriter
{
    /// <summary>Offending images named per failure (report.json lists all).</summary>
    public const int MaxImagesPerFailure = 50;

    public static void Write(Stream stream, GateResult result)
    {
        var rules = RuleCatalog.Of(result);
        var known = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var cases = rules.Select(r => (Rule: r, Findings: RuleCatalog.FindingsOf(result, r.Id, known).ToList())).ToList();
        int failures = cases.Count(c => c.Findings.Any(IsError));
        string suiteName = "datagate: " + (result.Config.SourcePath is { } p ? Path.GetFileName(p) : "datagate.yml");
        string tests = cases.Count.ToString(CultureInfo.InvariantCulture);

        using var w = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        w.WriteStartDocument();
        w.WriteStartElement("testsuites");
        w.WriteAttributeString("name", "DataGate");
        w.WriteAttributeString("tests", tests);
        w.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("errors", "0");
        w.WriteStartElement("testsuite");
        w.WriteAttributeString("name", suiteName);
        w.WriteAttributeString("tests", tests);
        w.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("errors", "0");
        w.WriteAttributeString("skipped", "0");
        if (result.Config.SourcePath is { } source)
        {
            w.WriteAttributeString("file", source);
        }

        w.WriteStartElement("properties");
        Property(w, "dataset", result.Config.Dataset.Root);
        Property(w, "total", result.Counts.Total);
        Property(w, "kept", result.Counts.Kept);
        Property(w, "excluded", result.Counts.Excluded);
        Property(w, "errored", result.Counts.Errored);
        w.WriteEndElement();

        foreach (var (rule, findings) in cases)
        {
            w.WriteStartElement("testcase");
            w.WriteAttributeString("name", rule.Id == RuleCatalog.GateId ? $"gate counts: {result.Counts.Total} files, {result.Counts.Kept} kept, {result.Counts.Excluded} excluded, {result.Counts.Errored} errored" : $"{rule.Id}: {rule.Sentence}");
            w.WriteAttributeString("classname", "datagate." + rule.Kind);
            w.WriteAttributeString("time", "0");
            foreach (var f in findings.Where(IsError))
            {
                w.WriteStartElement("failure");
                w.WriteAttributeString("message", Line(f.Diagnostic));
                w.WriteAttributeString("type", f.Diagnostic.Code);
                w.WriteString(Details(f));
                w.WriteEndElement();
            }

            var notes = findings.Where(f => !IsError(f)).ToList();
            if (notes.Count > 0)
            {
                w.WriteElementString("system-out", string.Join("\n", notes.Select(Details)));
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static bool IsError(Finding f) => f.Diagnostic.Severity == Severity.Error;

    private static string Line(Diagnostic d) => $"{d.Code}: {d.Message}" + (d.ImagePath is null ? string.Empty : $" [{d.ImagePath}]");

    private static string Details(Finding f)
    {
        var text = new StringBuilder(f.Diagnostic.ToString());
        foreach (var image in f.Images.Take(MaxImagesPerFailure))
        {
            text.Append('\n').Append("  ").Append(image.Path);
            if (!double.IsNaN(image.Value))
            {
                text.Append(" = ").Append(image.Value.ToString("G6", CultureInfo.InvariantCulture));
            }

            if (image.Note is not null)
            {
                text.Append(" (").Append(image.Note).Append(')');
            }
        }

        if (f.Images.Count > MaxImagesPerFailure)
        {
            text.Append('\n').Append("  … and ").Append(f.Images.Count - MaxImagesPerFailure).Append(" more (report.json lists all)");
        }

        return text.ToString();
    }

    private static void Property(XmlWriter w, string name, object value)
    {
        w.WriteStartElement("property");
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("value", Convert.ToString(value, CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }
}
