using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using GeneTherapyExplainers.Content.Markdown;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>Adds or edits a related item. A save carrying an older version is refused, never silently applied.</summary>
public sealed partial class ItemModel(EditorialDbContext db, UserManager<SiteUser> users, ContentCatalogProvider content)
    : ReviewPageModel(db, users)
{
    public const string NewKey = "new";

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    /// <summary>For a new item: the explainer to show it on once added.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Explainer { get; set; }

    public bool IsNew { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    /// <summary>Said on the explainer's related-items page after an item is added there.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>The kinds as readers see them ("Video interview"); the value is the number the form posts.</summary>
    public static IReadOnlyList<SelectListItem> KindOptions { get; } =
        [.. Enum.GetValues<RelatedItemKind>().Select(k => new SelectListItem(Format.Kind(k), ((int)k).ToString(Format.Culture)))];

    public IReadOnlyList<SelectListItem> PeopleOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        await LoadPeopleAsync(ct);
        IsNew = key == NewKey;
        if (IsNew)
        {
            return Page();
        }

        var item = await FindAsync(key, ct);
        if (item is null)
        {
            return NotFound();
        }

        Input = ItemInput.From(item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        await LoadPeopleAsync(ct);
        IsNew = key == NewKey;
        if (IsNew)
        {
            ModelState.Remove("Input.Version"); // a new item has no version yet
        }
        else if (SaveConflict.IsUnreadable(ModelState))
        {
            Conflict = new(Input.Describe(), VersionUnreadable: true);
            return await ShowStoredAsync(key, ct);
        }

        if (!string.IsNullOrWhiteSpace(Input.Url) && !UrlSafety.IsWebAddress(Input.Url))
        {
            ModelState.AddModelError("Input.Url", "Enter a web address that starts with https:// or http://.");
        }

        var people = await Db.People.Where(p => p.Key == Input.GuestKey || p.Key == Input.HostKey).ToListAsync(ct);
        RequireKnown(people, Input.GuestKey, "Input.GuestKey", "Choose the guest from the list, or None.");
        RequireKnown(people, Input.HostKey, "Input.HostKey", "Choose the host from the list, or None.");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await CurrentUserAsync();
        var item = IsNew ? new RelatedItem { Key = await NewKeyAsync(Input.Title, ct), Title = Input.Title } : await FindAsync(key, ct);
        if (item is null)
        {
            return NotFound();
        }

        Input.ApplyTo(item, people);
        if (!IsNew)
        {
            // The version the form was loaded with must still be the stored one.
            return await SaveVersionedAsync(item, i => i.Version, Input.Version, Input.Describe(), ct)
                ? RedirectToPage(new { key = item.Key, saved = true })
                : await ShowStoredAsync(key, ct);
        }

        Db.RelatedItems.Add(item);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            // Another reviewer's add took the same key between our check and our save.
            Db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Title", "Someone added an item with this title at the same moment, so this one was not added. Check the list of interviews and articles, then add it again if it is still missing.");
            return Page();
        }

        if (IsNew && Explainer is not null && content.Current.Find(Explainer) is { } explainer)
        {
            await RelatedLinks.AttachAsync(Db, explainer.Slug, item.Id, ct);
            await Db.SaveChangesAsync(ct);
            Message = $"Added “{item.Title}”. It is shown on this explainer now.";
            return RedirectToPage("/Review/Related", new { slug = explainer.Slug });
        }

        return RedirectToPage(new { key = item.Key, saved = true });
    }

    /// <summary>The form again, with the stored values (and their version) in place of what was sent.</summary>
    private async Task<IActionResult> ShowStoredAsync(string key, CancellationToken ct)
    {
        var current = await FindAsync(key, ct);
        if (current is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        Input = ItemInput.From(current);
        return Page();
    }

    /// <summary>A guest or host key must name a person in the store: an unknown key never silently removes one.</summary>
    private void RequireKnown(List<Person> people, string? key, string field, string message)
    {
        if (!string.IsNullOrEmpty(key) && people.All(p => p.Key != key))
        {
            ModelState.AddModelError(field, message);
        }
    }

    private Task<RelatedItem?> FindAsync(string key, CancellationToken ct) =>
        Db.RelatedItems.Include(r => r.People).ThenInclude(p => p.Person).FirstOrDefaultAsync(r => r.Key == key, ct);

    private async Task LoadPeopleAsync(CancellationToken ct) =>
        PeopleOptions = [.. (await Db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct)).Select(p => new SelectListItem(p.DisplayName, p.Key))];

    /// <summary>A short slug of the title, made unique.</summary>
    private async Task<string> NewKeyAsync(string title, CancellationToken ct)
    {
        var slug = NotSlug().Replace(title.ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length == 0 ? "item" : slug[..Math.Min(slug.Length, 60)].Trim('-');
        var candidate = slug == NewKey ? "new-item" : slug;
        for (var i = 2; await Db.RelatedItems.AnyAsync(r => r.Key == candidate, ct); i++)
        {
            candidate = $"{slug}-{i}";
        }

        return candidate;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();

    public sealed class ItemInput
    {
        [Required(ErrorMessage = "Enter the title.")]
        [StringLength(300, ErrorMessage = "Keep the title under 300 characters.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Choose what kind of item this is.")]
        public RelatedItemKind? Kind { get; set; }

        [StringLength(2000, ErrorMessage = "That address is too long.")]
        public string? Url { get; set; }

        [StringLength(200)]
        public string? Series { get; set; }

        [StringLength(200)]
        public string? Source { get; set; }

        [StringLength(4000, ErrorMessage = "Keep the summary under 4,000 characters.")]
        public string? Summary { get; set; }

        public string? GuestKey { get; set; }

        public string? HostKey { get; set; }

        public Guid Version { get; set; }

        public static ItemInput From(RelatedItem item) => new()
        {
            Title = item.Title, Kind = item.Kind, Url = item.Url, Series = item.Series, Source = item.Source, Summary = item.Summary,
            GuestKey = item.People.FirstOrDefault(p => p.Role == RelatedItemRole.Guest)?.Person?.Key,
            HostKey = item.People.FirstOrDefault(p => p.Role == RelatedItemRole.Host)?.Person?.Key,
            Version = item.Version,
        };

        public void ApplyTo(RelatedItem item, IReadOnlyList<Person> people)
        {
            item.Title = Title.Trim();
            item.Kind = Kind!.Value;
            item.Url = Blank(Url);
            item.Series = Blank(Series);
            item.Source = Blank(Source);
            item.Summary = Blank(Summary);
            var wanted = new[] { (GuestKey, RelatedItemRole.Guest), (HostKey, RelatedItemRole.Host) }
                .Select(w => (Person: people.FirstOrDefault(p => p.Key == w.Item1), Role: w.Item2))
                .Where(w => w.Person is not null)
                .Select(w => (w.Person!.Id, w.Role))
                .ToList();
            item.People.RemoveAll(p => !wanted.Contains((p.PersonId, p.Role)));
            foreach (var (personId, role) in wanted.Where(w => !item.People.Any(p => p.PersonId == w.Id && p.Role == w.Role)))
            {
                item.People.Add(new RelatedItemPerson { PersonId = personId, Role = role });
            }
        }

        public IReadOnlyList<KeyValuePair<string, string?>> Describe() =>
        [
            new("Title", Title), new("Kind", Kind?.ToString()), new("Link", Url), new("Series", Series),
            new("Source", Source), new("Summary", Summary), new("Guest", GuestKey), new("Host", HostKey),
        ];

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
