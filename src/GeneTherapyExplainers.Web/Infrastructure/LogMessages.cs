namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>Every structured log line the site writes, in one place, compiled once.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 10, Message = "Content problem in {ContentFile} at line {Line}, column {Column}: {Problem}")]
    public static partial void ContentProblem(this ILogger logger, LogLevel level, string contentFile, int line, int column, string problem);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Catalog has {Explainers} explainers and {Terms} glossary terms after reading {Files} changed files in {ContentRoot} in {Elapsed:0} ms")]
    public static partial void ContentLoaded(this ILogger logger, int explainers, int terms, int files, string contentRoot, double elapsed);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "The content folder {ContentRoot} has gone; the site keeps serving the last catalog until it is back")]
    public static partial void ContentFolderMissing(this ILogger logger, string contentRoot);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "File-system events for {ContentRoot} are unavailable or overflowed; a full check of the folder runs instead")]
    public static partial void ContentEventsLost(this ILogger logger, string contentRoot, Exception? exception);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Editorial store ready; {Migrations} migrations applied, {Added} seed records added")]
    public static partial void StoreSeeded(this ILogger logger, int migrations, int added);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "The first Data Protection key could not be made at start; the first form or sign-in will try again")]
    public static partial void FirstKeyFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Sign-in succeeded for account {UserId} from {Client}")]
    public static partial void SignedIn(this ILogger logger, string userId, string? client);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Sign-in failed ({Reason}) for account {UserId} from {Client}")]
    public static partial void SignInFailed(this ILogger logger, string reason, string? userId, string? client);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "Account {Email}: {Action}, by {Actor} with the users command")]
    public static partial void AccountChanged(this ILogger logger, string email, string action, string actor);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "No git history for {ContentRoot} ({Reason}); explainers are dated from front matter or file times")]
    public static partial void ContentHistoryUnavailable(this ILogger logger, string contentRoot, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Content rebuild failed; it will be tried again")]
    public static partial void ContentRebuildFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Reader feedback on {PagePath}: {Nature}")]
    public static partial void FeedbackReceived(this ILogger logger, string pagePath, string nature);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "Reader feedback on {PagePath} dropped: the hidden field was filled in, as bots do")]
    public static partial void FeedbackDropped(this ILogger logger, string pagePath);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "Deleted {Count} feedback entries handled (or, for bare answers, sent) before {Cutoff:yyyy-MM-dd HH:mm}")]
    public static partial void FeedbackDeleted(this ILogger logger, int count, DateTime cutoff);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning, Message = "Deleting old feedback failed; it will be tried again")]
    public static partial void FeedbackRetentionFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 50, Level = LogLevel.Information, Message = "Review digest for {Email}, period starting {PeriodStart:yyyy-MM-dd HH:mm}, sent by e-mail")]
    public static partial void DigestSent(this ILogger logger, string email, DateTime periodStart);

    [LoggerMessage(EventId = 51, Level = LogLevel.Information, Message = "Review digest for {Email}, period starting {PeriodStart:yyyy-MM-dd HH:mm} (no SMTP server configured, so it is written here): {Digest}")]
    public static partial void DigestLogged(this ILogger logger, string email, DateTime periodStart, string digest);

    [LoggerMessage(EventId = 52, Level = LogLevel.Warning, Message = "Review digest for {Email} could not be sent; it will be tried again")]
    public static partial void DigestFailed(this ILogger logger, string email, Exception exception);

    [LoggerMessage(EventId = 53, Level = LogLevel.Warning, Message = "The review digest run failed; it will be tried again")]
    public static partial void DigestRunFailed(this ILogger logger, Exception exception);
}
