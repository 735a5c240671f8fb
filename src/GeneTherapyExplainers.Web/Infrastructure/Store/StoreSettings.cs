namespace GeneTherapyExplainers.Web.Infrastructure.Store;

/// <summary>Which database the store is on and where: <c>Store:Provider</c> and <c>ConnectionStrings:Editorial</c>.</summary>
public sealed record StoreSettings(StoreProvider Provider, string ConnectionString);
