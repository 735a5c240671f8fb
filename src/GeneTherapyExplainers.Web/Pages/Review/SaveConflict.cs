namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>
/// A save that was refused because it may have overwritten someone else's: the values the reviewer sent, to show
/// beside the stored ones. <see cref="VersionUnreadable"/> is true when the form did not say which version it was
/// edited from (damaged or crafted), rather than carrying an older one.
/// </summary>
public sealed record SaveConflict(IReadOnlyList<KeyValuePair<string, string?>> YourValues, bool VersionUnreadable = false)
{
    /// <summary>True when model binding could not read the form's version field.</summary>
    public static bool IsUnreadable(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string field = "Input.Version") =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;
}
