using MaskBench.Foundation.Files;
using Microsoft.Data.Sqlite;

namespace MaskBench.History;

/// <summary>The index's one table: the columns queries filter and sort on, and the record itself as JSON.</summary>
static class HistoryTable
{
    const string Columns = "machineKey, implementation, commitHash, commitDate, recorded, status, throughput, record";

    public static void Create(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE runs (machineKey TEXT NOT NULL, implementation TEXT NOT NULL, commitHash TEXT NOT NULL,
              commitDate INTEGER NOT NULL, recorded INTEGER NOT NULL, status TEXT NOT NULL, throughput REAL, record TEXT NOT NULL);
            CREATE INDEX runsByMachine ON runs (machineKey, implementation, commitDate);
            """;
        command.ExecuteNonQuery();
    }

    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, HistoryRecord record)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO runs ({Columns}) VALUES ($m, $i, $c, $d, $r, $s, $t, $j)";
        command.Parameters.AddWithValue("$m", record.MachineKey);
        command.Parameters.AddWithValue("$i", record.Implementation);
        command.Parameters.AddWithValue("$c", record.Commit);
        command.Parameters.AddWithValue("$d", record.CommitDate.UtcTicks);
        command.Parameters.AddWithValue("$r", record.Recorded.UtcTicks);
        command.Parameters.AddWithValue("$s", record.Status ?? "");
        command.Parameters.AddWithValue("$t", record.Throughput is { } t ? t : DBNull.Value);
        command.Parameters.AddWithValue("$j", JsonFiles.Text(record));
        command.ExecuteNonQuery();
    }

    public static IReadOnlyList<HistoryRecord> Records(
        SqliteConnection connection,
        string where,
        params (string Name, object Value)[] parameters
    ) => Query(connection, $"SELECT record, NULL FROM runs {where}", parameters, r => JsonFiles.Parse<HistoryRecord>(r.GetString(0)));

    public static IReadOnlyList<T> Query<T>(
        SqliteConnection connection,
        string sql,
        IEnumerable<(string Name, object Value)> parameters,
        Func<SqliteDataReader, T> read
    )
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }
}
