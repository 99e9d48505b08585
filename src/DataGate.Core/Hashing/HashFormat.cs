using System.Numerics;

namespace DataGate.Core.Hashing;

/// <summary>
/// imagehash's text form of a bit array: bits row-major, first bit most significant, written as lowercase hex
/// with <c>ceil(bits / 4)</c> digits (left-padded with zeros), plus a 64-bit integer form for 8×8 hashes.
/// </summary>
internal static class HashFormat
{
    /// <summary>Hex string of a bit array exactly as imagehash prints it.</summary>
    /// <param name="bits">Hash bits in row-major order; any length ≥ 1.</param>
    public static string ToHex(ReadOnlySpan<bool> bits)
    {
        int digits = (bits.Length + 3) / 4;
        int pad = (digits * 4) - bits.Length;
        return string.Create(digits, (bits.ToArray(), pad), static (chars, state) =>
        {
            var (b, pad) = state;
            for (int d = 0; d < chars.Length; d++)
            {
                int v = 0;
                for (int i = 0; i < 4; i++)
                {
                    int index = (d * 4) + i - pad;
                    v = (v << 1) | (index >= 0 && b[index] ? 1 : 0);
                }

                chars[d] = "0123456789abcdef"[v];
            }
        });
    }

    /// <summary>The first 64 bits (first bit = bit 63) as an integer; the same number the 16-digit hex shows.</summary>
    /// <param name="bits">Exactly 64 bits.</param>
    public static ulong ToUInt64(ReadOnlySpan<bool> bits)
    {
        if (bits.Length != 64)
        {
            throw new ArgumentException("A 64-bit form exists only for 64-bit (8×8) hashes.", nameof(bits));
        }

        ulong v = 0;
        for (int i = 0; i < 64; i++)
        {
            v = (v << 1) | (bits[i] ? 1UL : 0UL);
        }

        return v;
    }

    /// <summary>Parses a 16-digit imagehash hex string into its 64-bit form.</summary>
    /// <param name="hex">Exactly 16 hex digits (either case).</param>
    public static ulong ParseHex64(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 16)
        {
            throw new FormatException($"Expected 16 hex digits, got '{hex}'.");
        }

        return ulong.Parse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Number of differing bits between two 64-bit hashes (0–64).</summary>
    public static int HammingDistance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);
}
