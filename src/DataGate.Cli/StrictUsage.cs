using System.Reflection;
using Spectre.Console.Cli;

namespace DataGate.Cli;

/// <summary>
/// Makes every verb's command line strict. Spectre.Console.Cli, when not strict, keeps an unknown option
/// (<c>--confg other.yml</c>) as a "remaining" argument and runs the verb anyway; with its own strict mode it refuses
/// but cannot say what was meant. This interceptor runs before any verb (so verbs added later get it for free), reads
/// the verb's settings type to learn its options, and refuses anything left over with a usage error (exit 2) that
/// names the nearest valid option.
/// </summary>
internal sealed class StrictUsage : ICommandInterceptor
{
    /// <summary>
    /// The running verb's output folder (its <c>--out</c>: a folder, or the folder of an output file) for
    /// datagate-error.log; null before a verb runs or when it has no output.
    /// </summary>
    public string? OutputFolder { get; private set; }

    /// <inheritdoc/>
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.GetType().GetProperty("Out")?.GetValue(settings) is string { Length: > 0 } output)
        {
            OutputFolder = Path.HasExtension(output) && !Directory.Exists(output) ? Path.GetDirectoryName(Path.GetFullPath(output)) : output;
        }

        var verb = context.Name;
        var options = OptionsOf(settings.GetType());
        if (context.Remaining.Raw.Count > 0)
        {
            throw new UsageException($"unexpected argument '{context.Remaining.Raw[0]}' for 'datagate {verb}' (after '--'; options: {string.Join(", ", options)})");
        }

        foreach (var group in context.Remaining.Parsed)
        {
            var given = group.Key.StartsWith('-') ? group.Key : (group.Key.Length == 1 ? "-" : "--") + group.Key;
            throw new UsageException(UnknownOption(verb, given, options));
        }
    }

    /// <summary>
    /// Checks the options of a command line before Spectre binds and validates it, so a mistyped option is named even
    /// when the verb's own validation would fail first (a required option it did not see, e.g. <c>plan --shard 4</c>).
    /// </summary>
    /// <returns>The usage error, or null when every option is one the verb knows.</returns>
    internal static string? PreCheck(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || SettingsOfVerb(args[0]) is not { } settings)
        {
            return null;
        }

        var options = OptionsOf(settings);
        foreach (var arg in args.Skip(1))
        {
            if (arg == "--")
            {
                break;
            }

            if (arg.Length < 2 || arg[0] != '-' || char.IsDigit(arg[1]) || arg[1] == '.')
            {
                continue;
            }

            var name = arg.Split('=', ':')[0];
            if (name is "-h" or "-?" || options.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            return UnknownOption(args[0], name, options);
        }

        return null;
    }

    /// <summary>The settings type of a verb (the command class <c>XCommand</c> is the verb <c>x</c>), or null.</summary>
    private static Type? SettingsOfVerb(string verb) =>
        typeof(StrictUsage).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ICommand).IsAssignableFrom(t) && string.Equals(t.Name, verb + "Command", StringComparison.OrdinalIgnoreCase))
            .Select(SettingsOf)
            .FirstOrDefault();

    /// <summary>The settings type of a command class (the <c>TSettings</c> of its <c>Command&lt;TSettings&gt;</c> base).</summary>
    internal static Type SettingsOf(Type command)
    {
        for (var t = command; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericArguments() is [var settings] && typeof(CommandSettings).IsAssignableFrom(settings))
            {
                return settings;
            }
        }

        throw new InvalidOperationException($"{command.Name} has no settings type");
    }

    private static string UnknownOption(string verb, string given, IReadOnlyList<string> options) =>
        $"unknown option '{given}' for 'datagate {verb}'; did you mean '{Nearest(given, options)}'? (options: {string.Join(", ", options)})";

    /// <inheritdoc/>
    public void InterceptResult(CommandContext context, CommandSettings settings, ref int result)
    {
    }

    /// <summary>
    /// The long (else short) names of a settings type's options, with <c>--help</c>: in declaration order, a base
    /// settings class's options first, as Spectre's help lists them (reflection alone lists a type's own first).
    /// </summary>
    internal static IReadOnlyList<string> OptionsOf(Type settingsType)
    {
        var hierarchy = new Stack<Type>();
        for (var type = settingsType; type is not null; type = type.BaseType)
        {
            hierarchy.Push(type);
        }

        var names = new List<string>();
        foreach (var property in hierarchy.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            var option = property.GetCustomAttribute<CommandOptionAttribute>();
            if (option is null)
            {
                continue;
            }

            names.AddRange(option.LongNames.Select(n => "--" + n));
            names.AddRange(option.ShortNames.Select(n => "-" + n));
        }

        names.Add("--help");
        return names;
    }

    /// <summary>The option with the smallest edit distance to <paramref name="given"/> (ties: the first declared).</summary>
    internal static string Nearest(string given, IReadOnlyList<string> options)
    {
        var longOnly = options.Where(o => o.StartsWith("--", StringComparison.Ordinal)).ToList();
        var pool = given.StartsWith("--", StringComparison.Ordinal) && longOnly.Count > 0 ? longOnly : options;
        return pool.MinBy(o => Distance(given, o)) ?? "--help";
    }

    /// <summary>Levenshtein distance (insert, delete, substitute: cost 1 each).</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

/// <summary>A command line the verb cannot accept: printed as an error, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
}
