using MaskBench.Foundation.Files;
using Microsoft.Data.Sqlite;

namespace MaskBench.History;

/// <summary>
/// A SQLite index over the history's files for queries; rebuilt from the files on demand and never the only copy
/// (delete it at will). Opened read-only after <see cref="Rebuild"/>.
/// </summary>
internal sealed class HistoryIndex : IDisposable
{
    readonly SqliteConnection connection;

    HistoryIndex(SqliteConnection connection) => this.connection = connection;

    /// <summary>Reads every record of the store into a fresh database at <paramref name="databasePath"/>.</summary>
    public static HistoryIndex Rebuild(HistoryStore store, string databasePath)
    {
        var read = store.ReadAll();
        AtomicFile.Write(
            databasePath,
            temporary =>
            {
                using var build = new SqliteConnection(
                    new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()
                );
                build.Open();
                HistoryTable.Create(build);
                using var transaction = build.BeginTransaction();
                foreach (var record in read.Records)
                    HistoryTable.Insert(build, transaction, record);
                transaction.Commit();
            }
        );
        var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = databasePath,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString()
        );
        connection.Open();
        return new HistoryIndex(connection) { Unreadable = read.Unreadable, UnkeyedNote = read.UnkeyedNote };
    }

    /// <summary>The files the rebuild skipped, with why.</summary>
    public IReadOnlyList<string> Unreadable { get; private init; } = [];

    /// <summary><see cref="HistoryRead.UnkeyedNote"/> of the records indexed.</summary>
    public string? UnkeyedNote { get; private init; }

    /// <summary>The machine keys present, so a caller can say when the history is from another machine.</summary>
    public IReadOnlyList<string> MachineKeys() =>
        HistoryTable.Query(connection, "SELECT DISTINCT machineKey, NULL FROM runs ORDER BY machineKey", [], r => r.GetString(0));

    /// <summary>Every run of one implementation on one machine, oldest commit first (then in recording order).</summary>
    public IReadOnlyList<HistoryRecord> Runs(string machineKey, string implementation) =>
        HistoryTable.Records(
            connection,
            "WHERE machineKey = $machine AND implementation = $implementation ORDER BY commitDate, commitHash, recorded",
            ("$machine", machineKey),
            ("$implementation", implementation)
        );

    /// <summary>
    /// The measured runs of commits dated before <paramref name="commit"/>'s runs, newest first: the rolling baseline's
    /// candidates (the commit's own runs are never part of its baseline); <see cref="Pooling.Latest"/> picks from them.
    /// </summary>
    public IReadOnlyList<HistoryRecord> MeasuredBefore(
        string machineKey,
        string implementation,
        string commit,
        DateTimeOffset commitDate
    ) =>
        HistoryTable.Records(
            connection,
            "WHERE machineKey = $machine AND implementation = $implementation AND commitHash <> $commit AND commitDate <= $date "
                + "AND status = 'ok' AND throughput > 0 ORDER BY commitDate DESC, recorded DESC",
            ("$machine", machineKey),
            ("$implementation", implementation),
            ("$commit", commit),
            ("$date", commitDate.UtcTicks)
        );

    public void Dispose() => connection.Dispose();
}
