using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;

namespace GeneTherapyExplainers.Web.Pages.Explainers;

/// <summary>One explainer in a list: title, summary, reading time and when it was last reviewed.</summary>
public sealed record ExplainerCard(Explainer Explainer, ReviewState? Review, bool ShowCategory);
