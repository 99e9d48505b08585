using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Splits;
using DataGate.ML.Mapping;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataGate.ML;

/// <summary>DataGate's data operations on an ML.NET <see cref="DataOperationsCatalog"/> (<c>mlContext.Data.DataGate()</c>).</summary>
public sealed class DataGateDataOperations
{
    private const int MaxNamed = 5;

    private readonly DataOperationsCatalog _catalog;

    internal DataGateDataOperations(DataOperationsCatalog catalog) => _catalog = catalog;

    /// <summary>The rows the gate kept (<see cref="DataGateColumns.Kept"/> true), in order; lazy.</summary>
    /// <param name="scored">Output of a fitted <c>Gate</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The data has no Boolean DataGateKept column (DG1036).</exception>
    public IDataView FilterKept(IDataView scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var (type, actual) = ColumnCheck.Find(scored.Schema, DataGateColumns.Kept);
        if (type is not BooleanDataViewType)
        {
            throw ColumnCheck.Mismatch(DataGateColumns.Kept, "Boolean (add Gate before FilterKept)", actual, nameof(scored));
        }

        return _catalog.FilterByCustomPredicate<KeptRow>(scored, static row => !row.DataGateKept);
    }

    /// <summary>
    /// Splits kept rows by the rule file's <c>splits:</c> section: each row goes to the split the fitted gate assigned it
    /// (<see cref="DataGateColumns.Split"/>), which is Core's assignment — the same as <c>datagate check</c>'s
    /// train.csv/val.csv/test.csv for the same rows and rule file (stratified, duplicate and <c>group_by</c> groups kept
    /// together, seeded, lock file honoured). Reads the split and cell columns once to count; the sets are lazy.
    /// </summary>
    /// <param name="kept">Kept rows of the data the gate was fitted on (<see cref="FilterKept"/> of the Gate's output).</param>
    /// <param name="rules">The rules the gate was fitted with; they must have a <c>splits:</c> section.</param>
    /// <returns>One data view per split, the counts and the per-cell table.</returns>
    /// <exception cref="ArgumentException">The rules have no <c>splits:</c> section (DG1043).</exception>
    /// <exception cref="ArgumentOutOfRangeException">No String DataGateSplit/DataGateStratum column: add Gate first (DG1036).</exception>
    /// <exception cref="InvalidOperationException">
    /// A row has no fitted split: it was excluded, or the gate was not fitted on it (DG3024); or the rows' splits are not
    /// the rules' splits: the gate was fitted with other rules (DG1044).
    /// </exception>
    public DataGateSplitResult StratifiedSplit(IDataView kept, DataGateRules rules)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(rules);
        var settings = rules.RuleSet.Config.Splits
            ?? throw new ArgumentException($"{DiagnosticCodes.MlSplitArguments.Code}: the rules '{rules.Path}' have no splits: section: add one, or pass the ratios (StratifiedSplit(data, ratios, ...))", nameof(rules));
        foreach (var column in (ReadOnlySpan<string>)[DataGateColumns.Split, DataGateColumns.Stratum])
        {
            var (type, actual) = ColumnCheck.Find(kept.Schema, column);
            if (type is not TextDataViewType)
            {
                throw ColumnCheck.Mismatch(column, "String (add Gate before StratifiedSplit)", actual, nameof(kept));
            }
        }

        var names = settings.Ratios.Select(r => r.Name).ToArray();
        var splitColumn = kept.Schema[DataGateColumns.Split];
        var stratumColumn = kept.Schema[DataGateColumns.Stratum];
        var nameOf = RowNamer(kept.Schema);
        var strata = new List<string>();
        var splitOf = new List<int>();
        var unsplit = new List<string>();
        var foreign = new SortedSet<string>(StringComparer.Ordinal);
        using (var cursor = kept.GetRowCursor([splitColumn, stratumColumn, .. nameOf.Columns]))
        {
            var split = cursor.GetGetter<ReadOnlyMemory<char>>(splitColumn);
            var stratum = cursor.GetGetter<ReadOnlyMemory<char>>(stratumColumn);
            var name = nameOf.Bind(cursor);
            ReadOnlyMemory<char> s = default, c = default;
            while (cursor.MoveNext())
            {
                split(ref s);
                stratum(ref c);
                int index = s.IsEmpty ? -1 : Array.FindIndex(names, n => s.Span.SequenceEqual(n));
                if (s.IsEmpty)
                {
                    unsplit.Add(name(cursor.Position));
                }
                else if (index < 0)
                {
                    foreign.Add(s.ToString());
                }

                splitOf.Add(index);
                strata.Add(c.ToString());
            }
        }

