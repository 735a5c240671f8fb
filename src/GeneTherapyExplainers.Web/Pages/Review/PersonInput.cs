using System.ComponentModel.DataAnnotations;
using GeneTherapyExplainers.Web.Data.Entities;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>What the shared person fields (_PersonFields) need of the page that shows them.</summary>
public interface IPersonForm
{
    PersonInput Input { get; }

    string? Invalid(string field);
}

/// <summary>The fields of a person as the add and edit forms post them.</summary>
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
