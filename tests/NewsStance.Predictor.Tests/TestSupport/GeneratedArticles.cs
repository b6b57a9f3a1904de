using System.Text;

namespace NewsStance.Tests.TestSupport;

/// <summary>
/// News-like articles written from a seed: a dateline, direct quotes split and whole, indirect and
/// mixed quotes, pronouns and role nouns for the speakers. Many different articles, cheaply, the same
/// every run.
/// </summary>
internal static class GeneratedArticles
{
    private static readonly string[] Cities = ["MOSCOW (Sputnik)", "KYIV, March 3 (Reuters)", "PARIS (AFP)", "RIVERTON", "BRUSSELS (AP)"];
    private static readonly string[] People = ["Finance Minister Lars Berg", "Mayor Ana Ruiz", "Kremlin spokesman Dmitry Peskov", "Senator Jane Miller", "union leader Tom Baker", "Prime Minister Eva Holm"];
    private static readonly string[] Surnames = ["Berg", "Ruiz", "Peskov", "Miller", "Baker", "Holm"];
    private static readonly string[] Pronouns = ["he", "she", "he", "she", "he", "she"];
    private static readonly string[] Verbs = ["said", "told reporters", "stressed", "added", "warned", "insisted"];
    private static readonly string[] Topics = ["the budget", "the new treaty", "the harbour wall", "the strike", "the grain deal", "the tariff on water"];
    private static readonly string[] Claims =
    [
        "will not survive the winter", "deserves our full support", "is a disaster for working families",
        "must be condemned and firmly opposed", "will be signed next week", "was never discussed with us",
    ];

    /// <summary>Article <paramref name="index"/> of the series; the same index always gives the same text.</summary>
    public static string Article(int index)
    {
        var random = new Random(index);
        string Pick(string[] from) => from[random.Next(from.Length)];
        var text = new StringBuilder();
        if (random.Next(2) == 0) text.Append($" date 2024-{1 + index % 12:00}-{1 + index % 28:00} ");
        text.Append(Pick(Cities)).Append(" - ");
        int paragraphs = 2 + random.Next(6);
        for (int p = 0; p < paragraphs; p++)
        {
            int who = random.Next(People.Length);
            string topic = Pick(Topics), claim = Pick(Claims), verb = Pick(Verbs);
            text.Append(random.Next(6) switch
            {
                0 => $"\"{Capital(topic)} {claim},\" {People[who]} {verb}.",
                1 => $"\u201c{Capital(topic)} {claim},\u201d {Pronouns[who]} said, \u201cand we will say so in article {index}.\u201d",
                2 => $"{People[who]} {verb} that {topic} {claim}.",
                3 => $"{Surnames[who]} called {topic} \"{claim}\" on day {p}.",
                4 => $"According to {People[who]}, {topic} {claim}.",
                _ => $"The {Pick(["minister", "mayor", "spokesman"])} {verb}: \u00ab{Capital(topic)} {claim}.\u00bb",
            });
            text.Append(random.Next(3) == 0 ? " " : "\n\n");
        }
        return text.ToString();
    }

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
