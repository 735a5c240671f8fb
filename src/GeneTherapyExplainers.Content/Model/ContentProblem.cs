namespace GeneTherapyExplainers.Content.Model;

/// <summary>How serious a content problem is: errors stop a file from being published, warnings do not.</summary>
public enum ProblemSeverity
{
    /// <summary>Publishing continues; the editor should look.</summary>
    Warning,

    /// <summary>The file is not published (or its last good version stays online).</summary>
    Error,
}

/// <summary>
/// A problem found in one content file, located by path (relative to the content folder), line and column
/// (both 1-based), written so an editor can act on it.
/// </summary>
public sealed record ContentProblem(string Path, int Line, int Column, ProblemSeverity Severity, string Message)
{
    /// <summary>The form compilers use: <c>path:line:column: error|warning: message</c>.</summary>
    public override string ToString() =>
        $"{Path}:{Line}:{Column}: {(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Message}";
}
