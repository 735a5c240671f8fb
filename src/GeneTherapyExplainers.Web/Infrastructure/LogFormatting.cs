using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Sinks.File;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// Console output where every entry is one line starting with "[time level]": control characters in values are
/// escaped, and the lines of an exception are indented, so nothing a visitor sends can look like an entry of its own.
/// </summary>
internal sealed class SingleLineConsoleFormatter : ITextFormatter
{
    private readonly MessageTemplateTextFormatter header = new("[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}", CultureInfo.InvariantCulture);

    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var line = new StringWriter(CultureInfo.InvariantCulture);
        header.Format(logEvent, line);
        output.WriteLine(Escape(line.ToString()));
        if (logEvent.Exception is { } exception)
        {
            foreach (var text in exception.ToString().Split('\n'))
            {
                output.Write("    ");
                output.WriteLine(Escape(text.TrimEnd('\r')));
            }
        }
    }

    /// <summary>Control characters and Unicode line separators as visible escapes, such as \n and \u0000.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when NeedsEscape(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}

/// <summary>Log files are readable by the site's user only.</summary>
internal sealed class PrivateLogFiles : FileLifecycleHooks
{
    public override Stream OnFileOpened(string path, Stream underlyingStream, Encoding encoding)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, DataFolder.PrivateFileMode);
        }

        return underlyingStream;
    }
}

/// <summary>
/// When the log file cannot be written (disk full, folder gone or not writable), says so in one clear console line:
/// at once, then at most every five minutes while it lasts, with how many entries were lost.
/// </summary>
internal sealed class LogFileFailureNotice(TextWriter console, string logFolder, TimeProvider clock) : ILoggingFailureListener
{
    private static readonly long Interval = (long)TimeSpan.FromMinutes(5).TotalMilliseconds;
    private readonly Lock gate = new();
    private long lastNotice = long.MinValue;
    private int lost;

    public void OnLoggingFailed(object sender, LoggingFailureKind kind, string message, IReadOnlyCollection<LogEvent>? events, Exception? exception)
    {
        if (kind == LoggingFailureKind.Temporary)
        {
            return;
        }

        lock (gate)
        {
            lost += events?.Count ?? 1;
            var now = Environment.TickCount64;
            if (lastNotice != long.MinValue && now - lastNotice < Interval)
            {
                return;
            }

            lastNotice = now;
            var reason = exception is null ? message : $"{message}: {exception.Message}";
            console.WriteLine(SingleLineConsoleFormatter.Escape(string.Create(CultureInfo.InvariantCulture,
                $"[{clock.GetLocalNow():HH:mm:ss} ERR] THE LOG FILE CANNOT BE WRITTEN in {logFolder} ({reason}); {lost} entries lost so far. Until disk space or permissions are fixed, entries appear only on this console.")));
            console.Flush();
        }
    }
}
