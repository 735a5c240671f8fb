namespace GeneTherapyExplainers.Web.Data.Entities;

/// <summary>The kinds of public page a reader can send feedback about; the name is the first segment of its address.</summary>
public enum FeedbackPage
{
    /// <summary>An explainer, <c>/explainers/{slug}</c>.</summary>
    Explainers,

    /// <summary>A glossary term, <c>/glossary/{key}</c>.</summary>
    Glossary,
}

/// <summary>
/// One reader's answer about one page: helpful or not, a mistake report, and what they wrote. Nothing about the reader is
/// kept: no address, no account, no cookie. A report or a comment waits for a reviewer to handle it; a bare yes or no
/// needs no handling and only counts.
/// </summary>
public sealed class ReaderFeedback
{
    /// <summary>The most a reader may write; longer text is refused beside the field.</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>The most a reviewer's handling note may hold.</summary>
    public const int MaxNoteLength = 2000;

    public long Id { get; set; }

    public FeedbackPage Page { get; set; }

    /// <summary>The explainer's slug or the term's key.</summary>
    public required string PageKey { get; set; }

    /// <summary>Yes, no, or not answered (a report may leave it out).</summary>
    public bool? Helpful { get; set; }

    /// <summary>Sent with "Report a mistake".</summary>
    public bool IsReport { get; set; }

    /// <summary>Exactly as the reader sent it; shown encoded everywhere.</summary>
    public string? Comment { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>UTC; null while a report or comment waits for a reviewer.</summary>
    public DateTime? HandledAt { get; set; }

    public string? HandledBy { get; set; }

    public string? HandledNote { get; set; }

    /// <summary>The review that answered it, if the reviewer linked one.</summary>
    public int? HandledReviewId { get; set; }

    public ReviewRecord? HandledReview { get; set; }

    /// <summary>A report or a comment: something a reviewer should read.</summary>
    public bool NeedsReviewer => IsReport || Comment is not null;

    /// <summary>The page's address on the site, such as <c>/explainers/gene-therapy-explained</c>.</summary>
    public string PagePath => PathOf(Page, PageKey);

    public static string PathOf(FeedbackPage page, string key) => $"/{page.ToString().ToLowerInvariant()}/{key}";
}

/// <summary>
/// A reviewer's digest for one period, claimed before it is sent: the unique (account, period) pair is what keeps a
/// digest from going out twice, however many instances try at once.
/// </summary>
public sealed class DigestDelivery
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>UTC start of the period the digest covers.</summary>
    public DateTime PeriodStart { get; set; }

    /// <summary>UTC; when the claim was made.</summary>
    public DateTime ClaimedAt { get; set; }

    /// <summary>UTC; null until the message has gone (by e-mail or to the log).</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>"email" or "log".</summary>
    public string? Channel { get; set; }
}
