using System.Globalization;
using System.Text.RegularExpressions;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>
/// Writes audit entries as sentences a reviewer understands: names and titles instead of keys and numbers, and an
/// explainer that is no longer in the content folder said to be deleted. Reads the entries as <c>Infrastructure/Store/Audit.cs</c>
/// wrote them, old formats included.
/// </summary>
/// <param name="People">Every person, by id.</param>
/// <param name="Items">Every related item, by id.</param>
/// <param name="ExplainerTitle">An explainer's title by slug; null when the explainer is deleted.</param>
public sealed partial class AuditSentences(
    IReadOnlyDictionary<int, Person> People,
    IReadOnlyDictionary<int, RelatedItem> Items,
    Func<string, string?> ExplainerTitle)
{
    /// <summary>Who made the change, in words.</summary>
    public static string Who(string actor) => actor switch
    {
        "system:content" => "The site, from the content files",
        "system:seed" => "The site, from its seed data",
        "system:digest" => "The site, sending the review digest",
        "system:retention" => "The site, deleting old reader feedback",
        "system" => "The site",
        "reader" => "A reader",
        _ when actor.StartsWith("os:", StringComparison.Ordinal) => $"{actor[3..]}, with the users command on the server",
        _ => actor,
    };

    /// <summary>What happened, as one sentence.</summary>
    public string What(AuditEntry a)
    {
        var key = a.EntityKey;
        return a.EntityType switch
        {
            nameof(ReviewRecord) when ReviewKey().Match(key) is { Success: true } m => Review(a, m),
            nameof(ExplainerContributor) when ContributorKey().Match(key) is { Success: true } m => Contributor(a, m),
            nameof(ExplainerRelated) when RelatedKey().Match(key) is { Success: true } m => Related(a, m),
            nameof(ExplainerSchedule) => a.Action == "Added"
                ? $"Started the review schedule of {Explainer(key)}."
                : $"{a.Action} the review schedule of {Explainer(key)}{Changes(a.Details)}.",
            nameof(RelatedItemPerson) when ItemPersonKey().Match(key) is { Success: true } m => ItemPerson(a, m),
            nameof(Person) => $"{a.Action} the person {PersonByKey(key)}{Changes(a.Details)}.",
            nameof(RelatedItem) => $"{a.Action} the interview or article {ItemByKey(key)}{Changes(a.Details)}.",
            nameof(ReaderFeedback) => Feedback(a),
            "Account" => $"{AccountAction(a.Action)} the account {key}{(a.Details is null ? "" : $" ({a.Details})")}.",
            "Digest" => $"The review digest for {key} was {a.Action.ToLowerInvariant()}.",
            _ => $"{a.Action}: {a.EntityType} {key}{Changes(a.Details)}.",
        };
    }

    private string Review(AuditEntry a, Match m)
    {
        var kind = Enum.TryParse<ReviewKind>(m.Groups["kind"].Value, out var k) ? Format.Kind(k).ToLowerInvariant() : "review";
        var date = DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? Format.Date(d) : m.Groups["date"].Value;
        var by = m.Groups["person"].Success ? $" by {PersonById(m.Groups["person"].Value)}" : "";
        var corrects = a.Details is { } details ? $", which {details}" : "";
        var article = "aeiou".Contains(kind[0], StringComparison.Ordinal) ? "an" : "a";
        return $"Recorded {article} {kind} of {Explainer(m.Groups["slug"].Value)}, dated {date}{by}{corrects}.";
    }

    private string Contributor(AuditEntry a, Match m)
    {
        var role = Enum.TryParse<ContributorRole>(m.Groups["role"].Value, out var r) ? Format.Role(r).ToLowerInvariant() : m.Groups["role"].Value;
        var explainer = Explainer(m.Groups["slug"].Value);
        var who = m.Groups["person"].Success ? PersonById(m.Groups["person"].Value) : "someone";
        return a.Action switch
        {
            "Added" => $"Named {who} for the {role} of {explainer}.",
            "Removed" => $"No longer names {who} for the {role} of {explainer}.",
            _ => $"Changed who is named for the {role} of {explainer}{Changes(a.Details)}.",
        };
    }

    private string Related(AuditEntry a, Match m)
    {
        var item = ItemById(m.Groups["item"].Value);
        var explainer = Explainer(m.Groups["slug"].Value);
        return a.Action switch
        {
            "Added" => $"Showed {item} on {explainer}.",
            "Removed" => $"Removed {item} from {explainer}.",
            _ when a.Details?.StartsWith("DetachedAt: “”", StringComparison.Ordinal) == true => $"Detached {item} from {explainer}.",
            _ when a.Details?.StartsWith("DetachedAt:", StringComparison.Ordinal) == true && a.Details.EndsWith("→ “”", StringComparison.Ordinal) => $"Showed {item} on {explainer} again.",
            _ => $"Changed how {explainer} shows {item}{Changes(a.Details)}.",
        };
    }

    private string ItemPerson(AuditEntry a, Match m)
    {
        var role = m.Groups["role"].Value.ToLowerInvariant();
        var (who, item) = (PersonById(m.Groups["person"].Value), ItemById(m.Groups["item"].Value));
        return a.Action == "Removed" ? $"{who} is no longer the {role} of {item}." : $"{a.Action} {who} as the {role} of {item}.";
    }

    private string Feedback(AuditEntry a)
    {
        var page = FeedbackPage().Match(a.EntityKey);
        var where = !page.Success ? "" : page.Groups["kind"].Value == "explainers" ? $" on {Explainer(page.Groups["key"].Value)}" : $" on the glossary entry {page.Groups["key"].Value}";
        var number = a.EntityKey.StartsWith('#') ? a.EntityKey.Split(' ')[0] + " " : "";
        return a.Action switch
        {
            "Added" when a.EntityKey.EndsWith(" report", StringComparison.Ordinal) => $"A reader reported a mistake{where}.",
            "Added" => $"A reader left a comment{where}.",
            "Removed" when number.Length == 0 && a.Details is not null => $"Deleted old reader feedback: {a.Details}.",
            _ => $"{a.Action} reader feedback {number}{where}{Changes(a.Details)}.".Replace("  ", " ", StringComparison.Ordinal),
        };
    }

    private static string AccountAction(string action) => action switch
    {
        "Password reset" => "Reset the password of",
        "Digest turned on" => "Turned the review digest on for",
        "Digest turned off" => "Turned the review digest off for",
        _ => action,
    };

    /// <summary>"Bio: “a” → “b”; Url: …" as ": bio changed from “a” to “b”; link …".</summary>
    private string Changes(string? details) => details is null ? "" : ": " + string.Join("; ", details.Split("; ").Select(Change));

    private string Change(string change)
    {
        var m = ChangeText().Match(change);
        if (!m.Success)
        {
            return change;
        }

        var field = m.Groups["field"].Value;
        var (before, after) = (m.Groups["before"].Value, m.Groups["after"].Value);
        if (field is "PersonId" or "ReviewerId")
        {
            (before, after) = (PersonById(before), PersonById(after));
        }

        var label = FieldLabel(field);
        return before.Length == 0 ? $"{label} set to “{after}”" : after.Length == 0 ? $"{label} “{before}” cleared" : $"{label} changed from “{before}” to “{after}”";
    }

    private static string FieldLabel(string field) => field switch
    {
        "Honorific" => "title before the name",
        "RoleTitles" => "roles",
        "Url" => "link",
        "CadenceMonths" => "months between reviews",
        "FirstSeenOn" => "first published",
        "DetachedAt" => "detached",
        "PersonId" => "person",
        "HandledAt" => "handled on",
        "HandledBy" => "handled by",
        "HandledNote" => "handling note",
        "HandledReviewId" => "answering review",
        _ => SplitWords().Replace(field, " $1").ToLowerInvariant(),
    };

    private string Explainer(string slug) => ExplainerTitle(slug) is { } title ? $"“{title}”" : $"the explainer {slug} (deleted since)";

    private string PersonById(string id) =>
        int.TryParse(id, CultureInfo.InvariantCulture, out var n) && People.TryGetValue(n, out var p) ? p.DisplayName : id.Length == 0 ? "" : $"person {id} (removed since)";

    private string PersonByKey(string key) => People.Values.FirstOrDefault(p => p.Key == key) is { } p ? $"{p.DisplayName} ({key})" : key;

    private string ItemById(string id) =>
        int.TryParse(id, CultureInfo.InvariantCulture, out var n) && Items.TryGetValue(n, out var i) ? $"“{i.Title}”" : $"item {id} (removed since)";

    private string ItemByKey(string key) => Items.Values.FirstOrDefault(i => i.Key == key) is { } i ? $"“{i.Title}”" : key;

    [GeneratedRegex(@"^(?<slug>\S+) (?<kind>Medical|Technical|Editorial) (?<date>\d{4}-\d{2}-\d{2})(?: person (?<person>\d+))?$")]
    private static partial Regex ReviewKey();

    [GeneratedRegex(@"^(?<slug>\S+) (?<role>\w+)(?: person (?<person>\d+))?$")]
    private static partial Regex ContributorKey();

    [GeneratedRegex(@"^(?<slug>\S+) → item (?<item>\d+)$")]
    private static partial Regex RelatedKey();

    [GeneratedRegex(@"^item (?<item>\d+) (?<role>\w+) person (?<person>\d+)$")]
    private static partial Regex ItemPersonKey();

    [GeneratedRegex(@"/(?<kind>explainers|glossary)/(?<key>[^\s/]+)")]
    private static partial Regex FeedbackPage();

    [GeneratedRegex(@"^(?<field>\w+): “(?<before>.*)” → “(?<after>.*)”$", RegexOptions.Singleline)]
    private static partial Regex ChangeText();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex SplitWords();
}
