using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>The audit trail, newest first, one page at a time, narrowed by explainer, person, account and days.</summary>
public sealed class AuditModel(EditorialDbContext db, ContentCatalogProvider content) : FormPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Explainer { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Account { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")] // from the address only: "page" is also the name of the page among the route values
    public int? PageNumber { get; set; }

    public IReadOnlyList<(AuditEntry Entry, string Who, string What)> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public IReadOnlyList<(string Slug, string Title)> Explainers { get; private set; } = [];

    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<string> Accounts { get; private set; } = [];

    public bool Filtered => Explainer is not null || Person is not null || Account is not null || From is not null || To is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var catalog = content.Current;
        Explainers = [.. catalog.All.Select(e => (e.Slug, e.Title)).OrderBy(e => e.Title, StringComparer.Ordinal)];
        var people = await db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        People = people;
        Accounts = await db.Users.AsNoTracking().Where(u => u.Email != null).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync(ct);
        (Explainer, Person, Account) = (Blank(Explainer), Blank(Person), Blank(Account));
        FriendlyDateErrors();
        if (From is { } from && To is { } to && to < from)
        {
            ModelState.AddModelError(nameof(To), "The last day cannot be before the first day.");
        }

        var query = db.AuditEntries.AsNoTracking();
        if (Explainer is not null)
        {
            query = query.AboutExplainer(Explainer);
        }

        if (Person is not null)
        {
            var person = people.FirstOrDefault(p => p.Key == Person);
            query = person is null ? query.Where(a => a.EntityType == nameof(Data.Entities.Person) && a.EntityKey == Person) : query.AboutPerson(person);
        }

        if (Account is not null)
        {
            query = query.ByAccount(Account);
        }

        if (Invalid(nameof(From)) is not null || Invalid(nameof(To)) is not null)
        {
            query = query.Where(_ => false);
        }
        else
        {
            query = await WithinDaysAsync(query, ct);
        }

        var total = await query.CountAsync(ct);
        var count = Math.Max(1, (total + PageSize - 1) / PageSize);
        var number = PageNumber ?? 1;
        if (number < 1 || number > count)
        {
            return NotFound();
        }

        var entries = await query.OrderByDescending(a => a.Id).Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var items = await db.RelatedItems.AsNoTracking().ToDictionaryAsync(i => i.Id, ct);
        var sentences = new AuditSentences(people.ToDictionary(p => p.Id), items, slug => catalog.Find(slug)?.Title);
        Rows = [.. entries.Select(a => (a, AuditSentences.Who(a.Actor), sentences.What(a)))];
        // "page" is the one value Url.Page cannot carry (it names the page), so it is added after.
        var filtered = Url.Page("/Review/Audit", new { explainer = Explainer, person = Person, account = Account, from = Day(From), to = Day(To) })!;
        Paging = new Paging(number, count, total, p => p == 1 ? filtered : $"{filtered}{(filtered.Contains('?', StringComparison.Ordinal) ? '&' : '?')}page={p}");
        return Page();
    }

    /// <summary>Whole UTC days, first and last included.</summary>
    private async Task<IQueryable<AuditEntry>> WithinDaysAsync(IQueryable<AuditEntry> query, CancellationToken ct)
    {
        if (From is { } from)
        {
            var first = await AuditQuery.FirstIdAtOrAfterAsync(db.AuditEntries.AsNoTracking(), new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ct);
            query = first is { } id ? query.Where(a => a.Id >= id) : query.Where(_ => false);
        }

        if (To is { } to)
        {
            var after = await AuditQuery.FirstIdAtOrAfterAsync(db.AuditEntries.AsNoTracking(), new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ct);
            query = after is { } id ? query.Where(a => a.Id < id) : query;
        }

        return query;
    }

    /// <summary>A date the browser or the address did not send as a date gets a message a person can act on.</summary>
    private void FriendlyDateErrors()
    {
        foreach (var (field, label) in new[] { (nameof(From), "first"), (nameof(To), "last") })
        {
            if (ModelState.TryGetValue(field, out var state) && state.Errors.Count > 0)
            {
                state.Errors.Clear();
                ModelState.AddModelError(field, $"Enter the {label} day as a date, such as 2026-11-30.");
            }
        }
    }

    /// <summary>The day as the date field shows it; what was sent, when it was not a date.</summary>
    public string? DayText(string field) =>
        ModelState.TryGetValue(field, out var state) && state.Errors.Count > 0 ? state.AttemptedValue : Day(field == nameof(From) ? From : To);

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", Format.Culture);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
