using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>Edits a person's details. A save carrying an older version is refused, never silently applied.</summary>
public sealed class PersonModel(EditorialDbContext db, UserManager<SiteUser> users) : ReviewPageModel(db, users), IPersonForm
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    /// <summary>Just added on the add form: the page says so, with the key to use in front matter.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Added { get; set; }

    public string Key { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var person = await Db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Key == key, ct);
        if (person is null)
        {
            return NotFound();
        }

        Key = person.Key;
        Input = PersonInput.From(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        var person = await Db.People.FirstOrDefaultAsync(p => p.Key == key, ct);
        if (person is null)
        {
            return NotFound();
        }

        Key = person.Key;
        if (SaveConflict.IsUnreadable(ModelState))
        {
            Conflict = new(Input.Describe(), VersionUnreadable: true);
            return ShowStored(person);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await CurrentUserAsync();
        Input.ApplyTo(person);
        if (!await SaveVersionedAsync(person, p => p.Version, Input.Version, Input.Describe(), ct))
        {
            return ShowStored(await Db.People.AsNoTracking().FirstAsync(p => p.Key == key, ct));
        }

        return RedirectToPage(new { key, saved = true });
    }

    /// <summary>The form again, with the stored values (and their version) in place of what was sent.</summary>
    private PageResult ShowStored(Person stored)
    {
        ModelState.Clear();
        Input = PersonInput.From(stored);
        return Page();
    }
}
