using GeneTherapyExplainers.Tests.Support;
using Microsoft.Data.Sqlite;

namespace GeneTherapyExplainers.Tests.Infrastructure;

/// <summary>The data folder holds password hashes and logs: only the site's user may read or enter it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class DataFolderTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task TheDataFolderTheDatabaseItsJournalFilesAndTheLogsAreTheSiteUsersOnly()
    {
        using var site = new SiteFactory(RepositoryPaths.Content);
        await site.AddUserAsync("files@example.org", "Reviewer", Session.Password);
        await site.GetPageAsync("/");
        var logs = LogFiles.Folder(site);
        await Eventually.Until(() => Task.FromResult(Directory.Exists(logs) ? Directory.GetFiles(logs).Length : 0), n => n > 0);

        var database = Path.Combine(site.DataRoot, "editorial.db");
        // SQLite removes -wal and -shm when the last connection closes (other tests clear every pool), and makes
        // them again with the database file's permissions: hold a connection open, as the running site does.
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());

        Assert.Equal(Folder, System.IO.File.GetUnixFileMode(site.DataRoot));
        Assert.Equal(Folder, System.IO.File.GetUnixFileMode(logs));
        foreach (var path in new[] { database, database + "-wal", database + "-shm" }.Concat(Directory.GetFiles(logs)))
        {
            Assert.True(System.IO.File.Exists(path), $"{path} is missing");
            Assert.Equal(File, System.IO.File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task AnExistingDataFolderLeftOpenToOthersIsClosedAtStartUp()
    {
        var root = Path.Combine(Path.GetTempPath(), "gte-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "logs"));
        System.IO.File.SetUnixFileMode(root, (UnixFileMode)Convert.ToInt32("755", 8));
        var old = Path.Combine(root, "logs", "site-20260101.log");
        await System.IO.File.WriteAllTextAsync(old, "an entry from before\n");
        System.IO.File.SetUnixFileMode(old, (UnixFileMode)Convert.ToInt32("644", 8));

        using var site = new SiteFactory(RepositoryPaths.Content, dataRoot: root);
        await site.GetPageAsync("/");
        Assert.Equal(Folder, System.IO.File.GetUnixFileMode(root));
        Assert.Equal(File, System.IO.File.GetUnixFileMode(old));
        Assert.Equal(File, System.IO.File.GetUnixFileMode(Path.Combine(root, "editorial.db")));
    }
}
