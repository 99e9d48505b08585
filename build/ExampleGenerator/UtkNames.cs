using System.Globalization;

namespace DataGate.ExampleGenerator;

/// <summary>
/// UTKFace file names, <c>{age}_{gender}_{race}_{yyyyMMddHHmmssfff}.jpg.chip.jpg</c>, with unique,
/// deterministic timestamps in December 2016 – January 2017 like the original dataset.
/// </summary>
internal sealed class UtkNames
{
    private static readonly DateTime s_start = new(2016, 12, 20, 0, 0, 0, DateTimeKind.Unspecified);
    private readonly SeededRandom _rng;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>Creates a name source whose timestamps come from <paramref name="rng"/>.</summary>
    public UtkNames(SeededRandom rng)
    {
        _rng = rng;
    }

    /// <summary>A fresh, never returned before, 17-digit timestamp.</summary>
    public string NextTimestamp()
    {
        while (true)
        {
            long ms = (long)(_rng.NextDouble() * 35 * 24 * 3600 * 1000.0);
            string stamp = s_start.AddMilliseconds(ms).ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            if (_used.Add(stamp))
            {
                return stamp;
            }
        }
    }

    /// <summary>A well-formed name with a fresh timestamp; <paramref name="extension"/> is "jpg" or "png".</summary>
    public string Next(FaceLabels labels, string extension = "jpg")
    {
        return $"{labels.Age}_{labels.Gender}_{labels.Race}_{NextTimestamp()}.jpg.chip.{extension}";
    }
}
