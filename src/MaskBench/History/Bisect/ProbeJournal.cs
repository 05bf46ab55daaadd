using MaskBench.Foundation.Files;

namespace MaskBench.History.Bisect;

/// <summary>
/// The bisect's stamps: one JSON file per measured commit under <c>bisect/&lt;id&gt;/</c>, written atomically after
/// every measurement and before the next step, so a restart re-uses them instead of measuring again.
/// </summary>
sealed class ProbeJournal(string folder)
{
    public string Folder { get; } = folder;

    public ProbeRecord? Load(string commit)
    {
        var path = PathOf(commit);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonFiles.Parse<ProbeRecord>(File.ReadAllText(path));
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new HistoryException(
                $"the bisect stamp {path} is unreadable ({e.Message.Split('\n')[0]}): delete it to measure that commit again"
            );
        }
    }

    public void Save(ProbeRecord record) => JsonFiles.Write(PathOf(record.Commit), record);

    string PathOf(string commit) => Path.Combine(Folder, $"{commit}.json");
}
