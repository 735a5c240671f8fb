using System.Text;
using System.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// Control characters in form fields. ASP.NET Core refuses a whole form that holds a NUL byte (a bare 400, and the
/// reviewer's text is gone), so NULs are turned into U+FFFD "�" before the form is read, and the page then says,
/// next to each such field, that it held an invisible control character, with the text kept in the form.
/// </summary>
public static class FormText
{
    public const string Message = "This text contains an invisible control character (such as a NUL byte), shown here as �. Remove it and save again.";
    private const string NulFieldsItem = "gte-nul-fields";
    private const int MaxRewrittenBody = 1024 * 1024;
    private static readonly byte[] Nul = "%00"u8.ToArray();
    private static readonly byte[] Replacement = "%EF%BF%BD"u8.ToArray();

    /// <summary>Rewrites a posted form that holds encoded NUL bytes, and notes which fields held them.</summary>
    public static IApplicationBuilder UseFormTextGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType
            && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            && request.ContentLength is > 0 and <= MaxRewrittenBody)
        {
            var body = new byte[request.ContentLength.Value];
            await request.Body.ReadExactlyAsync(body, context.RequestAborted);
            if (body.AsSpan().IndexOf(Nul) >= 0)
            {
                context.Items[NulFieldsItem] = FieldsWithNul(body);
                body = ReplaceNul(body);
            }

            request.Body = new MemoryStream(body, writable: false);
            request.ContentLength = body.Length;
        }

        await next(context);
    });

    /// <summary>An error next to every field that holds a control character other than tab and line breaks.</summary>
    public static void Check(HttpContext context, ModelStateDictionary modelState)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            return;
        }

        var nulFields = context.Items[NulFieldsItem] as HashSet<string> ?? [];
        foreach (var (key, values) in context.Request.Form)
        {
            var text = values.ToString();
            if (!nulFields.Contains(key) && !text.Any(IsForbidden))
            {
                continue;
            }

            var shown = new string([.. text.Select(c => IsForbidden(c) ? '\uFFFD' : c)]);
            modelState.SetModelValue(key, shown, shown);
            modelState.AddModelError(key, Message);
        }
    }

    private static bool IsForbidden(char c) => char.IsControl(c) && c is not ('\t' or '\r' or '\n');

    private static HashSet<string> FieldsWithNul(byte[] body)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in Encoding.ASCII.GetString(body).Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var value = equals < 0 ? pair : pair[(equals + 1)..];
            if (value.Contains("%00", StringComparison.Ordinal))
            {
                fields.Add(HttpUtility.UrlDecode(equals < 0 ? pair : pair[..equals]).Replace('\0', '\uFFFD'));
            }
        }

        return fields;
    }

    private static byte[] ReplaceNul(byte[] body)
    {
        using var output = new MemoryStream(body.Length + 16);
        var rest = body.AsSpan();
        for (var at = rest.IndexOf(Nul); at >= 0; at = rest.IndexOf(Nul))
        {
            output.Write(rest[..at]);
            output.Write(Replacement);
            rest = rest[(at + Nul.Length)..];
        }

        output.Write(rest);
        return output.ToArray();
    }
}
