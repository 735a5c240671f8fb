using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>Adds a person, so explainers and related items can name them. The key is what front matter uses and never changes.</summary>
public sealed partial class NewPersonModel(EditorialDbContext db, UserManager<SiteUser> users) : ReviewPageModel(db, users), IPersonForm
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    [BindProperty]
    [StringLength(80, ErrorMessage = "Keep the key under 80 characters.")]
    public string? Key { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Remove("Input.Version"); // a new person has no version yet
        var key = string.IsNullOrWhiteSpace(Key) ? KeyFrom(Input.Name) : Key.Trim();
        if (!string.IsNullOrWhiteSpace(Key) && !KeyPattern().IsMatch(key))
        {
            ModelState.AddModelError(nameof(Key), "Use only lower-case letters, digits and single hyphens between them, such as georgios-anagas.");
        }
        else if (key == "new")
        {
            ModelState.AddModelError(nameof(Key), "The key new is the address of this form: choose another key.");
        }
        else if (key.Length > 0 && await Db.People.AnyAsync(p => p.Key == key, ct))
        {
            ModelState.AddModelError(string.IsNullOrWhiteSpace(Key) ? "Input.Name" : nameof(Key), $"A person with the key {key} is in the store already: check the list of people, or choose another key.");
        }
        else if (key.Length == 0 && !string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError(nameof(Key), "A key cannot be made from this name: enter one, such as georgios-anagas.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await CurrentUserAsync();
        var person = new Person { Key = key, Name = Input.Name.Trim() };
        Input.ApplyTo(person);
        Db.People.Add(person);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            // Another reviewer added the same key between the check and the save.
            Db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(Key), $"Someone added a person with the key {key} at the same moment, so this one was not added. Check the list of people.");
            return Page();
        }

        return RedirectToPage("/Review/Person", new { key, added = true });
    }

    /// <summary>"Ana María Núñez" becomes "ana-maria-nunez"; other letters without a plain form are left out.</summary>
    private static string KeyFrom(string? name)
    {
        var plain = string.Concat((name ?? "").ToLowerInvariant().Select(c => Accented.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? Plain[i].ToString() : c.ToString()));
        var key = NotKey().Replace(plain.Replace("ß", "ss", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal), "-").Trim('-');
        return key.Length > 80 ? key[..80].Trim('-') : key;
    }

    // The site runs without culture data (invariant globalization), so accents are mapped by hand.
    private const string Accented = "àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıłñńňòóôõöøōőŕřśşšţťùúûüūůűųýÿźżž";
    private const string Plain = "aaaaaaaaacccddeeeeeeeegiiiiiiilnnnoooooooorrsssttuuuuuuuuyyzzz";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotKey();
}
