using DataGate.Core.Analysis;
using DataGate.Core.Config;

namespace DataGate.Core.Duplicates;

/// <summary>
/// Finds exact duplicates (equal <c>pixel_hash</c>) and near duplicates (perceptual hash or its mirror within the
/// radius and confirmed by a second check, through <see cref="NearDuplicateSearch"/>), chooses the member to keep and finds label conflicts. Each image's group id
/// (the <c>duplicate_group</c> column) is in <see cref="DuplicateReport.GroupOfImage"/>; the records are not written.
/// </summary>
internal static class DuplicateFinder
{
    /// <summary>Groups the analysed records.</summary>
    /// <param name="records">All records; only analysed ones take part.</param>
    /// <param name="settings">Which kinds to look for.</param>
    /// <param name="labelFields">Label fields compared for conflicts; null compares every label the members carry.</param>
    /// <param name="maxDegreeOfParallelism">Threads of the near-duplicate search; 0 or less means one per core.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    public static DuplicateReport Find(IReadOnlyList<ImageRecord> records, DuplicateSettings settings, IReadOnlyList<string>? labelFields = null, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(settings);
        var items = records.Where(r => r.IsAnalysed && r.Texts.ContainsKey(TextColumns.PixelHash)).OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        var pixelKeys = items.Select(r => (string?)r.Texts[TextColumns.PixelHash]).ToList();
        var exact = DuplicateClusters.FromKeys(pixelKeys);

        var links = new List<NearDuplicatePair>();
        for (int g = 0; g < exact.Groups.Count; g++)
        {
            var members = exact.Groups[g];
            for (int m = 1; m < members.Count; m++)
            {
                links.Add(new NearDuplicatePair(members[0], members[m], 0));
            }
        }

        NearDuplicateSearch.Result? search = null;
        var near = settings.Near;
        if (near is not null && items.Count > 1)
        {
            search = near.Method switch
            {
                NearMethod.Embedding => EmbeddingSearchOf(items, near, maxDegreeOfParallelism, cancellationToken),
                NearMethod.Both => Merge(NearDuplicateSearch.Find(items, near, maxDegreeOfParallelism, cancellationToken), EmbeddingSearchOf(items, near, maxDegreeOfParallelism, cancellationToken)),
                _ => NearDuplicateSearch.Find(items, near, maxDegreeOfParallelism, cancellationToken),
            };
        }

        // The links that first join two components (exact links first, then near links closest first) are the
        // evidence a group reports; the components are the same as with every link.
        var joined = new List<int>();
        if (search is not null)
        {
            var parent = Enumerable.Range(0, items.Count).ToArray();
            foreach (var l in links)
            {
                Union(parent, l.First, l.Second);
            }

            for (int k = 0; k < search.Links.Count; k++)
            {
                if (Union(parent, search.Links[k].First, search.Links[k].Second))
                {
                    joined.Add(k);
                    links.Add(search.Links[k]);
                }
            }
        }

        var combined = DuplicateClusters.FromPairs(items.Count, links);
        var groups = new List<DuplicateGroup>();
        if (settings.Exact is not null)
        {
            foreach (var members in exact.Groups)
            {
                var paths = members.Select(i => items[i]).ToList();
                groups.Add(new DuplicateGroup
                {
                    Id = $"exact-{groups.Count + 1}",
                    Kind = DuplicateKind.Exact,
                    Members = paths.Select(r => r.Path).ToList(),
                    Kept = KeepChooser.Choose(paths, settings.Exact.Keep).Path,
                    ByteIdentical = paths.Select(r => r.Texts.GetValueOrDefault(TextColumns.FileHash)).Distinct(StringComparer.Ordinal).Count() == 1,
                    ConflictingLabels = Conflicts(paths, labelFields),
                });
            }
        }

