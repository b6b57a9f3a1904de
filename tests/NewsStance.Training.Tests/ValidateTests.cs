using NewsStance.Training.Tests.Support;

namespace NewsStance.Training.Tests;

/// <summary><c>validate</c>: every row of a training-data folder is checked; errors name file:line:column.</summary>
public sealed class ValidateTests
{
    private static TrainingResult Validate(TrainingData data, TempFolder folder)
    {
        var dir = data.Write(folder);
        return TrainingRun.Of(c => c.Validate(dir));
    }

    private static string QuotesCsv(TempFolder folder) => Path.Combine(folder.PathOf("data"), "quotes.csv");
    private static string StanceCsv(TempFolder folder) => Path.Combine(folder.PathOf("data"), "stance.csv");

    [Fact]
    public void Good_folder_is_valid()
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good();

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal("2 articles, 3 quotes, 3 stance rows: valid\n", result.Output);
    }

    [Fact]
    public void Cue_span_pointing_at_the_wrong_text_is_reported_at_its_cell()
    {
        // Given: the cue span of the second quote (line 3) is moved one character on
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        int start = TrainingData.TreatyArticle.IndexOf("said that", StringComparison.Ordinal) + 1;
        TrainingData.Set(data.Quotes, 3, "cue_span", $"[{start},{start + 4}]");

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{QuotesCsv(folder)}:3:6: span [{start},{start + 4}] points at 'aid ', not 'said'", result.Error);
        Assert.Contains("1 problem(s)", result.Output);
    }

    [Fact]
    public void Speaker_span_pointing_at_the_wrong_text_is_reported_at_its_cell()
    {
        // Given: the speaker span of line 2 covers "Foreign Minister" only
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        int start = TrainingData.TreatyArticle.IndexOf("Foreign Minister", StringComparison.Ordinal);
        TrainingData.Set(data.Quotes, 2, "speaker_span", $"[{start},{start + "Foreign Minister".Length}]");

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{QuotesCsv(folder)}:2:8: span", result.Error);
        Assert.Contains("points at 'Foreign Minister', not 'Foreign Minister Anna Berg'", result.Error);
    }

    [Fact]
    public void Content_span_outside_the_article_is_reported_at_its_cell()
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        int length = TrainingData.PortArticle.Length;
        TrainingData.Set(data.Quotes, 4, "content_spans", $"[[40,{length + 5}]]");

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{QuotesCsv(folder)}:4:4: span [40, {length + 5}] is outside the article (length {length})", result.Error);
    }

    [Fact]
    public void Content_spans_pointing_at_other_words_than_the_quote_text_are_reported_at_their_cell()
    {
        // Given: line 2's content span stays inside the article but covers the speaker, not the quote
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        int start = TrainingData.TreatyArticle.IndexOf("Foreign Minister Anna Berg", StringComparison.Ordinal);
        TrainingData.Set(data.Quotes, 2, "content_spans", $"[[{start},{start + "Foreign Minister Anna Berg".Length}]]");

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{QuotesCsv(folder)}:2:{TrainingData.ColumnOf(data.Quotes, "content_spans")}: content spans point at 'Foreign Minister Anna Berg', not the quote's text 'We fully support the new treaty'", result.Error);
        Assert.Contains("1 problem(s)", result.Output);
    }

    [Theory]
    [InlineData("cue_span", "[-1,3]")]
    [InlineData("cue_span", "[5000,5004]")]
    [InlineData("speaker_span", "[20,10]")]
    public void Cue_or_speaker_span_outside_the_article_is_reported_at_its_cell(string column, string span)
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        TrainingData.Set(data.Quotes, 2, column, span);

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{QuotesCsv(folder)}:2:{TrainingData.ColumnOf(data.Quotes, column)}: span {span} is outside the article", result.Error);
    }

    [Fact]
    public void Span_that_is_not_json_is_reported_at_its_cell()
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        TrainingData.Set(data.Quotes, 2, "content_spans", "76-107");

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{QuotesCsv(folder)}:2:4: '76-107' is not a JSON list of [start, end] pairs", result.Error);
    }

    [Fact]
    public void Unknown_stance_label_is_reported_at_its_cell()
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        TrainingData.Set(data.Stance, 3, "stance", "positive");

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{StanceCsv(folder)}:3:6: unknown label 'positive'; expected one of", result.Error);
    }

    [Fact]
    public void Mixed_case_known_label_is_accepted()
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        TrainingData.Set(data.Stance, 2, "stance", "Favor");
        TrainingData.Set(data.Stance, 3, "stance", "AGAINST");

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData("speaker_role")]
    [InlineData("content_spans")]
    public void Missing_required_quotes_column_is_reported_on_the_header_line(string column)
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        int drop = Array.IndexOf(TrainingData.QuoteColumns, column);
        for (int i = 0; i < data.Quotes.Count; i++) data.Quotes[i] = [.. data.Quotes[i].Where((_, k) => k != drop)];

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{QuotesCsv(folder)}:1: missing required column '{column}'", result.Error);
    }

    [Fact]
    public void Missing_stance_column_is_reported_on_the_header_line()
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        for (int i = 0; i < data.Stance.Count; i++) data.Stance[i] = data.Stance[i][..5];

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{StanceCsv(folder)}:1: missing required column 'stance'", result.Error);
    }

    [Fact]
    public void Duplicate_quote_id_is_reported_with_the_first_line()
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        TrainingData.Set(data.Quotes, 3, "quote_id", "treaty-q1");

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{QuotesCsv(folder)}:3:2: duplicate quote_id 'treaty-q1' (first on line 2)", result.Error);
    }

    [Fact]
    public void Duplicate_stance_id_is_reported_with_the_first_line()
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        TrainingData.Set(data.Stance, 4, "id", "treaty-q1#t1");

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{StanceCsv(folder)}:4:1: duplicate id 'treaty-q1#t1' (first on line 2)", result.Error);
    }

    [Fact]
    public void Duplicate_stance_row_is_reported()
    {
        // Given: line 5 repeats line 2's text, target and stance under a new id
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        data.Stance.Add([.. data.Stance[1]]);
        TrainingData.Set(data.Stance, 5, "id", "treaty-q1#t2");

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{StanceCsv(folder)}:5:2: duplicate row: same text, target and stance as line 2", result.Error);
    }

    [Fact]
    public void Broken_csv_quoting_is_reported_with_its_line()
    {
        // Given: a field opens a quote that never closes
        using var folder = new TempFolder();
        var dir = TrainingData.Good().Write(folder);
        var path = Path.Combine(dir, "stance.csv");
        var lines = File.ReadAllLines(path);
        lines[2] = "treaty-q2#t1,\"the treaty was a disaster for farmers,the treaty,4,14,against,Critics,treaty";
        File.WriteAllLines(path, lines);

        // When
        var result = TrainingRun.Of(c => c.Validate(dir));

        // Then
        Assert.Equal(1, result.ExitCode);
        // The error names the line where the broken record starts, not where the parser gave up.
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(path)}:3: (expected 8 fields, found \d+ \(broken quoting\?|unreadable CSV|an unclosed quotation mark)", result.Error);
    }

    [Fact]
    public void Quote_of_an_unknown_article_is_reported()
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        TrainingData.Set(data.Quotes, 4, "article_id", "harbour");

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{QuotesCsv(folder)}:4:1: no article 'harbour' in articles/", result.Error);
    }

    [Theory]
    [InlineData("type", "quoted", 3, "unknown type 'quoted'; expected direct, indirect or mixed")]
    [InlineData("type", "1", 3, "unknown type '1'")]
    [InlineData("speaker_kind", "robot", 10, "unknown speaker_kind 'robot'")]
    public void Unknown_type_or_kind_is_reported_at_its_cell(string column, string value, int col, string message)
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        TrainingData.Set(data.Quotes, 2, column, value);

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{QuotesCsv(folder)}:2:{col}: {message}", result.Error);
    }

    [Fact]
    public void Target_span_outside_the_stance_text_is_reported_at_its_cell()
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        TrainingData.Set(data.Stance, 4, "target_end", "500");

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{StanceCsv(folder)}:4:4: target span [", result.Error);
        Assert.Contains("is outside the text", result.Error);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good();
        TrainingData.Set(data.Quotes, 2, "speaker_kind", "robot");
        TrainingData.Set(data.Quotes, 4, "article_id", "harbour");
        TrainingData.Set(data.Stance, 3, "stance", "positive");

        // When
        var result = Validate(data, folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{QuotesCsv(folder)}:2:10:", result.Error);
        Assert.Contains($"{QuotesCsv(folder)}:4:1:", result.Error);
        Assert.Contains($"{StanceCsv(folder)}:3:6:", result.Error);
        Assert.Contains("3 problem(s)", result.Output);
    }

    [Fact]
    public void Missing_files_are_reported()
    {
        // Given
        using var folder = new TempFolder();
        var dir = folder.PathOf("data");
        Directory.CreateDirectory(dir);

        // When
        var result = TrainingRun.Of(c => c.Validate(dir));

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("articles/ folder is missing", result.Error);
        Assert.Contains("quotes.csv is missing", result.Error);
        Assert.Contains("stance.csv is missing", result.Error);
    }

    [Fact]
    public void Path_that_does_not_exist_is_a_usage_error()
    {
        // Given
        using var folder = new TempFolder();
        var dir = folder.PathOf("nowhere");

        // When
        var result = TrainingRun.Of(c => c.Validate(dir));

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"newsstance-train: error: '{dir}' is neither a training-data folder nor a stance CSV file", result.Error);
    }
}
