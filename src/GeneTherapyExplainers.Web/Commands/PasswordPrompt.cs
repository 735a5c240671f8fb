using System.Text;

namespace GeneTherapyExplainers.Web.Commands;

/// <summary>
/// Asks for a new password twice: from a terminal without echo, otherwise as two lines of standard input
/// (password, confirmation). Says on <paramref name="error"/> why none was taken.
/// </summary>
public sealed class PasswordPrompt(TextReader input, TextWriter error)
{
    public string? ReadNewPassword()
    {
        var password = ReadSecret("Password: ");
        var confirmation = ReadSecret("Confirm password: ");
        if (password is null || confirmation is null)
        {
            error.WriteLine("No password was given.");
            return null;
        }

        if (password != confirmation)
        {
            error.WriteLine("The two passwords do not match.");
            return null;
        }

        return password;
    }

    /// <summary>From a terminal, without echo; otherwise one line of standard input.</summary>
    private string? ReadSecret(string prompt)
    {
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            return input.ReadLine();
        }

        error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
