namespace GeneTherapyExplainers.Content.Loading;

/// <summary>Limits and targets that decide what counts as a problem.</summary>
public sealed class ContentOptions
{
    /// <summary>
    /// An explainer whose text, or whose summary, reads above this grade gets a warning. Grade 7 is about age 12;
    /// explainers aim for about grade 6, age 11.
    /// </summary>
    public double ReadabilityTargetGrade { get; set; } = 7;

    /// <summary>A sentence with more words than this is a warning.</summary>
    public int LongSentenceWords { get; set; } = 30;

    /// <summary>
    /// A published explainer with fewer sources is an error and stays unpublished (a draft) until it has them. Set it to
    /// 0 to turn the rule off (configuration: <c>Content:MinimumSources</c>).
    /// </summary>
    public int MinimumSources { get; set; } = 3;

    /// <summary>A bigger file is an error: no explainer needs a megabyte of text.</summary>
    public long MaxFileBytes { get; set; } = 1024 * 1024;
}
