using Microsoft.Data.Sqlite;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// The data folder holds password hashes (the database) and the logs, so it is the site's user's alone: the folder
/// and its subfolders 0700, every file 0600. Files created before this rule existed are tightened at start-up.
/// </summary>
public static class DataFolder
{
    public const UnixFileMode PrivateFolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder for the site's user only, or takes away what others may do in an existing one.</summary>
    public static string EnsurePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return path;
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, PrivateFolderMode);
        }

        Tighten(path, PrivateFolderMode);
        foreach (var file in Directory.EnumerateFiles(path))
        {
            Tighten(file, PrivateFileMode);
        }

        return path;
    }

    /// <summary>
    /// Creates an empty SQLite database for the site's user only, in write-ahead-log mode (as EF Core would make it).
    /// SQLite gives its <c>-wal</c> and <c>-shm</c> files the same permissions as the database, so they are private too.
    /// </summary>
    public static void EnsurePrivateDatabase(string databasePath)
    {
        EnsurePrivate(Path.GetDirectoryName(databasePath)!);
        if (OperatingSystem.IsWindows() || File.Exists(databasePath))
        {
            return;
        }

        try
        {
            using (new FileStream(databasePath, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFileMode }))
            {
            }
        }
        catch (IOException) when (File.Exists(databasePath))
        {
            return; // made by another process at the same moment
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = 'wal';";
        command.ExecuteNonQuery();
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Tighten(string path, UnixFileMode allowed)
    {
        var mode = File.GetUnixFileMode(path);
        if ((mode & ~allowed) != 0)
        {
            File.SetUnixFileMode(path, mode & allowed);
        }
    }
}
