namespace GeneTherapyExplainers.Web.Data.Entities;

/// <summary>An author, reviewer, interview guest or host.</summary>
public sealed class Person
{
    public int Id { get; set; }

    /// <summary>The name in lower case with hyphens, as front matter names it: <c>georgios-anagas</c>.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    /// <summary>A title shown before the name, such as "Dr.".</summary>
    public string? Honorific { get; set; }

    public List<string> RoleTitles { get; set; } = [];

    public string? Credentials { get; set; }

    public List<string> Affiliations { get; set; } = [];

    public string? Bio { get; set; }

    /// <summary>The source page the seeded facts come from, or null when added on the site.</summary>
    public string? SourcePage { get; set; }

    /// <summary>Changes on every save; a save that carries an older value is refused.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public string DisplayName => Honorific is null ? Name : $"{Honorific} {Name}";
}
