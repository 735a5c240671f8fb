using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>A page with a form: tells the view which fields are invalid, so they can say so to assistive technology.</summary>
public abstract class FormPageModel : PageModel
{
    /// <summary>"true" when the field has an error, otherwise null (so no attribute is written).</summary>
    public string? Invalid(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? "true" : null;

    /// <summary>After model binding, before the handler: a field holding a control character is an error beside it.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => FormText.Check(HttpContext, ModelState);
}
