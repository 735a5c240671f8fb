using Microsoft.AspNetCore.Identity;

namespace GeneTherapyExplainers.Web.Data.Entities;

/// <summary>A reviewer's or editor's account. Linked to a person, so a recorded review names them.</summary>
public sealed class SiteUser : IdentityUser
{
    public int? PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>The reviewer turned the review digest off on their account page.</summary>
    public bool DigestOff { get; set; }
}

/// <summary>The roles an account can have. There is no public sign-up: accounts are made with the users command.</summary>
public static class SiteRoles
{
    public const string Reviewer = "Reviewer";
    public const string Editor = "Editor";

    public static readonly IReadOnlyList<string> All = [Reviewer, Editor];
}

/// <summary>One change to the store: who made it, when, to what, and which values changed.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public required string EntityType { get; set; }

    public required string EntityKey { get; set; }

    public required string Action { get; set; }

    public string? Details { get; set; }
}
