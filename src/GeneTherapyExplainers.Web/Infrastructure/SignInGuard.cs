using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// What sign-in keeps in memory besides the accounts: failed sign-ins per client, so that one client is paused long
/// before it could lock anyone's account; failed sign-ins per unknown address, so that an unknown address "locks"
/// exactly as an account does; and a stand-in password hash, so that an unknown address costs a full hash check.
/// </summary>
public sealed class SignInGuard(IOptions<AccountOptions> options, IOptions<PasswordHasherOptions> hashing, TimeProvider clock)
{
    private readonly AccountOptions settings = options.Value;
    private readonly PasswordHasher<SiteUser> hasher = new(hashing); // the same kind and cost as the accounts' own
    private readonly FailureCounter clients = new(clock);
    private readonly FailureCounter unknownAddresses = new(clock);
    private readonly Lazy<string> standInHash = new(() => new PasswordHasher<SiteUser>(hashing).HashPassword(new SiteUser(), RandomNumberGenerator.GetHexString(32)));

    /// <summary>True when this client failed too often lately: it may not try any account until the pause ends.</summary>
    public bool IsPaused(string client) => clients.IsBlocked(client);

    public void ClientFailed(string client) => clients.Fail(client, settings.MaxFailedSignInsPerClient, settings.LockoutDuration);

    /// <summary>
    /// For an address with no account: checks the password against a stand-in hash (as long as a real check) and
    /// counts the failure as an account would. True when the address is now "locked", as a real account would be.
    /// </summary>
    public bool UnknownAddressFailed(string normalizedEmail, string password)
    {
        if (unknownAddresses.IsBlocked(normalizedEmail))
        {
            return true; // a locked account answers without checking the password either
        }

        hasher.VerifyHashedPassword(new SiteUser(), standInHash.Value, password);
        return unknownAddresses.Fail(normalizedEmail, settings.MaxFailedSignInsPerAccount, settings.LockoutDuration);
    }

    /// <summary>The client's address, from the proxy when one is trusted; an IPv6 client is its /64 network.</summary>
    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        { AddressFamily: AddressFamily.InterNetworkV6 } v6 => Network64(v6),
        var address => address.ToString(),
    };

    private static string Network64(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Failures per key within a window; the key is blocked for a while once it reaches the limit.</summary>
    private sealed class FailureCounter(TimeProvider clock)
    {
        private const int MaxKeys = 100_000;
        private readonly Dictionary<string, (int Failures, DateTimeOffset Until, bool Blocked)> entries = new(StringComparer.Ordinal);
        private readonly Lock gate = new();

        public bool IsBlocked(string key)
        {
            lock (gate)
            {
                return entries.TryGetValue(key, out var entry) && entry.Blocked && entry.Until > clock.GetUtcNow();
            }
        }

        /// <summary>Counts a failure; true when the key is blocked from now on.</summary>
        public bool Fail(string key, int limit, TimeSpan duration)
        {
            var now = clock.GetUtcNow();
            lock (gate)
            {
                if (!entries.TryGetValue(key, out var entry) || entry.Until <= now)
                {
                    entry = (0, now + duration, false);
                }

                var failures = entry.Failures + 1;
                entry = failures >= limit ? (failures, now + duration, true) : (failures, entry.Until, entry.Blocked);
                entries[key] = entry;
                if (entries.Count > MaxKeys)
                {
                    Prune(now);
                }

                return entry.Blocked;
            }
        }

        private void Prune(DateTimeOffset now)
        {
            foreach (var stale in entries.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
            {
                entries.Remove(stale);
            }

            // Still nearly full of live entries: forget those closest to expiring, the least useful ones.
            foreach (var key in entries.OrderBy(e => e.Value.Until).Take(entries.Count - (MaxKeys * 9 / 10)).Select(e => e.Key).ToList())
            {
                entries.Remove(key);
            }
        }
    }
}