        if (near is not null)
        {
            int nearCount = 0;
            var maxDistance = new int[combined.Groups.Count];
            var minSimilarity = new double[combined.Groups.Count];
            Array.Fill(minSimilarity, double.NaN);
            for (int k = 0; k < (search?.Links.Count ?? 0); k++)
            {
                int g = combined.GroupIds[search!.Links[k].First];
                double s = search.Evidence[k].Similarity;
                if (!double.IsNaN(s) && !(minSimilarity[g] <= s))
                {
                    minSimilarity[g] = s;
                }
            }

            var evidence = new List<DuplicatePair>?[combined.Groups.Count];
            foreach (var p in search?.Links ?? [])
            {
                int g = combined.GroupIds[p.First];
                maxDistance[g] = Math.Max(maxDistance[g], p.Distance);
            }

            foreach (int k in joined)
            {
                var p = search!.Links[k];
                var e = search.Evidence[k];
                int g = combined.GroupIds[p.First];
                (evidence[g] ??= []).Add(new DuplicatePair(
                    items[p.First].Path,
                    items[p.Second].Path,
                    p.Distance,
                    e.DHashDistance >= 0 ? e.DHashDistance : null,
                    double.IsNaN(e.Correlation) ? null : Math.Round(e.Correlation, 4),
                    e.Mirrored)
                {
                    Similarity = double.IsNaN(e.Similarity) ? null : Math.Round(e.Similarity, 4),
                });
            }

            for (int g = 0; g < combined.Groups.Count; g++)
            {
                var members = combined.Groups[g].Select(i => items[i]).ToList();
                if (members.Select(r => r.Texts[TextColumns.PixelHash]).Distinct(StringComparer.Ordinal).Count() < 2)
                {
                    continue; // an exact group and nothing more
                }

                groups.Add(new DuplicateGroup
                {
                    Id = $"near-{++nearCount}",
                    Kind = DuplicateKind.Near,
                    Members = members.Select(r => r.Path).ToList(),
                    Kept = KeepChooser.Choose(members, near.Keep).Path,
                    MaxDistance = maxDistance[g],
                    MinSimilarity = double.IsNaN(minSimilarity[g]) ? null : Math.Round(minSimilarity[g], 4),
                    Pairs = evidence[g] ?? [],
                    ConflictingLabels = Conflicts(members, labelFields),
                });
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var groupOfImage = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            int g = combined.GroupIds[i];
            if (g >= 0)
            {
                string id = $"dup-{g + 1}";
                groupOfImage[items[i].Path] = id;
            }
        }

        return new DuplicateReport(groups, groupOfImage, near?.Hash, near?.MaxDistance ?? 0)
        {
            NearConfirm = near?.Confirm ?? NearConfirm.Off,
            NearConfirmMaxDistance = near?.ConfirmMaxDistance ?? 0,
            NearConfirmMinCorrelation = near?.ConfirmMinCorrelation ?? 0,
            NearMirror = near is not null && near.Mirror,
            NearMethod = near?.Method ?? NearMethod.Hash,
            NearMinSimilarity = near is { UsesEmbedding: true } ? near.MinSimilarity : 0,
            NearApproximate = search?.Approximate ?? false,
            NearCandidatePairs = search?.Candidates ?? 0,
            NearUnconfirmedPairs = search?.Unconfirmed ?? 0,
            NearCappedImages = search?.Capped.Select(i => items[i].Path).Order(StringComparer.Ordinal).ToList() ?? [],
            NearMissingEvidence = search?.MissingEvidence.Select(i => items[i].Path).ToList() ?? [],
            NearMissingEmbedding = search?.MissingEmbedding.Select(i => items[i].Path).ToList() ?? [],
        };
    }

    /// <summary>
    /// <c>method: embedding</c>: the pairs whose embeddings' cosine reaches <see cref="DuplicatePolicy.MinSimilarity"/>
    /// (exact up to <see cref="DuplicatePolicy.ExactSearchLimit"/> images under <c>search: auto</c>, else the
    /// inverted-file index), as links with their similarity as evidence, most similar first. Images without an
    /// embedding are listed (DG2073).
    /// </summary>
    private static NearDuplicateSearch.Result EmbeddingSearchOf(List<ImageRecord> items, DuplicatePolicy near, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var vectors = items.Select(r => r.Embedding).ToList();
        var missing = Enumerable.Range(0, items.Count).Where(i => vectors[i] is null).ToList();
        int present = items.Count - missing.Count;
        bool approximate = near.Search == EmbeddingSearch.Approximate || (near.Search == EmbeddingSearch.Auto && present > DuplicatePolicy.ExactSearchLimit);
        var found = Embeddings.EmbeddingNeighbours.Find(vectors, Embeddings.ImageEmbedder.Dimensions, (float)near.MinSimilarity, approximate, maxDegreeOfParallelism, cancellationToken);
        var links = found.Pairs.Select(p => new NearDuplicatePair(p.First, p.Second, 0)).ToList();
        var evidence = found.Pairs.Select(p => new NearDuplicateSearch.Evidence(-1, double.NaN, false, p.Similarity)).ToList();
        return new NearDuplicateSearch.Result(links, evidence, links.Count, 0, [], []) { Approximate = found.Approximate, MissingEmbedding = missing };
    }

    // method: both — the hash links (closest first) then the embedding links (most similar first).
    private static NearDuplicateSearch.Result Merge(NearDuplicateSearch.Result hash, NearDuplicateSearch.Result embedding) =>
        new([.. hash.Links, .. embedding.Links], [.. hash.Evidence, .. embedding.Evidence], hash.Candidates + embedding.Candidates, hash.Unconfirmed, hash.Capped, hash.MissingEvidence)
        {
            Approximate = embedding.Approximate,
            MissingEmbedding = embedding.MissingEmbedding,
        };

    private static bool Union(int[] parent, int a, int b)
    {
        a = Root(parent, a);
        b = Root(parent, b);
        if (a == b)
        {
            return false;
        }

        parent[Math.Max(a, b)] = Math.Min(a, b);
        return true;
    }

    private static int Root(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Conflicts(List<ImageRecord> members, IReadOnlyList<string>? fields)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var names = fields ?? members.SelectMany(m => m.Labels.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var field in names)
        {
            var values = members.Where(m => m.Labels.ContainsKey(field)).ToDictionary(m => m.Path, m => m.Labels[field], StringComparer.Ordinal);
            if (values.Values.Distinct(StringComparer.Ordinal).Count() > 1)
            {
                result[field] = values;
            }
        }

        return result;
    }
}
