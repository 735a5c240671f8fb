using System.ComponentModel.DataAnnotations;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>What the shared person fields (_PersonFields) need of the page that shows them.</summary>
public interface IPersonForm
{
    PersonModel.PersonInput Input { get; }

    string? Invalid(string field);
}

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

    public SaveConflict? Conflict { get; private set; }

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
        Db.Entry(person).Property(p => p.Version).OriginalValue = Input.Version;
        Input.ApplyTo(person);
        person.Version = Guid.NewGuid();
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = new(Input.Describe());
            Db.ChangeTracker.Clear();
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

    public sealed class PersonInput
    {
        [StringLength(20, ErrorMessage = "Keep the title under 20 characters.")]
        public string? Honorific { get; set; }

        [Required(ErrorMessage = "Enter the name.")]
        [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
        public string Name { get; set; } = "";

        [StringLength(1000)]
        public string? RoleTitles { get; set; }

        [StringLength(500, ErrorMessage = "Keep the credentials under 500 characters.")]
        public string? Credentials { get; set; }

        [StringLength(1000)]
        public string? Affiliations { get; set; }

        [StringLength(4000, ErrorMessage = "Keep the bio under 4,000 characters.")]
        public string? Bio { get; set; }

        public Guid Version { get; set; }

        public static PersonInput From(Person p) => new()
        {
            Honorific = p.Honorific, Name = p.Name, RoleTitles = string.Join("\n", p.RoleTitles), Credentials = p.Credentials,
            Affiliations = string.Join("\n", p.Affiliations), Bio = p.Bio, Version = p.Version,
        };

        public void ApplyTo(Person p)
        {
            p.Honorific = Blank(Honorific);
            p.Name = Name.Trim();
            p.RoleTitles = Lines(RoleTitles);
            p.Credentials = Blank(Credentials);
            p.Affiliations = Lines(Affiliations);
            p.Bio = Blank(Bio);
        }

        public IReadOnlyList<KeyValuePair<string, string?>> Describe() =>
        [
            new("Title", Honorific), new("Name", Name), new("Roles", RoleTitles), new("Credentials", Credentials),
            new("Affiliations", Affiliations), new("Bio", Bio),
        ];

        private static List<string> Lines(string? text) =>
            [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
