using System.Globalization;

namespace DataGate.ExampleGenerator;

/// <summary>
/// Verification pass over a written folder: decodes every image with ImageSharp and prints, per planted-defect
/// group, the range of mean luma, Laplacian variance (OpenCV-style gray, 3×3 kernel, reflect-101 border) and
/// Hasler–Süsstrunk colourfulness, plus the colourfulness by gender (the planted shortcut).
/// </summary>
internal static class DatasetStats
{
    /// <summary>Prints the report for <paramref name="folder"/> to standard output.</summary>
    public static void Print(string folder)
    {
        var defectOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(Path.Combine(folder, "DEFECTS.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            defectOf.TryAdd(f[0], f[1]);
        }

        var groups = new SortedDictionary<string, List<double[]>>(StringComparer.Ordinal);
        var byGender = new List<double>[] { [], [] };
        long bytes = 0;
        foreach (string path in Directory.GetFiles(folder, "*.chip.*").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            byte[] data = File.ReadAllBytes(path);
            bytes += data.Length;
            string group = defectOf.GetValueOrDefault(name, "clean");
            Canvas canvas;
            try
            {
                canvas = Codec.Decode(data);
            }
            catch (Exception ex)
            {
                Console.WriteLine($"{name}: decode failed ({ex.GetType().Name})");
                continue;
            }

            double[] m = Measure(canvas);
            if (!groups.TryGetValue(group, out var list))
            {
                groups[group] = list = [];
            }

            list.Add(m);
            string[] parts = name.Split('_');
            if (group == "clean" && parts.Length == 4)
            {
                byGender[int.Parse(parts[1], CultureInfo.InvariantCulture)].Add(m[2]);
            }
        }

        Console.WriteLine($"total bytes: {bytes}");
        Console.WriteLine($"{"group",-20}{"n",4}  {"luma min/max",-16}{"lapvar min/max",-20}{"colourful min/max",-18}{"gray",5}");
        foreach ((string group, List<double[]> rows) in groups)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"{group,-20}{rows.Count,4}  {rows.Min(r => r[0]),6:F1}/{rows.Max(r => r[0]),-8:F1}{rows.Min(r => r[1]),8:F1}/{rows.Max(r => r[1]),-10:F1}{rows.Min(r => r[2]),6:F1}/{rows.Max(r => r[2]),-10:F1}{rows.Count(r => r[3] > 0),3}"));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"colourfulness of clean images: male mean {byGender[0].Average():F1} (n {byGender[0].Count}), female mean {byGender[1].Average():F1} (n {byGender[1].Count})"));
    }

    /// <summary>[mean luma, Laplacian variance, colourfulness, 1 if R = G = B everywhere else 0].</summary>
    private static double[] Measure(Canvas c)
    {
        int w = c.Width;
        int h = c.Height;
        byte[] p = c.Pixels;
        var gray = new int[w * h];
        double sumRg = 0, sumYb = 0, sumRg2 = 0, sumYb2 = 0, lumaSum = 0;
        bool isGray = true;
        for (int i = 0; i < w * h; i++)
        {
            int r = p[i * 3], g = p[(i * 3) + 1], b = p[(i * 3) + 2];
            gray[i] = ((r * 4899) + (g * 9617) + (b * 1868) + 8192) >> 14;
            lumaSum += gray[i];
            isGray &= r == g && g == b;
            double rg = r - g;
            double yb = (0.5 * (r + g)) - b;
            sumRg += rg;
            sumYb += yb;
            sumRg2 += rg * rg;
            sumYb2 += yb * yb;
        }

        int n = w * h;
        double muRg = sumRg / n, muYb = sumYb / n;
        double colourful = Math.Sqrt((sumRg2 / n) - (muRg * muRg) + (sumYb2 / n) - (muYb * muYb)) + (0.3 * Math.Sqrt((muRg * muRg) + (muYb * muYb)));

        double lapSum = 0, lapSum2 = 0;
        for (int y = 0; y < h; y++)
        {
            int yu = y == 0 ? 1 : y - 1;
            int yd = y == h - 1 ? h - 2 : y + 1;
            for (int x = 0; x < w; x++)
            {
                int xl = x == 0 ? 1 : x - 1;
                int xr = x == w - 1 ? w - 2 : x + 1;
                double lap = gray[(yu * w) + x] + gray[(yd * w) + x] + gray[(y * w) + xl] + gray[(y * w) + xr] - (4 * gray[(y * w) + x]);
                lapSum += lap;
                lapSum2 += lap * lap;
            }
        }

        double lapMean = lapSum / n;
        return [lumaSum / n, (lapSum2 / n) - (lapMean * lapMean), colourful, isGray ? 1 : 0];
    }
}
