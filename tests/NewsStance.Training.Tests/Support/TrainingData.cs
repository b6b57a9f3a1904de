namespace NewsStance.Training.Tests.Support;

/// <summary>
/// A tiny training-data folder (spec/OUTPUT.md §3) built in memory: articles, quotes.csv and stance.csv
/// as rows of fields, with every offset computed from the strings written. Tests break a copy of it.
/// </summary>
internal sealed class TrainingData
{
    public static readonly string[] QuoteColumns =
    [
        "article_id", "quote_id", "type", "content_spans", "cue", "cue_span", "speaker_mention", "speaker_span",
        "speaker_name", "speaker_kind", "speaker_role", "text",
    ];

    public static readonly string[] StanceColumns = ["id", "text", "target", "target_start", "target_end", "stance", "speaker", "group"];

    public const string TreatyArticle =
        " date 2024-05-02 BERLIN (Wire) - Ministers met on Thursday.\n\n"
        + "\"We fully support the new treaty,\" Foreign Minister Anna Berg said.\n\n"
        + "Critics said that the treaty was a disaster for farmers.\n";

    public const string PortArticle =
        "Port reopens\n\n"
        + "According to the harbour authority, the port will reopen on Monday.\n";

    public Dictionary<string, string> Articles { get; } = new()
    {
        ["treaty"] = TreatyArticle,
        ["port"] = PortArticle,
    };

    public List<string[]> Quotes { get; } = [QuoteColumns];
    public List<string[]> Stance { get; } = [StanceColumns];

    /// <summary>The good corpus: three quotes over two articles and their stance rows.</summary>
    public static TrainingData Good()
    {
        var d = new TrainingData();
        d.AddQuote("treaty", "treaty-q1", "direct", "We fully support the new treaty", "said", "Foreign Minister Anna Berg", "Anna Berg", "person", "Foreign Minister");
        d.AddQuote("treaty", "treaty-q2", "indirect", "the treaty was a disaster for farmers", "said", "Critics", "Critics", "anonymous", "");
        d.AddQuote("port", "port-q1", "indirect", "the port will reopen on Monday", "According to", "the harbour authority", "harbour authority", "organization", "");
        d.AddStance("treaty-q1#t1", "We fully support the new treaty", "the new treaty", "favor", "Anna Berg", "treaty");
        d.AddStance("treaty-q2#t1", "the treaty was a disaster for farmers", "the treaty", "against", "Critics", "treaty");
        d.AddStance("port-q1#t1", "the port will reopen on Monday", "the port", "neutral", "harbour authority", "port");
        return d;
    }

    /// <summary>Adds a quote whose content, cue and speaker are each found (first occurrence) in the article.</summary>
    public void AddQuote(string articleId, string quoteId, string type, string content, string cue, string speaker, string name, string kind, string role)
    {
        var text = Articles[articleId];
        int c = Find(text, content), k = Find(text, cue), s = Find(text, speaker);
        Quotes.Add([articleId, quoteId, type, $"[[{c},{c + content.Length}]]", cue, $"[{k},{k + cue.Length}]", speaker, $"[{s},{s + speaker.Length}]", name, kind, role, content]);
    }

    public void AddStance(string id, string text, string target, string stance, string speaker, string group)
    {
        int t = Find(text, target);
        Stance.Add([id, text, target, t.ToString(), (t + target.Length).ToString(), stance, speaker, group]);
    }

    /// <summary>Sets one field; <paramref name="line"/> is the 1-based file line (the header is line 1).</summary>
    public static void Set(List<string[]> table, int line, string column, string value)
        => table[line - 1][Array.IndexOf(table[0], column)] = value;

    public static string Get(List<string[]> table, int line, string column) => table[line - 1][Array.IndexOf(table[0], column)];

    /// <summary>The 1-based column number of <paramref name="column"/>, as error messages give it.</summary>
    public static int ColumnOf(List<string[]> table, string column) => Array.IndexOf(table[0], column) + 1;

    public string Write(TempFolder folder, string name = "data")
    {
        foreach (var (id, text) in Articles) folder.Write($"{name}/articles/{id}.txt", text);
        folder.Write($"{name}/quotes.csv", CsvText.Of(Quotes));
        folder.Write($"{name}/stance.csv", CsvText.Of(Stance));
        return folder.PathOf(name);
    }

    private static int Find(string text, string part)
    {
        int at = text.IndexOf(part, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"'{part}' is not in the text");
        return at;
    }
}
