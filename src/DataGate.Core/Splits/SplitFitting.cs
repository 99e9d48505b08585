using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Duplicates;
using DataGate.Core.Labels;
using DataGate.Core.Rules;

namespace DataGate.Core.Splits;

/// <summary>The <c>splits:</c> step of <see cref="RuleSet.Fit"/>: kept records → <see cref="SplitRow"/>s → <see cref="SplitPlanner.Plan"/>.</summary>
internal static class SplitFitting
{
    /// <summary>Shown for a stratification field an image has no value of.</summary>
    public const string Missing = "(missing)";

    /// <summary>Separates the fields of a cell name.</summary>
    public const string CellSeparator = " | ";

    /// <summary>The plan (null without splits or with an unreadable lock) and the findings to report.</summary>
    internal sealed record Outcome(SplitPlan? Plan, IReadOnlyList<Finding> Findings)
    {
        public static Outcome None { get; } = new(null, []);
    }

    public static Outcome Fit(GateConfig config, IReadOnlyList<ImageRecord> kept, DuplicateReport duplicates)
    {
        var settings = config.Splits;
        if (settings is null)
        {
            return Outcome.None;
        }

        var splitLock = SplitLock.Empty;
        if (settings.LockPath is not null)
        {
            var (read, error) = SplitLock.Read(settings.LockPath);
            if (error is not null)
            {
                return new Outcome(null, [new Finding { Diagnostic = error }]);
            }

            splitLock = read!;
        }

        var plan = SplitPlanner.Plan(Rows(config, kept, duplicates), settings, splitLock);
        return new Outcome(plan, plan.Findings);
    }

    /// <summary>One split row per kept record: its cell, its duplicate group and group_by values.</summary>
    public static List<SplitRow> Rows(GateConfig config, IReadOnlyList<ImageRecord> kept, DuplicateReport duplicates)
    {
        var settings = config.Splits!;
        var all = CategoryFields.All(config);
        var strata = settings.StratifyBy.Select(name => all.First(f => f.Name == name)).ToList();
        var groupFields = settings.GroupBy.Select(name => (Name: name, Category: all.FirstOrDefault(f => f.Name == name))).ToList();
        var rows = new List<SplitRow>(kept.Count);
        foreach (var r in kept)
        {
            string stratum = strata.Count == 0 ? string.Empty : string.Join(CellSeparator, strata.Select(f => f.ValueOf(r, out _) ?? Missing));
            var keys = new List<string>(groupFields.Count + 1);
            string? hashKey = null;
            foreach (var (name, category) in groupFields)
            {
                // A category field groups by its category (a display name, a bin); any other field by its raw label.
                var value = category is not null ? category.ValueOf(r, out _) : r.Labels.GetValueOrDefault(name);
                if (!string.IsNullOrEmpty(value))
                {
                    var key = name + "=" + value;
                    keys.Add(key);
                    hashKey ??= key;
                }
            }

            if (duplicates.GroupOfImage.TryGetValue(r.Path, out var group))
            {
                keys.Add(ConfigReader.DuplicateGroupField + "=" + group);
            }

            rows.Add(new SplitRow(r.Path, stratum, keys, hashKey));
        }

        return rows;
    }
}
