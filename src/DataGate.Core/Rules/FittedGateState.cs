using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataGate.Core.Diagnostics;
using DataGate.Core.Metrics;

namespace DataGate.Core.Rules;

/// <summary>
/// The state of a <see cref="FittedGate"/> that judges new rows, as versioned JSON: the resolved bounds of every quality
/// rule and the odd-size band. Numbers are strings (round-trip exact, ±∞ included). The rule set itself is not in it (a host stores its rule-file text beside it), nor are
/// the fitted rows, duplicate groups, balance or parity results: they describe the fitted set, not new rows. Used by
/// the ML.NET adapter to save a fitted gate with an ML.NET model.
/// </summary>
internal static class FittedGateState
{
    /// <summary>The format name written into every state.</summary>
    public const string Format = "datagate.fitted-gate";

    /// <summary>The version written; <see cref="Read"/> accepts this one only.</summary>
    public const int Version = 1;

    /// <summary>Writes the state of a fitted gate.</summary>
    public static string Write(FittedGate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var bounds = new JsonObject();
        foreach (var (id, (min, max)) in gate.ResolvedBounds.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            bounds[id] = new JsonArray(Text(min), Text(max));
        }

        var root = new JsonObject
        {
            ["format"] = Format,
            ["version"] = Version,
            ["bounds"] = bounds,
            ["odd_size"] = gate.Fences is { } f ? new JsonArray(Text(f.Mid), Text(f.Norm), Text(f.Threshold)) : null,
        };
        return root.ToJsonString();
    }

    /// <summary>Restores a gate for <paramref name="rules"/> from a state <see cref="Write"/> produced.</summary>
    /// <exception cref="FormatException">The text is not such a state (message starts with DG1038).</exception>
    public static FittedGate Read(RuleSet rules, string state)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            var root = JsonNode.Parse(state, documentOptions: new JsonDocumentOptions { MaxDepth = 8 })?.AsObject()
                ?? throw Bad("it is empty");
            if (root["format"]?.GetValue<string>() != Format)
            {
                throw Bad($"it is not a {Format} state");
            }

            int version = root["version"]?.GetValue<int>() ?? 0;
            if (version != Version)
            {
                throw Bad($"its version is {version}; this DataGate reads version {Version}");
            }

            var bounds = new Dictionary<string, (double Min, double Max)>(StringComparer.Ordinal);
            foreach (var (id, node) in root["bounds"]?.AsObject() ?? throw Bad("it has no bounds"))
            {
                var pair = node?.AsArray() ?? throw Bad($"bound '{id}' is empty");
                bounds[id] = (Number(pair, 0), Number(pair, 1));
            }

            foreach (var rule in rules.Config.Quality)
            {
                if (!bounds.ContainsKey(rule.Id))
                {
                    throw Bad($"it has no bounds for quality rule '{rule.Id}' (saved with another rule file?)");
                }
            }

            var odd = root["odd_size"]?.AsArray();
            var fences = odd is null ? null : OddSizeFences.Restore(Number(odd, 0), Number(odd, 1), Number(odd, 2));
            return FittedGate.Restore(rules, bounds, fences);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            throw Bad(ex.Message);
        }
    }

    private static double Number(JsonArray array, int index)
        => index < array.Count && array[index] is { } n && double.TryParse(n.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
            ? d
            : throw Bad($"a number is missing or malformed at position {index}");

    // Shortest round-trip text: exact for every double, and "Infinity"/"-Infinity" where JSON numbers cannot go.
    private static JsonValue Text(double d) => JsonValue.Create(d.ToString("R", CultureInfo.InvariantCulture));

    private static FormatException Bad(string why)
        => new($"{DiagnosticCodes.MlModelStateUnreadable.Code}: the saved DataGate state cannot be read: {why}");
}
