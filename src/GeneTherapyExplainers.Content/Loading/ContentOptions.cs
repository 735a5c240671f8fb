namespace GeneTherapyExplainers.Content.Loading;

/// <summary>Limits and targets that decide what counts as a problem.</summary>
public sealed class ContentOptions
{
    /// <summary>A reading grade above this is a warning. Grade 8 is about age 13; explainers aim for about 11.</summary>
    public double ReadabilityTargetGrade { get; set; } = 8;

    /// <summary>A sentence with more words than this is a warning.</summary>
    public int LongSentenceWords { get; set; } = 30;

    /// <summary>A bigger file is an error: no explainer needs a megabyte of text.</summary>
    public long MaxFileBytes { get; set; } = 1024 * 1024;
}
