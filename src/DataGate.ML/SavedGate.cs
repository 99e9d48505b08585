using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;
using DataGate.ML.Mapping;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace DataGate.ML;

/// <summary>
/// What a fitted <c>Gate</c> saved with the model, read back from any model that holds one — in particular one from
/// <c>mlContext.Model.Load</c>, where the <see cref="GateTransformer"/> object (and its <see cref="GateTransformer.Result"/>)
/// is gone and only ML.NET's transformer chain remains. The rules, the resolved bounds, the counts of the fitted rows
/// and the fit's findings (each with its diagnostic, observed value and threshold; the per-finding image lists are not
/// saved). For the rows themselves, transform them: every verdict, group and split is in the columns.
/// </summary>
public sealed class SavedGate
{
    private SavedGate(GateSettings settings)
    {
        Rules = settings.Rules;
        ResolvedBounds = settings.Gate.ResolvedBounds;
        Counts = settings.Counts;
        Findings = settings.Findings;
    }

    /// <summary>The rules the gate was fitted with (the rule file's text travels in the model).</summary>
    public DataGateRules Rules { get; }

    /// <summary>The resolved bounds of each quality rule, by rule id (relative thresholds as fitted).</summary>
    public IReadOnlyDictionary<string, (double Min, double Max)> ResolvedBounds { get; }

    /// <summary>The counts of the fitted rows, as <see cref="GateResult.Counts"/>.</summary>
    public GateCounts Counts { get; }

    /// <summary>The fit's findings, as <see cref="GateResult.Findings"/> without their image lists.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>True when no finding is an error, as <see cref="GateResult.Passed"/>.</summary>
    public bool Passed => !Findings.Any(f => f.Diagnostic.Severity == Severity.Error);

    /// <summary>Every DataGate gate in a model, in pipeline order (none when it has no Gate).</summary>
    /// <param name="model">A fitted pipeline, or one loaded with <c>mlContext.Model.Load</c>.</param>
    /// <returns>The saved gates; usually one.</returns>
    /// <exception cref="FormatException">A gate's saved state cannot be read (DG1038).</exception>
    public static IReadOnlyList<SavedGate> Find(ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var found = new List<SavedGate>();
        IDataView? probe = null;
        foreach (var transformer in Leaves(model))
        {
            if (transformer is GateTransformer gate)
            {
                found.Add(new SavedGate(gate.Settings));
                continue;
            }

            // A loaded gate: the value mapping that turns the state key into the gate's state text (see StateCarrier).
            if (transformer is not ValueMappingTransformer mapping)
            {
                continue;
            }

            probe ??= new MLContext().Data.LoadFromEnumerable(new[] { new StateKeyRow { Key = StateKeyRow.Value } });
            if (!ProducesGateState(mapping, probe.Schema))
            {
                continue;
            }

            var output = mapping.Transform(probe);
            var column = output.Schema[DataGateColumns.GateState];
            using var cursor = output.GetRowCursor([column]);
            var get = cursor.GetGetter<ReadOnlyMemory<char>>(column);
            ReadOnlyMemory<char> state = default;
            if (cursor.MoveNext())
            {
                get(ref state);
                found.Add(new SavedGate(GateSettings.Parse(state.ToString())));
            }
        }

        return found;
    }

    private static bool ProducesGateState(ValueMappingTransformer mapping, DataViewSchema probe)
    {
        try
        {
            return mapping.GetOutputSchema(probe).GetColumnOrNull(DataGateColumns.GateState) is not null;
        }
        catch (ArgumentOutOfRangeException)
        {
            // A value mapping of other columns (the user's own MapValue): not ours.
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static IEnumerable<ITransformer> Leaves(ITransformer transformer) => transformer switch
    {
        GateTransformer => [transformer],
        IEnumerable<ITransformer> chain => chain.SelectMany(Leaves),
        _ => [transformer],
    };
}
