using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Glossary;

public sealed class IndexModel(ContentCatalogProvider content) : PageModel
{
    public IReadOnlyList<IGrouping<char, GlossaryTerm>> Letters { get; private set; } = [];

    public void OnGet()
    {
        Letters = [.. content.Current.Glossary.GroupBy(t => t.Letter).OrderBy(g => g.Key)];
        HttpContext.CacheAs(PageTags.Glossary);
    }
}
