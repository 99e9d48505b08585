using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DataGate.ML.Mapping;

/// <summary>
/// Parses a transform's state text once. The state column of every row holds the same string (the value mapping's
/// single entry), so parsed state is keyed by that string object and lives exactly as long as the model that holds it.
/// </summary>
/// <typeparam name="T">The parsed state.</typeparam>
internal sealed class StateCache<T>
    where T : class
{
    private readonly ConditionalWeakTable<string, T> _byText = [];
    private readonly Func<string, T> _parse;
    private (string Text, T Value)? _last;

    public StateCache(Func<string, T> parse) => _parse = parse;

    public T Get(ReadOnlyMemory<char> state)
    {
        if (MemoryMarshal.TryGetString(state, out var text, out int start, out int length) && start == 0 && length == text.Length)
        {
            return _byText.GetValue(text, t => _parse(t));
        }

        // Not backed by a whole string (a copy): compare with the last one parsed.
        var last = _last;
        if (last is { } l && state.Span.SequenceEqual(l.Text))
        {
            return l.Value;
        }

        string copy = state.ToString();
        var value = _parse(copy);
        _last = (copy, value);
        return value;
    }
}
