namespace GeneTherapyExplainers.Tests.Support;

/// <summary>Lines the test command prints at the end (how many pages axe checked, how many hostile inputs were tried).</summary>
public static class TestSummary
{
    private static readonly Lock Gate = new();

    public static string File { get; } = Path.Combine(RepositoryPaths.Root, "TestResults", "summary.txt");

    public static void Write(string line)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(File)!);
            System.IO.File.AppendAllText(File, line + Environment.NewLine);
        }
    }
}
