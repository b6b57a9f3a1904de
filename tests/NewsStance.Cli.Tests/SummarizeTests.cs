using System.Text.Json;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary><c>newsstance summarize</c>: a batch's quotes counted by speaker, target and stance, outlet and period.</summary>
public sealed class SummarizeTests
{
    /// <summary>A scored article as <c>score --format jsonl</c> writes it, cut down to what a summary reads.</summary>
    private static string Scored(string id, string? date, string? outlet, params (string? Speaker, string Kind, (string Target, string Label)[] Stance)[] quotes)
        => JsonSerializer.Serialize(new
        {
            article_id = id,
            date,
            dateline = (string?)null,
            outlet,
            quotes = quotes.Select(q => new
            {
                type = "direct",
                text = "…",
                speaker = q.Speaker is null ? null : new { mention = q.Speaker, name = q.Speaker, kind = q.Kind },
                stance = q.Stance.Select(s => new { target = s.Target, label = s.Label }),
            }),
        });

    private static readonly (string, string)[] None = [];

    /// <summary>Three articles, two outlets, two months; Ruiz against Baker twice, for him once; one unnamed source, one quote without a speaker.</summary>
    private static string Batch() => string.Join("\n",
        Scored("a1", "2024-01-30", "Courier",
            ("Ana Ruiz", "person", [("Tom Baker", "against")]),
            ("Tom Baker", "person", [("Ana Ruiz", "neutral"), ("Northwind", "favor")])),
        Scored("a2", "2024-02-01T09:30:00Z", "Courier",
            ("Ana Ruiz", "person", [("Tom Baker", "against")]),
            ("a senior official", "anonymous", None),
            (null, "", None)),
        Scored("a3", "2024-02-12", "Gazette",
            ("Ana Ruiz", "person", [("Tom Baker", "favor")]))) + "\n";

    [Fact]
    public void Scored_jsonl_is_counted_by_speaker_target_stance_outlet_and_month_as_csv()
    {
        // Given
        using var dir = new TempFolder();
        var scored = dir.Write("scored.jsonl", Batch());

        // When
        var result = Newsstance.Run("summarize", scored);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Expectation.Of("summarize-month.csv"), result.Output);
    }

    [Fact]
    public void Json_holds_the_totals_and_one_list_per_table()
    {
        // Given
        using var dir = new TempFolder();
        var scored = dir.Write("scored.jsonl", Batch());
        var output = dir.PathOf("summary.json");

        // When
        var result = Newsstance.Run("summarize", scored, "--by", "week", "-o", output);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Expectation.Of("summarize-week.json"), File.ReadAllText(output));
    }

    [Theory]
    [InlineData("day", "2024-01-30,2024-02-01,2024-02-12")]
    [InlineData("week", "2024-W05,2024-W05,2024-W07")]
    [InlineData("month", "2024-01,2024-02")]
    public void Periods_are_days_iso_weeks_or_months(string by, string periods)
    {
        // Given
        using var dir = new TempFolder();
        var scored = dir.Write("scored.jsonl", Batch());

        // When
        var result = Newsstance.Run("summarize", scored, "--by", by);

        // Then
        var rows = CsvText.Parse(result.Output).Where(r => r[0] == "period").ToList();
        Assert.Equal(periods.Split(',').Distinct(), rows.Select(r => r[1]));
    }

    [Fact]
    public void Articles_are_scored_first_and_keep_their_outlet_and_date()
    {
        // Given
        using var dir = new TempFolder();
        var batch = dir.Write("articles.jsonl", JsonSerializer.Serialize(new { id = "m1", date = "2024-03-05", outlet = "Courier", text = Articles.OneQuote }) + "\n");

        // When
        var result = Newsstance.Run("summarize", "--rules-only", batch);

        // Then
        Assert.Equal(0, result.ExitCode);
        var rows = CsvText.Parse(result.Output);
        Assert.Contains(["speaker", "", "", "Jane Miller", "person", "", "", "1", "1"], rows);
        Assert.Contains(["outlet", "", "Courier", "", "", "", "", "1", "1"], rows);
        Assert.Contains(["period", "2024-03", "", "", "", "", "", "1", "1"], rows);
    }

    [Fact]
    public void Score_output_piped_to_stdin_is_summed_up()
    {
        // When
        var result = Newsstance.RunWithStdin(Batch(), "summarize", "-", "--format", "json");

        // Then
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Output);
        Assert.Equal(3, doc.RootElement.GetProperty("articles").GetInt32());
        Assert.Equal(6, doc.RootElement.GetProperty("quotes").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("unattributed").GetInt32());
    }

    [Fact]
    public void Broken_line_is_reported_with_its_number_and_the_rest_is_counted()
    {
        // Given
        using var dir = new TempFolder();
        var lines = Batch().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var scored = dir.Write("scored.jsonl", $"{lines[0]}\n{{\"article_id\": \"x\", \"quotes\": 3}}\n{lines[2]}\n");

        // When
        var result = Newsstance.Run("summarize", scored, "--format", "json");

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{scored}:2: not a scored article", result.Error);
        using var doc = JsonDocument.Parse(result.Output);
        Assert.Equal(2, doc.RootElement.GetProperty("articles").GetInt32());
    }
}
