using DataGate.Core.Tests.Support;
using DataGate.Core.Imaging;
using DataGate.Core.Quality.Brisque;

namespace DataGate.Core.Tests.Brisque;

public sealed class BrisqueModelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("brisque-model-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_ThrowBrisqueModelException_When_ModelFileIsMissing()
    {
        var range = Write("range.yml", EmbeddedText("brisque_range_live.yml"));
        var missing = Path.Combine(_dir, "nope.yml");
        var ex = Assert.Throws<BrisqueModelException>(() => BrisqueModel.Load(missing, range));
        Assert.Contains("nope.yml", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ThrowBrisqueModelException_When_RangeFileIsMissing()
    {
        var model = Write("model.yml", EmbeddedText("brisque_model_live.yml"));
        var ex = Assert.Throws<BrisqueModelException>(() => BrisqueModel.Load(model, Path.Combine(_dir, "gone.yml")));
        Assert.Contains("gone.yml", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not yaml at all", "no %YAML header")]
    [InlineData("%YAML:1.0\n---\nsomething: 1\n", "opencv_ml_svm")]
    [InlineData("%YAML:1.0\n---\nopencv_ml_svm:\n   svmType: C_SVC\n", "regression")]
    [InlineData("%YAML:1.0\n---\nopencv_ml_svm:\n   svmType: EPS_SVR\n   kernel:\n      type: LINEAR\n", "RBF")]
    public void Should_ThrowBrisqueModelException_When_ModelFileIsMalformed(string text, string expectedInMessage)
    {
        var model = Write("model.yml", text);
        var range = Write("range.yml", EmbeddedText("brisque_range_live.yml"));
        var ex = Assert.Throws<BrisqueModelException>(() => BrisqueModel.Load(model, range));
        Assert.Contains(expectedInMessage, ex.Message, StringComparison.Ordinal);
        Assert.Contains("model.yml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ThrowBrisqueModelException_When_ModelIsTruncated()
    {
        var full = EmbeddedText("brisque_model_live.yml");
        var model = Write("model.yml", full[..(full.Length / 2)]);
        var range = Write("range.yml", EmbeddedText("brisque_range_live.yml"));
        Assert.Throws<BrisqueModelException>(() => BrisqueModel.Load(model, range));
    }

    [Fact]
    public void Should_ThrowBrisqueModelException_When_AlphaCountDiffersFromSvCount()
    {
        var text = EmbeddedText("brisque_model_live.yml").Replace("sv_count: 774", "sv_count: 773", StringComparison.Ordinal);
        var model = Write("model.yml", text);
        var range = Write("range.yml", EmbeddedText("brisque_range_live.yml"));
        var ex = Assert.Throws<BrisqueModelException>(() => BrisqueModel.Load(model, range));
        Assert.Contains("alpha", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cols: 36", "cols: 35")]
    [InlineData("3.44000012e-01,", "3.44000012e-01, oops,")]
    [InlineData("data: [", "data: ")]
    public void Should_ThrowBrisqueModelException_When_RangeFileIsMalformed(string find, string replace)
    {
        var model = Write("model.yml", EmbeddedText("brisque_model_live.yml"));
        var range = Write("range.yml", EmbeddedText("brisque_range_live.yml").Replace(find, replace, StringComparison.Ordinal));
        var ex = Assert.Throws<BrisqueModelException>(() => BrisqueModel.Load(model, range));
        Assert.Contains("range.yml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ScoreLikeDefaultModel_When_LoadedFromCopiesOfTheFiles()
    {
        var model = Write("model.yml", EmbeddedText("brisque_model_live.yml"));
        var range = Write("range.yml", EmbeddedText("brisque_range_live.yml"));
        var loaded = new Quality.Brisque.Brisque(BrisqueModel.Load(model, range));
        var builtin = new Quality.Brisque.Brisque(BrisqueModel.LoadDefault());
        Assert.Equal(774, BrisqueModel.LoadDefault().SupportVectorCount);
        var image = GeneratedImages.Noise(97, 83, seed: 5);
        double score = builtin.Score(image);
        Assert.InRange(score, 0.0, 100.0);
        Assert.Equal(score, loaded.Score(image));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string EmbeddedText(string file)
    {
        var asm = typeof(BrisqueModel).Assembly;
        using var stream = asm.GetManifestResourceStream("DataGate.Core.Resources.brisque." + file)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
