using AngleSharp.Dom;

namespace GeneTherapyExplainers.Tests.Support;

/// <summary>One visitor in process: cookies kept, forms read and posted the way a browser would.</summary>
public sealed class Session(HttpClient client) : IDisposable
{
    public const string Password = "correct horse battery staple";

    public HttpClient Client => client;

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, Html.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Fills the form found by <paramref name="formSelector"/> on the page at <paramref name="url"/> and posts it.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> SubmitAsync(
        string url, IDictionary<string, string> fields, string formSelector = "main form")
    {
        var (_, page) = await GetAsync(url);
        var form = page.QuerySelector(formSelector) ?? throw new Xunit.Sdk.XunitException($"No form '{formSelector}' on {url}.");
        return await SubmitAsync(form, url, fields);
    }

    public async Task<(HttpResponseMessage Response, IDocument Document)> SubmitAsync(IElement form, string pageUrl, IDictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            values[name] = input.TagName switch
            {
                "TEXTAREA" => input.TextContent,
                "SELECT" => input.QuerySelector("option[selected]")?.GetAttribute("value") ?? input.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => input.GetAttribute("value") ?? "",
            };
        }

        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        using var content = new FormUrlEncodedContent(values);
        var response = await client.PostAsync(new Uri(target, UriKind.Relative), content);
        return (response, Html.Parse(await response.Content.ReadAsStringAsync()));
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password = Password)
    {
        var (response, _) = await SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        return response;
    }

    public void Dispose() => client.Dispose();
}
