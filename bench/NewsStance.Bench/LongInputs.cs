using System.Text;

namespace NewsStance.Bench;

/// <summary>
/// Long inputs of several shapes, built to a given size, for checking that scoring time grows
/// linearly with length. Each shape stresses one way an input can defeat the sentence and
/// paragraph structure the pipeline relies on; all are deterministic.
/// </summary>
public static class LongInputs
{
    /// <summary>The shapes, by name.</summary>
    public static readonly string[] Shapes = ["said-run", "mixed-marks", "one-paragraph-news", "unclosed-quotes", "news"];

    public static string Build(string shape, int chars) => shape switch
    {
        // One endless sentence of subject–verb frames: every "said" opens reported speech holding all the others.
        "said-run" => Repeat(chars, _ => "John Smith said "),
        // Quote marks of every style, reporting words and names, no sentence ends or paragraphs.
        "mixed-marks" => Mixed(chars),
        // Real-looking news with all paragraph breaks removed: one paragraph of a few thousand sentences.
        "one-paragraph-news" => Repeat(chars, i => NewsSentences[i % NewsSentences.Length] + " "),
        // Openers that never close, with frames between them.
        "unclosed-quotes" => Repeat(chars, i => i % 2 == 0 ? "\"We will go on, " : "Ana Ruiz told reporters that the port "),
        // Ordinary paragraphs: the baseline every other shape should match per KB.
        "news" => Repeat(chars, i => NewsSentences[i % NewsSentences.Length] + "\n\n"),
        _ => throw new ArgumentException($"unknown shape '{shape}'; use one of {string.Join(", ", Shapes)}", nameof(shape)),
    };

    private static readonly string[] NewsSentences =
    [
        "\"We will rebuild the harbour wall before the winter storms arrive,\" Mayor Ana Ruiz said on Tuesday.",
        "The council's finance chief, Lars Berg, warned that the cost could double.",
        "\"It is not a question of money,\" he said, \"but of time.\"",
        "Union leaders said the drivers would strike on Monday, according to a statement.",
        "She described the plan as \"perfectly reasonable\" and urged the council to approve it.",
        "Officials in the capital told reporters they had not been consulted.",
    ];

    private static string Repeat(int chars, Func<int, string> piece)
    {
        var sb = new StringBuilder(chars + 200);
        for (int i = 0; sb.Length < chars; i++) sb.Append(piece(i));
        return sb.ToString();
    }

    private static string Mixed(int chars)
    {
        string[] parts =
        [
            "\"", "“", "”", "«", "»", "„", "''", "``", "'", "‘", "’", " said ", " told ", " according to ", " warned that ",
            " Ana Ruiz ", " he ", " she ", " officials ", " the ministry ", ", ", ": ", " — ", " the plan ", " would fail ",
            " adding that ", " Mr. ", " Berg ", " insisted ", " the report says ",
        ];
        var random = new Random(11);
        var sb = new StringBuilder(chars + 200);
        while (sb.Length < chars) sb.Append(parts[random.Next(parts.Length)]);
        return sb.ToString();
    }
}
