using Npgsql;

namespace Masip.ServiceDefaults.Persistence;

/// <summary>Each service owns its own database (DESIGN.md): created on start when missing.</summary>
public static class PostgresDatabase
{
    /// <summary>The connection string for <paramref name="database"/> on the configured server.</summary>
    public static string For(string serverConnectionString, string database) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;

    public static void EnsureExists(string connectionString, TimeSpan waitForServer)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var database = target.Database ?? throw new InvalidOperationException("The connection string names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };

        var deadline = DateTime.UtcNow + waitForServer;
        while (true)
        {
            try
            {
                using var connection = new NpgsqlConnection(maintenance.ConnectionString);
                connection.Open();
                using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
                exists.Parameters.AddWithValue("name", database);
                if (exists.ExecuteScalar() is null)
                {
                    try
                    {
                        using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "\"\"")}\"", connection);
                        create.ExecuteNonQuery();
                    }
                    catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
                    {
                        // Another replica created it first.
                    }
                }
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
        }
    }
}
