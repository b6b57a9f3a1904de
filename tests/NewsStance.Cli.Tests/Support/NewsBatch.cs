using System.Text;
using System.Text.Json;

namespace NewsStance.Cli.Tests.Support;

/// <summary>Small synthetic news articles as JSON Lines, each with its quotes, speakers and an outlet, ids <c>n0</c>, <c>n1</c>, ….</summary>
internal static class NewsBatch
{
    private static readonly string[] Speakers = ["Jane Miller", "Tom Baker", "Ana Ruiz", "Peter Novak"];
    private static readonly string[] Topics = ["the bridge plan", "the school budget", "the new tax", "the harbour project"];

    public static string Id(int i) => $"n{i}";

    public static string Text(int i)
    {
        string a = Speakers[i % 4], b = Speakers[(i + 1) % 4], topic = Topics[i % Topics.Length];
        return $"\"We cannot afford {topic} in district {i},\" {a} said on Monday.\n\n"
            + $"{b} said that {topic} would bring {i % 90 + 10} new jobs to the town.\n\n"
            + $"\"It is a good plan,\" the {(i % 2 == 0 ? "mayor" : "council leader")} told reporters, \"and we will finish it.\"";
    }

    /// <summary>Articles <c>n{from}</c> to <c>n{to - 1}</c>; with <paramref name="stories"/> above 1 each is that many stories long (slower to score).</summary>
    public static string Jsonl(int from, int to, int stories = 1)
    {
        var lines = new StringBuilder();
        for (int i = from; i < to; i++)
            lines.Append(JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = Id(i), ["text"] = LongText(i, stories), ["outlet"] = "Test Wire" })).Append('\n');
        return lines.ToString();
    }

    private static string LongText(int i, int stories)
        => stories == 1 ? Text(i) : string.Join("\n\n", Enumerable.Range(0, stories).Select(s => Text(i * stories + s)));
}
