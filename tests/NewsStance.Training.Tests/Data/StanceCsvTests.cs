using NewsStance.Training.Data;
using NewsStance.Training.Tests.Support;

namespace NewsStance.Training.Tests.Data;

/// <summary>Reading a user's stance CSV (spec/OUTPUT.md §3): at least text,stance; every row checked.</summary>
public sealed class StanceCsvTests
{
    [Fact]
    public void Csv_with_only_text_and_stance_is_read_and_extra_columns_ignored()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv",
            "text,notes,stance,annotator\n"
            + "I love this plan,first pass,favor,ann\n"
            + "\"This plan, frankly, is terrible\",,against,bob\n"
            + "The plan was published today,,neutral,ann\n");

        // When
        var (rows, errors) = StanceCsv.Read(path);

        // Then
        Assert.Empty(errors);
        Assert.Equal(["I love this plan", "This plan, frankly, is terrible", "The plan was published today"], rows.Select(r => r.Text));
        Assert.Equal(["favor", "against", "neutral"], rows.Select(r => r.Label));
        Assert.Equal(["row2", "row3", "row4"], rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal(r.Id, r.Group));
        Assert.All(rows, r => Assert.Equal("", r.Target));
        Assert.All(rows, r => Assert.Equal(-1, r.TargetStart));
    }

    [Fact]
    public void Header_names_match_whatever_their_case_and_order()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv", "Stance,ID,Text,Group\nfavor,x1,Great idea,g1\nagainst,x2,Awful idea,g1\n");

        // When
        var (rows, errors) = StanceCsv.Read(path);

        // Then
        Assert.Empty(errors);
        Assert.Equal(["x1", "x2"], rows.Select(r => r.Id));
        Assert.Equal(["g1", "g1"], rows.Select(r => r.Group));
        Assert.Equal(["Great idea", "Awful idea"], rows.Select(r => r.Text));
    }

    [Fact]
    public void Mixed_case_labels_are_lower_cased()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv", "text,stance\nyes please,FAVOR\nno thanks,Against\nmaybe,neutral \n");

        // When
        var (rows, errors) = StanceCsv.Read(path);

        // Then
        Assert.Empty(errors);
        Assert.Equal(["favor", "against", "neutral"], rows.Select(r => r.Label));
    }

    [Fact]
    public void Labels_are_checked_after_lower_casing_against_an_allowed_set()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv", "text,stance\nyes please,FAVOR\nno thanks,Negative\n");

        // When
        var (rows, errors) = StanceCsv.Read(path, new HashSet<string> { "favor", "against", "neutral" });

        // Then
        var error = Assert.Single(errors);
        Assert.Equal($"{path}:3:2: unknown label 'Negative'; expected one of favor, against, neutral", error.ToString());
        Assert.Equal(["favor"], rows.Select(r => r.Label));
    }

    [Fact]
    public void Empty_text_is_reported_with_line_and_column()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv", "id,stance,text\na,favor,good\nb,against,   \nc,neutral,fine\n");

        // When
        var (rows, errors) = StanceCsv.Read(path);

        // Then
        var error = Assert.Single(errors);
        Assert.Equal(new DataError(path, 3, 3, "empty text"), error);
        Assert.Equal($"{path}:3:3: empty text", error.ToString());
        Assert.Equal(["a", "c"], rows.Select(r => r.Id));
    }

    [Fact]
    public void Empty_label_is_reported_with_line_and_column()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv", "text,stance\ngood,favor\nbad,\n");

        // When
        var (_, errors) = StanceCsv.Read(path);

        // Then
        Assert.Equal($"{path}:3:2: empty stance label", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Out_of_range_target_start_is_reported_with_line_and_column()
    {
        // Given: "Maduro" is 6 characters at 0 in an 18-character text; line 3 points past the end
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv",
            "id,text,target,target_start,target_end,stance\n"
            + "a,Maduro must resign,Maduro,0,6,against\n"
            + "b,Maduro must resign,Maduro,30,36,favor\n"
            + "c,Maduro must resign,Maduro,6,0,neutral\n");

        // When
        var (rows, errors) = StanceCsv.Read(path);

        // Then
        Assert.Equal(
            [
                $"{path}:3:4: target span [30, 36) is outside the text (length 18)",
                $"{path}:4:4: target span [6, 0) is outside the text (length 18)",
            ],
            errors.Select(e => e.ToString()));
        var row = Assert.Single(rows);
        Assert.Equal((0, 6), (row.TargetStart, row.TargetEnd));
        Assert.Equal("Maduro", row.Text[row.TargetStart..row.TargetEnd]);
    }

    [Theory]
    [InlineData("x", "6", 4, "target_start 'x' is not a whole number")]
    [InlineData("-1", "6", 4, "target_start '-1' is not a whole number")]
    [InlineData("0", "six", 5, "target_end 'six' is not a whole number")]
    [InlineData("0", "", 5, "target_end '' is not a whole number")]
    public void Target_offsets_that_are_not_numbers_are_reported_at_their_cell(string start, string end, int column, string message)
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv", $"id,text,target,target_start,target_end,stance\na,Maduro must resign,Maduro,{start},{end},against\n");

        // When
        var (rows, errors) = StanceCsv.Read(path);

        // Then
        Assert.Empty(rows);
        Assert.Equal($"{path}:2:{column}: {message}", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Duplicate_rows_are_rejected_for_training_but_allowed_for_evaluation()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv", "id,text,stance\na,same words,favor\nb,same words,favor\n");

        // When
        var (trainRows, trainErrors) = StanceCsv.Read(path);
        var (evalRows, evalErrors) = StanceCsv.Read(path, rejectDuplicates: false);

        // Then
        Assert.Equal($"{path}:3:2: duplicate row: same text, target and stance as line 2", Assert.Single(trainErrors).ToString());
        Assert.Single(trainRows);
        Assert.Empty(evalErrors);
        Assert.Equal(2, evalRows.Count);
    }

    [Fact]
    public void Missing_text_column_is_reported_and_names_the_header()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv", "sentence,stance\nhello,favor\n");

        // When
        var (rows, errors) = StanceCsv.Read(path);

        // Then
        Assert.Empty(rows);
        Assert.Equal($"{path}:1: missing required column 'text'; the header has: sentence, stance", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Empty_file_is_reported()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv", "");

        // When
        var (rows, errors) = StanceCsv.Read(path);

        // Then
        Assert.Empty(rows);
        Assert.Equal($"{path}:1: the file is empty: expected a header row", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Quoted_fields_with_commas_quotes_and_newlines_are_one_text()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv", "text,stance\n\"He said \"\"no\"\", twice\",against\nplain,neutral\n");

        // When
        var (rows, errors) = StanceCsv.Read(path);

        // Then
        Assert.Empty(errors);
        Assert.Equal(["He said \"no\", twice", "plain"], rows.Select(r => r.Text));
        Assert.Equal([2, 3], rows.Select(r => r.Line));
    }

    [Fact]
    public void Row_with_too_few_fields_is_reported_with_its_line()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv", "id,text,stance\na,fine,favor\nb,short\nc,also fine,against\n");

        // When
        var (rows, errors) = StanceCsv.Read(path);

        // Then
        Assert.Equal($"{path}:3: expected 3 fields, found 2 (broken quoting?)", Assert.Single(errors).ToString());
        Assert.Equal(["a", "c"], rows.Select(r => r.Id));
    }

    [Fact]
    public void Broken_quote_in_the_middle_is_reported_at_the_line_where_it_starts()
    {
        // Given: line 3 opens a quote that never closes, and more rows follow
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv",
            "id,text,stance\n"
            + "a,fine,favor\n"
            + "b,\"broken here,favor\n"
            + "c,also fine,against\n"
            + "d,more words,neutral\n");

        // When
        var (rows, errors) = StanceCsv.Read(path);

        // Then
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith($"{path}:3: ", e.ToString()));
        Assert.Contains(errors, e => e.Message.StartsWith("expected 3 fields, found 2 (broken quoting?"));
        Assert.Equal(["a"], rows.Select(r => r.Id));
    }

    [Fact]
    public void Unclosed_quote_in_the_last_column_is_an_error_not_a_label_over_several_lines()
    {
        // Given: line 2's stance opens a quote that never closes, swallowing the rows after it
        using var folder = new TempFolder();
        var path = folder.Write("mine.csv", "id,text,stance\na,t1,\"favor\nb,t2,favor\nc,t3,against\n");

        // When
        var (rows, errors) = StanceCsv.Read(path);

        // Then
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith($"{path}:2: ", e.ToString()));
        Assert.Contains(errors, e => e.Message.Contains("unclosed quotation mark"));
        Assert.Empty(rows);
    }
}
