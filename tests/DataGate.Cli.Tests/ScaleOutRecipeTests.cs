using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DataGate.Cli.Tests;

/// <summary>Every recipe file under examples/scale-out parses (YAML, JSON, shell, Python) and states a consistent run.</summary>
public class ScaleOutRecipeTests
{
    private static readonly string s_recipes = Path.Combine(Repo.Root, "examples", "scale-out");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(s_recipes, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(s_recipes, f));
        }

        return data;
    }

    [Fact]
    public void Should_ShipARecipe_When_AnEngineIsDocumented()
    {
        var folders = Directory.EnumerateDirectories(s_recipes).Select(Path.GetFileName).ToHashSet();

        Assert.Superset(new HashSet<string?> { "kubernetes", "argo", "slurm", "aws-batch", "azure-batch", "pyspark", "dask" }, folders);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_Parse_When_ARecipeFileIsRead(string relative)
    {
        var path = Path.Combine(s_recipes, relative);
        switch (Path.GetExtension(path))
        {
            case ".yaml" or ".yml":
                var stream = new YamlStream();
                using (var reader = new StreamReader(path))
                {
                    stream.Load(reader);
                }

                var root = Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
                Assert.Contains(new YamlScalarNode("apiVersion"), root.Children.Keys);
                Assert.Contains(new YamlScalarNode("kind"), root.Children.Keys);
                break;
            case ".json":
                using (JsonDocument.Parse(File.ReadAllText(path)))
                {
                }

                break;
            case ".sh" or ".sbatch":
                var (code, output) = Run("bash", "-n", path);
                Assert.True(code == 0, output);
                break;
            case ".py":
                (code, output) = Run("python3", "-c", "import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])", path);
                Assert.True(code == 0, output);
                break;
            default:
                Assert.Fail($"{relative}: no parser for this kind of recipe file");
                break;
        }
    }

    [Fact]
    public void Should_AskForAsManyShardsAsTheJobRuns_When_TheKubernetesIndexedJobIsRead()
    {
        var text = File.ReadAllText(Path.Combine(s_recipes, "kubernetes", "analyze-indexed-job.yaml"));
        var plan = File.ReadAllText(Path.Combine(s_recipes, "kubernetes", "plan-job.yaml"));

        var completions = Regex.Match(text, @"completions:\s*(\d+)").Groups[1].Value;
        Assert.Contains("completionMode: Indexed", text, StringComparison.Ordinal);
        Assert.Contains($"\"auto/{completions}\"", text, StringComparison.Ordinal);
        Assert.Contains($"\"--shards\", \"{completions}\"", plan, StringComparison.Ordinal);
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }
}
