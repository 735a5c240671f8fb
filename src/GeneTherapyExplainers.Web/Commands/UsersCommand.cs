using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Commands;

/// <summary>
/// <c>users add|list|remove|reset-password|unlock</c>: the only way accounts are made (there is no public sign-up).
/// Passwords are read from the terminal without echo, or as two lines (password, confirmation) from standard input.
/// Every change is written to the audit trail and the log, naming the operating-system user who ran the command.
/// </summary>
public sealed partial class UsersCommand(IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (SubcommandMistake(args) is { } mistake)
        {
            return Fail(mistake);
        }

        var subcommand = args[1];

        try
        {
            var options = ParseOptions(args.Skip(2));
            var allowed = subcommand switch { "add" => ["email", "role", "person"], "list" => Array.Empty<string>(), _ => ["email"] };
            if (options.Keys.FirstOrDefault(k => !allowed.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            {
                throw new ArgumentException($"users {subcommand} does not take --{unknown}.");
            }

            return subcommand switch
            {
                "add" => await AddAsync(options),
                "list" => await ListAsync(),
                "remove" => await RemoveAsync(options),
                "reset-password" => await ResetAsync(options),
                _ => await UnlockAsync(options),
            };
        }
        catch (ArgumentException ex)
        {
            return Fail($"{ex.Message} Run 'users {subcommand} --help' for how to use it.");
        }
    }

    private async Task<int> AddAsync(Dictionary<string, string> options)
    {
        var email = Required(options, "email");
        var role = Required(options, "role");
        var canonicalRole = SiteRoles.All.FirstOrDefault(r => r.Equals(role, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown role '{role}'. Use Reviewer or Editor.");
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SiteUser>>();
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Fail($"An account for {email} already exists.");
        }

        int? personId = null;
        if (options.TryGetValue("person", out var key))
        {
            var person = await db.People.FirstOrDefaultAsync(p => p.Key == key);
            if (person is null)
            {
                return Fail($"No person with the key '{key}' is in the store.");
            }

            personId = person.Id;
        }

        var password = new PasswordPrompt(input, error).ReadNewPassword();
        if (password is null)
        {
            return 1;
        }

        await EnsureRoleAsync(scope.ServiceProvider, canonicalRole);
        var user = new SiteUser { UserName = email, Email = email, EmailConfirmed = true, PersonId = personId };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Fail(Describe(created));
        }

        await users.AddToRoleAsync(user, canonicalRole);
        await AuditAsync(scope, email, "Added", $"role {canonicalRole}{(key is null ? "" : $", person {key}")}");
        output.WriteLine($"Added {email} as {canonicalRole}{(key is null ? "" : $", linked to {key}")}.");
        return 0;
    }

    private async Task<int> ListAsync()
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SiteUser>>();
        var all = await users.Users.Include(u => u.Person).OrderBy(u => u.Email).ToListAsync();
        if (all.Count == 0)
        {
            output.WriteLine("No accounts yet. Add one with: users add --email EMAIL --role Reviewer");
        }

        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            var locked = await users.IsLockedOutAsync(user) ? " (locked out)" : "";
            output.WriteLine($"{user.Email}\t{string.Join(",", roles)}\t{user.Person?.Key ?? "-"}{locked}");
        }

        return 0;
    }

    private async Task<int> RemoveAsync(Dictionary<string, string> options)
    {
        var email = Required(options, "email");
        using var scope = services.CreateScope();
        var (users, user) = await FindAsync(scope, email);
        if (user is null)
        {
            return Fail($"No account for {email}.");
        }

        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            return Fail(Describe(result));
        }

        await AuditAsync(scope, email, "Removed", null);
        output.WriteLine($"Removed {email}. Reviews they recorded are kept.");
        return 0;
    }

    private async Task<int> ResetAsync(Dictionary<string, string> options)
    {
        var email = Required(options, "email");
        using var scope = services.CreateScope();
        var (users, user) = await FindAsync(scope, email);
        if (user is null)
        {
            return Fail($"No account for {email}.");
        }

        var password = new PasswordPrompt(input, error).ReadNewPassword();
        if (password is null)
        {
            return 1;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password);
            if (!valid.Succeeded)
            {
                return Fail(Describe(valid));
            }
        }

        // A new hash and a new security stamp: every existing session ends.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        await users.UpdateSecurityStampAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(scope, email, "Password reset", "every session ended; lockout cleared");
        output.WriteLine($"The password for {email} is changed, and every session of that account has ended.");
        return 0;
    }

    /// <summary>Ends a lockout at once and forgets the failed attempts; the password stays as it is.</summary>
    private async Task<int> UnlockAsync(Dictionary<string, string> options)
    {
        var email = Required(options, "email");
        using var scope = services.CreateScope();
        var (users, user) = await FindAsync(scope, email);
        if (user is null)
        {
            return Fail($"No account for {email}.");
        }

        var wasLocked = await users.IsLockedOutAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(scope, email, "Unlocked", wasLocked ? "was locked out" : "was not locked out; failed attempts reset");
        output.WriteLine(wasLocked
            ? $"{email} is unlocked and can sign in again."
            : $"{email} was not locked out; its count of failed attempts is back to zero.");
        return 0;
    }

    /// <summary>Who ran the command: the operating-system user, and the user behind sudo when there is one.</summary>
    public static string OperatingSystemActor()
    {
        var sudo = Environment.GetEnvironmentVariable("SUDO_USER");
        return string.IsNullOrWhiteSpace(sudo) || sudo == Environment.UserName
            ? $"os:{Environment.UserName}"
            : $"os:{Environment.UserName} (sudo by {sudo})";
    }

    /// <summary>An audit entry and a log line for an account change. Never a password, hash or security stamp.</summary>
    private static async Task AuditAsync(IServiceScope scope, string email, string action, string? details)
    {
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();
        var actor = OperatingSystemActor();
        db.AuditEntries.Add(new AuditEntry
        {
            At = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
            Actor = actor,
            EntityType = "Account",
            EntityKey = email,
            Action = action,
            Details = details,
        });
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<ILogger<UsersCommand>>().AccountChanged(email, action, actor);
    }

    private static async Task<(UserManager<SiteUser> Users, SiteUser? User)> FindAsync(IServiceScope scope, string email)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SiteUser>>();
        return (users, await users.FindByEmailAsync(email));
    }

    private static async Task EnsureRoleAsync(IServiceProvider scoped, string role)
    {
        var roles = scoped.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private static Dictionary<string, string> ParseOptions(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var list = args.ToList();
        for (var i = 0; i < list.Count; i += 2)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= list.Count)
            {
                throw new ArgumentException($"'{list[i]}' is not understood. Options come in pairs, such as --email someone@example.org.");
            }

            options[list[i][2..]] = list[i + 1];
        }

        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new ArgumentException($"--{name} is required.");

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    private int Fail(string message)
    {
        error.WriteLine(message);
        return 1;
    }
}
