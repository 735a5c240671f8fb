using System.Security.Cryptography.X509Certificates;
using GeneTherapyExplainers.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>The "DataProtection" section of configuration.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PFX file whose certificate encrypts the keys in the store; empty keeps them unencrypted there.</summary>
    public string CertificatePath { get; set; } = "";

    public string CertificatePassword { get; set; } = "";
}

/// <summary>
/// The keys that protect sign-in cookies and antiforgery tokens live in the editorial store under one application
/// name, so a cookie or a half-filled form from one instance is good on every other and survives restarts.
/// </summary>
public static class KeyRing
{
    public const string ApplicationName = "GeneTherapyExplainers";

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<EditorialDbContext>();
        // The key ring is first read (and the first key made) by the site's start-up, once the store is ready (see
        // StoreSetup): the framework's own loader would read the store before it is migrated.
        var loader = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == typeof(DataProtectionBuilderExtensions).Assembly);
        if (loader is not null)
        {
            services.Remove(loader);
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            // Every instance needs the same certificate to read the keys another one wrote.
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword));
        }

        return services;
    }

    /// <summary>
    /// Reads the key ring, making the first key if the store has none. On a shared store (PostgreSQL) start-up does it
    /// while it holds the store's lock, so instances starting together on an empty store all use the same key instead
    /// of each making its own; on SQLite, which one instance uses, just after the store is ready, beside the first requests.
    /// </summary>
    public static void EnsureKey(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("GeneTherapyExplainers.StartUp").Protect([1]);
}