        if (unsplit.Count > 0)
        {
            throw new InvalidOperationException(
                $"{DiagnosticCodes.MlRowWithoutSplit.Code}: {unsplit.Count} row(s) have no fitted split (first: {Named(unsplit)}): StratifiedSplit with rules splits the kept rows of the data the Gate was fitted on. "
                + "Pass FilterKept's output; for rows the gate was not fitted on, fit it on them or use the overload with explicit ratios");
        }

        if (foreign.Count > 0)
        {
            throw new InvalidOperationException(
                $"{DiagnosticCodes.MlSplitRulesMismatch.Code}: the rows were split into {Named([.. foreign])}, which the splits: section of '{rules.Path}' ({string.Join(", ", names)}) does not have: pass the rules the Gate was fitted with");
        }

        var cells = Cells(strata, splitOf, settings.Ratios.Select(r => r.Ratio).ToArray(), settings.MinCellImages);
        var sets = names.Select(n => (IDataView)_catalog.FilterByCustomPredicate<SplitNameRow>(kept, row => !string.Equals(row.Split, n, StringComparison.Ordinal))).ToList();
        return new DataGateSplitResult(names, [.. settings.Ratios.Select(r => r.Ratio)], sets, Counts(splitOf, names.Length), cells, settings.MaxCellDeviation, plan: null);
    }

    /// <summary>
    /// Splits rows with Core's split algorithm (the one behind <c>splits:</c>) and explicit arguments: stratified by the
    /// value combinations of columns, rows sharing a group value in one split, each group placed by a seeded hash so that
    /// added rows move few old ones. Rows of one duplicate group (<see cref="DataGateColumns.DuplicateGroup"/>, when the
    /// data has it) always stay together, as in <c>datagate check</c>. Reads the columns once; the sets are lazy.
    /// </summary>
    /// <param name="data">The rows (e.g. <see cref="FilterKept"/>'s output), in a deterministic order.</param>
    /// <param name="ratios">Split names and ratios, in order (2–10 splits, each ratio in (0, 1), summing to 1), e.g. <c>{ ["train"] = 0.8, ["val"] = 0.1, ["test"] = 0.1 }</c>.</param>
    /// <param name="stratifyByColumnNames">Scalar String, number or Boolean columns whose value combinations are the cells; none for one cell.</param>
    /// <param name="groupByColumnNames">Scalar columns whose equal (non-empty) values must stay in one split (e.g. a subject id).</param>
    /// <param name="seed">Seed of the hash that places each group.</param>
    /// <param name="keyColumnName">
    /// A String column naming each row uniquely (the hash places a row on its own by it); null for the image name in
    /// <see cref="DataGateColumns.Record"/>, which ComputeImageMetrics adds.
    /// </param>
    /// <param name="maxCellDeviation">The deviation bound (share points, 0.02 = 2) that cells are balanced to and checked against.</param>
    /// <param name="minCellRows">Cells with fewer rows are split but not held to the bound.</param>
    /// <returns>One data view per split, the counts, the per-cell table and Core's plan.</returns>
    /// <exception cref="ArgumentException">Invalid ratios, a column named twice, or a bound out of range (DG1043).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type (DG1036).</exception>
    /// <exception cref="InvalidOperationException">Two rows have the same key, or a row has none (DG3025).</exception>
    public DataGateSplitResult StratifiedSplit(
        IDataView data,
        IEnumerable<KeyValuePair<string, double>> ratios,
        string[]? stratifyByColumnNames = null,
        string[]? groupByColumnNames = null,
        long seed = 0,
        string? keyColumnName = null,
        double maxCellDeviation = SplitSettings.DefaultMaxCellDeviation,
        int minCellRows = SplitSettings.DefaultMinCellImages)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(ratios);
        stratifyByColumnNames ??= [];
        groupByColumnNames ??= [];
        var splitRatios = CheckRatios(ratios.ToList());
        if (!(maxCellDeviation > 0 && maxCellDeviation <= 1))
        {
            throw Arguments($"maxCellDeviation {maxCellDeviation.ToString(CultureInfo.InvariantCulture)} is not in (0, 1]", nameof(maxCellDeviation));
        }

        if (minCellRows < 0)
        {
            throw Arguments($"minCellRows {minCellRows} is negative", nameof(minCellRows));
        }

        var twice = stratifyByColumnNames.GroupBy(c => c).Concat(groupByColumnNames.GroupBy(c => c)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw Arguments($"column '{twice.Key}' is named twice", stratifyByColumnNames.Count(c => c == twice.Key) > 1 ? nameof(stratifyByColumnNames) : nameof(groupByColumnNames));
        }

        var schema = data.Schema;
        var strata = stratifyByColumnNames.Select(c => LabelColumn(schema, c, nameof(stratifyByColumnNames))).ToList();
        var groups = groupByColumnNames.Select(c => LabelColumn(schema, c, nameof(groupByColumnNames))).ToList();
        DataViewSchema.Column keyColumn;
        if (keyColumnName is not null)
        {
            var (type, actual) = ColumnCheck.Find(schema, keyColumnName);
            if (type is not TextDataViewType)
            {
                throw ColumnCheck.Mismatch(keyColumnName, "String (a unique name per row)", actual, nameof(keyColumnName));
            }

            keyColumn = schema[keyColumnName];
        }
        else
        {
            var (type, actual) = ColumnCheck.Find(schema, DataGateColumns.Record);
            if (type is not ImageRecordDataViewType)
            {
                throw ColumnCheck.Mismatch(DataGateColumns.Record, $"{ImageRecordDataViewType.Instance} (add ComputeImageMetrics, or pass keyColumnName)", actual, nameof(data));
            }

            keyColumn = schema[DataGateColumns.Record];
        }

        var duplicateColumn = ColumnCheck.Find(schema, DataGateColumns.DuplicateGroup).Type is TextDataViewType ? schema[DataGateColumns.DuplicateGroup] : (DataViewSchema.Column?)null;

        var rows = new List<SplitRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeated = new List<string>();
        long keyless = 0;
        using (var cursor = data.GetRowCursor([keyColumn, .. strata, .. groups, .. duplicateColumn is { } d ? [d] : Array.Empty<DataViewSchema.Column>()]))
        {
            var key = KeyGetter(cursor, keyColumn);
            var strataGet = strata.Select(c => LabelColumns.Getter(cursor, c)).ToList();
            var groupGet = groups.Select(c => (c.Name, Get: LabelColumns.Getter(cursor, c))).ToList();
            var dupGet = duplicateColumn is { } dc ? cursor.GetGetter<ReadOnlyMemory<char>>(dc) : null;
            ReadOnlyMemory<char> dup = default;
            while (cursor.MoveNext())
            {
                string? k = key();
                if (string.IsNullOrEmpty(k))
                {
                    keyless++;
                    continue;
                }

                if (!seen.Add(k))
                {
                    repeated.Add(k);
                    continue;
                }

                string stratum = string.Join(SplitFitting.CellSeparator, strataGet.Select(g => g() ?? SplitFitting.Missing));
                var keys = new List<string>(groupGet.Count + 1);
                string? hashKey = null;
                foreach (var (name, get) in groupGet)
                {
                    if (get() is { Length: > 0 } value)
                    {
                        var groupKey = name + "=" + value;
                        keys.Add(groupKey);
                        hashKey ??= groupKey;
                    }
                }

                if (dupGet is not null)
                {
                    dupGet(ref dup);
                    if (!dup.IsEmpty)
                    {
                        keys.Add(TextColumns.DuplicateGroup + "=" + dup.ToString());
                    }
                }

                rows.Add(new SplitRow(k, stratum, keys, hashKey));
            }
        }

        if (keyless > 0 || repeated.Count > 0)
        {
            string which = keyColumnName is null ? "image name (DataGateRecord)" : $"key column '{keyColumnName}'";
            throw new InvalidOperationException(keyless > 0
                ? $"{DiagnosticCodes.MlSplitKeyNotUnique.Code}: {keyless} row(s) have an empty {which}: every row needs a unique key"
                : $"{DiagnosticCodes.MlSplitKeyNotUnique.Code}: {repeated.Count} row(s) repeat the {which} of an earlier row ({Named(repeated)}): every row needs a unique key; pass keyColumnName");
        }

        var settings = new SplitSettings
        {
            Ratios = splitRatios,
            StratifyBy = stratifyByColumnNames,
            GroupBy = groupByColumnNames,
            Seed = seed,
            MaxCellDeviation = maxCellDeviation,
            MinCellImages = minCellRows,
            Action = RuleAction.Warn,
        };
        var plan = SplitPlanner.Plan(rows, settings);
        var splitOfKey = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        for (int i = 0; i < rows.Count; i++)
        {
            splitOfKey[rows[i].Key] = plan.SplitOf[i];
        }

        var sets = new List<IDataView>();
        for (int s = 0; s < plan.Names.Count; s++)
        {
            int split = s;
            sets.Add(FilterByKey(data, keyColumn, key => !(splitOfKey.TryGetValue(key, out var of) && of == split)));
        }

        var cells = plan.Cells.Select(c => new DataGateSplitCell(c.Stratum, c.Images, c.Counts, c.MaxDeviation, c.Gated)).ToList();
        return new DataGateSplitResult(plan.Names, plan.Ratios, sets, Counts(plan.SplitOf, plan.Names.Count), cells, maxCellDeviation, plan);
    }

    private IDataView FilterByKey(IDataView data, DataViewSchema.Column keyColumn, Func<string, bool> drop)
    {
        if (keyColumn.Type is ImageRecordDataViewType)
        {
            return _catalog.FilterByCustomPredicate<RecordInput>(data, row => row.Record is null || drop(row.Record.Path));
        }

        // The key column under a fixed helper name, so one row class binds any key column; dropped again after. (The
        // catalog does not expose its context; these two stateless transforms need none of its settings.)
        var transforms = new MLContext().Transforms;
        var copied = transforms.CopyColumns(DataGateColumns.SplitKey, keyColumn.Name).Fit(data).Transform(data);
        var filtered = _catalog.FilterByCustomPredicate<SplitKeyRow>(copied, row => drop(row.Key));
        return transforms.DropColumns(DataGateColumns.SplitKey).Fit(filtered).Transform(filtered);
    }

    private static Func<string?> KeyGetter(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        if (column.Type is ImageRecordDataViewType)
        {
            var get = cursor.GetGetter<ImageRecord>(column);
            ImageRecord record = null!;
            return () =>
            {
                get(ref record);
                return record?.Path;
            };
        }

        var text = cursor.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> value = default;
        return () =>
        {
            text(ref value);
            return value.ToString();
        };
    }

    private static List<SplitRatio> CheckRatios(List<KeyValuePair<string, double>> ratios)
    {
        if (ratios.Count is < 2 or > 10)
        {
            throw Arguments($"{ratios.Count} split(s): give 2 to 10", nameof(ratios));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, ratio) in ratios)
        {
            if (string.IsNullOrWhiteSpace(name) || !names.Add(name))
            {
                throw Arguments($"split name '{name}' is empty or repeated", nameof(ratios));
            }

            if (!(ratio > 0 && ratio < 1))
            {
                throw Arguments($"split '{name}' has ratio {ratio.ToString(CultureInfo.InvariantCulture)}: each ratio must be above 0 and below 1", nameof(ratios));
            }
        }

        double sum = ratios.Sum(r => r.Value);
        if (Math.Abs(sum - 1) > 1e-6)
        {
            throw Arguments($"the ratios sum to {sum.ToString("0.######", CultureInfo.InvariantCulture)}, not 1", nameof(ratios));
        }

        return [.. ratios.Select(r => new SplitRatio(r.Key, r.Value))];
    }

    private static DataViewSchema.Column LabelColumn(DataViewSchema schema, string name, string paramName)
    {
        var column = schema.GetColumnOrNull(name);
        if (column is not { } c || !LabelColumns.IsLabelType(c.Type))
        {
            throw ColumnCheck.Mismatch(name, LabelColumns.Expected, column is { } x ? x.Type.ToString() ?? string.Empty : "no such column", paramName);
        }

        return c;
    }

    private static List<DataGateSplitCell> Cells(List<string> strata, List<int> splitOf, double[] ratios, int minCellRows)
    {
        var cells = new List<DataGateSplitCell>();
        foreach (var cell in Enumerable.Range(0, strata.Count).GroupBy(i => strata[i], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var counts = new int[ratios.Length];
            foreach (var i in cell)
            {
                counts[splitOf[i]]++;
            }

            int n = counts.Sum();
            double deviation = Enumerable.Range(0, ratios.Length).Max(j => Math.Abs((double)counts[j] / n - ratios[j]));
            cells.Add(new DataGateSplitCell(cell.Key, n, counts, deviation, n >= minCellRows));
        }

        return cells;
    }

    private static int[] Counts(IReadOnlyList<int> splitOf, int splits)
    {
        var counts = new int[splits];
        foreach (var s in splitOf)
        {
            counts[s]++;
        }

        return counts;
    }

    /// <summary>The image name of a row for messages: its record's path, else its position.</summary>
    private static (DataViewSchema.Column[] Columns, Func<DataViewRowCursor, Func<long, string>> Bind) RowNamer(DataViewSchema schema)
    {
        if (ColumnCheck.Find(schema, DataGateColumns.Record).Type is ImageRecordDataViewType)
        {
            var column = schema[DataGateColumns.Record];
            return ([column], cursor =>
            {
                var get = cursor.GetGetter<ImageRecord>(column);
                ImageRecord record = null!;
                return position =>
                {
                    get(ref record);
                    return record?.Path ?? $"row {position}";
                };
            });
        }

        return ([], _ => position => $"row {position}");
    }

    private static string Named(List<string> names)
        => string.Join(", ", names.Take(MaxNamed).Select(n => "'" + n + "'")) + (names.Count > MaxNamed ? $" and {names.Count - MaxNamed} more" : string.Empty);

    private static ArgumentException Arguments(string detail, string paramName)
        => new($"{DiagnosticCodes.MlSplitArguments.Code}: StratifiedSplit: {detail}", paramName);
}
