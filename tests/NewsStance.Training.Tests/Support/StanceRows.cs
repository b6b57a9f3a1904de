namespace NewsStance.Training.Tests.Support;

/// <summary>Stance CSVs written for these tests: three labels, each said with its own clear words.</summary>
internal static class StanceRows
{
    public static readonly string[] Header = ["id", "text", "target", "target_start", "target_end", "stance"];

    private static readonly (string Label, string Template)[] Templates =
    [
        ("favor", "{0} deserves our full support and warm praise for the {1}."),
        ("against", "{0} must be condemned and firmly opposed over the {1}."),
        ("neutral", "{0} will hold a routine meeting about the {1} next week."),
    ];

    private static readonly string[] TrainTargets = ["Anna Berg", "the council", "Mayor Lee", "the union", "Governor Diaz"];
    private static readonly string[] TrainTopics = ["budget", "housing plan", "new law", "trade deal"];

    /// <summary>Sixty training rows: every label × five targets × four topics.</summary>
    public static List<string[]> Training() => Rows("t", TrainTargets, TrainTopics);

    /// <summary>Nine held-out rows with targets and topics the training rows never use.</summary>
    public static List<string[]> HeldOut() => Rows("e", ["Senator Ruiz", "the ministry", "Judge Okafor"], ["school reform"]);

    public static string Csv(IEnumerable<string[]> rows) => CsvText.Of(rows.Prepend(Header));

    private static List<string[]> Rows(string prefix, string[] targets, string[] topics)
    {
        var rows = new List<string[]>();
        foreach (var (label, template) in Templates)
            foreach (var target in targets)
                foreach (var topic in topics)
                {
                    var text = string.Format(template, target, topic);
                    rows.Add([$"{prefix}{rows.Count + 1}", text, target, "0", target.Length.ToString(), label]);
                }
        return rows;
    }
}
