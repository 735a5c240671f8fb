namespace GeneTherapyExplainers.Web.Commands;

/// <summary>Tells site start-up from the maintenance commands that share the same program.</summary>
public static class CommandLine
{
    public static bool IsUsers(string[] args) => args.Length > 0 && args[0] == "users";

    public static bool IsValidate(string[] args) => args.Length > 0 && args[0] == "validate";

    public static bool IsStore(string[] args) => args.Length > 0 && args[0] == "store";

    public static bool IsNotify(string[] args) => args.Length > 0 && args[0] == "notify";

    /// <summary>The arguments the host should see: configuration switches only, never a command's own words.</summary>
    public static string[] HostArguments(string[] args) => IsUsers(args) || IsValidate(args) || IsStore(args) || IsNotify(args) ? [] : args;
}
