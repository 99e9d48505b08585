using DataGate.Core.Analysis;
using DataGate.Core.Diagnostics;
using DataGate.Core.Imaging;
using DataGate.ML.Mapping;
using Microsoft.ML;

namespace DataGate.ML;

/// <summary>DataGate's transforms on an ML.NET <see cref="TransformsCatalog"/> (<c>mlContext.Transforms.DataGate()</c>).</summary>
public sealed class DataGateTransforms
{
    private readonly TransformsCatalog _catalog;

    internal DataGateTransforms(TransformsCatalog catalog) => _catalog = catalog;

    /// <summary>Computes DataGate's per-image metrics from image files or an MLImage column.</summary>
    /// <param name="imageFolder">Folder the paths are relative to; null for paths as they are (absolute or relative to the current folder).</param>
    /// <param name="inputColumnName">A String column of image paths, or an Image column from <c>LoadImages</c> (BGRA32 pixels).</param>
    /// <param name="metrics">Comma-separated metric selection as in <c>datagate metrics --metrics</c>: <c>default</c>, <c>all</c>, family or metric names. Metrics not selected are NaN.</param>
    /// <param name="nameColumnName">For an Image column: a String column naming each image (e.g. its path); without one, an image is named by a digest of its pixels.</param>
    /// <returns>The estimator (trains nothing).</returns>
    public ImageMetricsEstimator ComputeImageMetrics(string? imageFolder = null, string inputColumnName = "ImagePath", string metrics = "default", string? nameColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(inputColumnName);
        ArgumentNullException.ThrowIfNull(metrics);
        var names = metrics.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = names.Where(n => !MetricSelection.IsKnown(n)).ToList();
        if (names.Length == 0 || unknown.Count > 0)
        {
            throw new ArgumentException($"{DiagnosticCodes.UnknownMetric.Code}: unknown metric selection '{string.Join(", ", unknown)}': use default, all, a family or metric names", nameof(metrics));
        }

        return new ImageMetricsEstimator(_catalog, new MetricsSettings(imageFolder, names, DecodeOptions.Default), inputColumnName, nameColumnName);
    }

    /// <summary>Computes the metrics a rule set reads (and no more), from image files or an MLImage column.</summary>
    /// <param name="rules">The rules whose <c>RequiredMetrics</c> are computed; their <c>limits:</c> bound decoding.</param>
    /// <param name="imageFolder">Folder the paths are relative to; null for paths as they are.</param>
    /// <param name="inputColumnName">A String column of image paths, or an Image column from <c>LoadImages</c>.</param>
    /// <param name="nameColumnName">For an Image column: a String column naming each image.</param>
    public ImageMetricsEstimator ComputeImageMetrics(DataGateRules rules, string? imageFolder = null, string inputColumnName = "ImagePath", string? nameColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(inputColumnName);
        var limits = rules.RuleSet.Config.Limits;
        var options = new DecodeOptions(limits.MaxPixels, limits.MaxDecodeMemoryMb << 20, limits.MaxFileMb << 20);
        return new ImageMetricsEstimator(_catalog, new MetricsSettings(imageFolder, rules.RuleSet.RequiredMetrics.Names, options), inputColumnName, nameColumnName);
    }

    /// <summary>Gates rows with the rules: learns the dataset-level state at Fit, adds DataGateKept and DataGateReason.</summary>
    /// <param name="rules">The rules (<see cref="DataGateRules.Load"/>).</param>
    public GateEstimator Gate(DataGateRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new GateEstimator(_catalog, rules);
    }
}
