using System.Text.Json;

namespace NewsStance.Cli.Internal;

/// <summary>
/// What is known about an article besides its quotes, from the text (wire date, dateline, title line)
/// and from its JSON Lines fields (any of them: date, title, outlet, url, …). A field the input states
/// wins over one read from the text, since the user's metadata is what a batch is grouped by.
/// Every writer takes its metadata from here, so JSONL, CSV and HTML say the same thing.
/// </summary>
internal sealed class ArticleMetadata
{
    /// <summary>Fields the output owns; an input field of the same name never replaces them.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "article_id", "quotes", "id", "text" };

    private ArticleMetadata(string? date, string? dateline, string? title, IReadOnlyList<KeyValuePair<string, JsonElement>> extra)
    {
        Date = date;
        Dateline = dateline;
        Title = title;
        Extra = extra;
    }

    /// <summary>The input's <c>date</c> when it is a string, else the wire header's date.</summary>
    public string? Date { get; }

    /// <summary>The input's <c>dateline</c> when it is a string, else the one read from the text.</summary>
    public string? Dateline { get; }

    /// <summary>The input's <c>title</c> when it is a string, else the plain-text title line.</summary>
    public string? Title { get; }

    /// <summary>Every other input field, in input order.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonElement>> Extra { get; }

    /// <summary>The outlet: the input's <c>outlet</c>, else the bracketed name in the dateline (<c>MOSCOW (Sputnik)</c>).</summary>
    public string? Outlet => Text("outlet") ?? OutletOfDateline(Dateline);

    /// <summary>The article's address, from the input's <c>url</c>.</summary>
    public string? Url => Text("url");

    public static ArticleMetadata Of(ArticleResult r, ArticleInput input)
    {
        var fields = input.Extra ?? new Dictionary<string, JsonElement>();
        // A date, dateline or title given as a number or an object is kept as its JSON text: the field stays a string.
        string? Given(string name) => fields.TryGetValue(name, out var v) ? AsText(v) : null;
        var extra = fields.Where(p => !Reserved.Contains(p.Key) && p.Key is not ("date" or "dateline" or "title")).ToList();
        return new ArticleMetadata(Given("date") ?? r.Date, Given("dateline") ?? r.Dateline, Given("title") ?? r.Title, extra);
    }

    /// <summary>An extra field as text: a string as it is, anything else as its JSON; null when absent or null.</summary>
    public string? Text(string name)
    {
        foreach (var (k, v) in Extra)
            if (k == name) return AsText(v);
        return null;
    }

    public static string? AsText(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => v.GetRawText(),
    };

    internal static string? OutletOfDateline(string? dateline)
    {
        if (dateline is null) return null;
        int open = dateline.LastIndexOf('('), close = dateline.LastIndexOf(')');
        return open >= 0 && close > open + 1 ? dateline[(open + 1)..close].Trim() : null;
    }
}
