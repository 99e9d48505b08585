using System.Globalization;
using System.Text;
using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;
using static DataGate.Core.Reports.Html.Markup;

namespace DataGate.Core.Reports.Html;

/// <summary>The image sections: duplicate groups, per-rule galleries, colour-channel distributions.</summary>
internal sealed partial class Page
{
    private const int ChannelBins = 32;

    private string? DuplicateSection()
    {
        var groups = _result.Duplicates.Groups;
        if (groups.Count == 0)
        {
            return null;
        }

        // Conflicting groups first: they are the ones a person must resolve.
        var shown = groups.OrderByDescending(g => g.ConflictingLabels.Count > 0).ThenByDescending(g => g.Members.Count).Take(_options.DuplicateGroups).ToList();
        Prefetch(shown.SelectMany(g => g.Members));
        int conflicts = groups.Count(g => g.ConflictingLabels.Count > 0);
        var html = new StringBuilder($"<p>{groups.Count} group(s), {conflicts} with conflicting labels; showing {shown.Count} (conflicts first). The kept member of each group is marked; report.json lists every group.</p>\n");
        foreach (var g in shown)
        {
            bool conflict = g.ConflictingLabels.Count > 0;
            var what = g.Kind.ToString().ToLowerInvariant() + (g.ByteIdentical ? ", same bytes" : g.MaxDistance > 0 ? $", distance ≤ {g.MaxDistance}" : string.Empty);
            var disagree = conflict ? " — labels disagree on " + string.Join(", ", g.ConflictingLabels.Keys) : string.Empty;
            html.Append($"<div class=\"group{(conflict ? " conflict" : string.Empty)}\"><div class=\"title\">group {E(g.Id)} ({E(what)}, {g.Members.Count} images){E(disagree)}</div><div class=\"gallery\">");
            foreach (var m in g.Members)
            {
                var labels = string.Join(" ", g.ConflictingLabels.Select(kv => kv.Value.TryGetValue(m, out var v) ? $"{kv.Key}={v}" : $"{kv.Key}=?"));
                html.Append(Thumb(m, m + (labels.Length > 0 ? " · " + labels : string.Empty), kept: m == g.Kept));
            }

            html.Append("</div></div>\n");
        }

        return html.ToString();
    }

    private string? GallerySection()
    {
        if (_options.ThumbnailsPerRule == 0)
        {
            return null;
        }

        var galleries = new List<(string RuleId, string Title, IReadOnlyList<ImageValue> Images, int Total)>();
        foreach (var rule in _result.Config.Quality)
        {
            var f = _result.Findings.FirstOrDefault(x => x.Diagnostic.RuleId == rule.Id && x.Diagnostic.Code != DiagnosticCodes.MetricUnavailable.Code);
            if (f is { Images.Count: > 0 })
            {
                galleries.Add((rule.Id, $"{rule.Id}: {rule.Describe()}", f.Images.Take(_options.ThumbnailsPerRule).ToList(), f.Images.Count));
            }
        }

        if (galleries.Count == 0)
        {
            return null;
        }

        Prefetch(galleries.SelectMany(g => g.Images.Select(i => i.Path)));
        var html = new StringBuilder();
        foreach (var (ruleId, title, images, total) in galleries)
        {
            var metric = _result.Config.Quality.First(r => r.Id == ruleId).Metric;
            html.Append($"<h3 id=\"{Anchor("rule", ruleId)}\">{E(title)}</h3><p class=\"muted\">{images.Count} worst of {total} offending image(s), worst first.</p><div class=\"gallery\">");
            foreach (var i in images)
            {
                html.Append(Thumb(i.Path, $"{i.Path} · {metric} = {N(i.Value)}"));
            }

            html.Append("</div>\n");
        }

        return html.ToString();
    }

    private string? ColourSection()
    {
        if (_group is null || _options.ColourSamplePerClass == 0)
        {
            return null;
        }

        var classes = _kept.GroupBy(r => _group.ValueOf(r, out _)).Where(g => g.Key is not null).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (classes.Count == 0)
        {
            return null;
        }

        var rows = new List<object>();
        var sampled = new List<string>();
        foreach (var c in classes)
        {
            var members = c.ToList();
            int take = Math.Min(_options.ColourSamplePerClass, members.Count);
            // An evenly spaced sample in file order: deterministic, and spread over the whole set.
            var sample = Enumerable.Range(0, take).Select(i => members[(int)((long)i * members.Count / take)].Path).ToList();
            var hist = new long[3, ChannelBins];
            var locks = new object();
            Parallel.ForEach(sample, () => new long[3, ChannelBins], (path, _, local) =>
            {
                var (image, _) = _thumbnails.Decode(path);
                if (image is not null)
                {
                    var px = image.Pixels;
                    for (int i = 0; i < image.PixelCount * 3; i += 3)
                    {
                        local[0, px[i] >> 3]++;
                        local[1, px[i + 1] >> 3]++;
                        local[2, px[i + 2] >> 3]++;
                    }
                }

                return local;
            }, local =>
            {
                lock (locks)
                {
                    for (int ch = 0; ch < 3; ch++)
                    {
                        for (int b = 0; b < ChannelBins; b++)
                        {
                            hist[ch, b] += local[ch, b];
                        }
                    }
                }
            });
            for (int ch = 0; ch < 3; ch++)
            {
                double total = 0;
                for (int b = 0; b < ChannelBins; b++)
                {
                    total += hist[ch, b];
                }

                for (int b = 0; b <= ChannelBins; b++)
                {
                    double y = b == ChannelBins || total == 0 ? 0 : hist[ch, b] / total;
                    rows.Add(new { @class = c.Key, channel = "RGB"[ch].ToString(), x = b * 256 / ChannelBins, y = Math.Round(y, 6) });
                }
            }

            sampled.Add($"{c.Key}: {take} of {members.Count}");
        }

        return $"<p class=\"muted\">Normalised R, G and B intensity histograms ({ChannelBins} bins) of kept images by <code>{E(_group.Name)}</code>, from an evenly spaced sample ({E(string.Join("; ", sampled))}).</p>"
            + Chart(Specs.Channels($"R/G/B intensity by {_group.Name}", rows, _group.Name));
    }
}
