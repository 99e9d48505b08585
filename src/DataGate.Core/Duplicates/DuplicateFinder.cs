using DataGate.Core.Analysis;
using DataGate.Core.Config;

namespace DataGate.Core.Duplicates;

/// <summary>
/// Finds exact duplicates (equal <c>pixel_hash</c>) and near duplicates (perceptual hash within the radius, through
/// <see cref="NearDuplicateIndex"/>), chooses the member to keep and finds label conflicts. Each image's group id
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

        IReadOnlyList<NearDuplicatePair> nearPairs = [];
        var near = settings.Near;
        if (near is not null && items.Count > 1)
        {
            var hashes = items.Select(r => r.HashBits.GetValueOrDefault(near.Hash)).ToArray();
            nearPairs = new NearDuplicateIndex(hashes).FindPairs(near.MaxDistance, maxDegreeOfParallelism, cancellationToken);
            links.AddRange(nearPairs);
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
            foreach (var p in nearPairs)
            {
                int g = combined.GroupIds[p.First];
                maxDistance[g] = Math.Max(maxDistance[g], p.Distance);
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

        return new DuplicateReport(groups, groupOfImage, near?.Hash, near?.MaxDistance ?? 0);
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
