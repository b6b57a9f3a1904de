using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace NewsStance.Tests.TestSupport;

/// <summary>
/// One case of an attribution spec (Specs/*.md): under a <c>##</c> heading, the article as a block quote
/// (<c>&gt; </c> lines; a bare <c>&gt;</c> line between paragraphs) and a table of the quotes expected of it,
/// in order: type | content (pieces joined by " // ") | cue | speaker mention | speaker name | speaker kind.
/// A table with a header row only expects no quote; a cell of <c>*</c> accepts anything (a detail the case does not pin).
/// </summary>
internal sealed record AttributionSpec(string File, string Name, string Text, IReadOnlyList<string> Expected)
{
    public const string Folder = "Specs";

    public override string ToString() => $"{File}: {Name}";

    /// <summary>Every case of every spec file beside the tests, in file and heading order.</summary>
    public static IEnumerable<AttributionSpec> All()
        => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, Folder), "*.md").Order(StringComparer.Ordinal).SelectMany(Read);

    public static IEnumerable<AttributionSpec> Read(string path)
    {
        var markdown = System.IO.File.ReadAllText(path).ReplaceLineEndings("\n");
        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UsePipeTables().Build());
        string file = Path.GetFileName(path);
        string? name = null, text = null;
        foreach (var block in document)
        {
            switch (block)
            {
                case HeadingBlock { Level: 2 } heading:
                    name = markdown.Substring(heading.Span.Start, heading.Span.Length).TrimStart('#').Trim();
                    text = null;
                    break;
                case QuoteBlock quote:
                    // The paragraphs' source text, not their Markdown reading: quotation marks and dashes stay as written.
                    text = string.Join("\n\n", quote.OfType<ParagraphBlock>().Select(p => Source(markdown, p)));
                    break;
                case Table table when name is not null && text is not null:
                    var rows = table.OfType<TableRow>().Where(r => !r.IsHeader)
                        .Select(r => string.Join(" | ", r.OfType<TableCell>().Select(c => Cell(markdown, c))));
                    yield return new AttributionSpec(file, name, text, [.. rows]);
                    name = text = null;
                    break;
            }
        }
    }

    /// <summary>Whether an actual row (cells joined by " | ") is the expected one, <c>*</c> cells matching anything.</summary>
    public static bool Matches(string expected, string actual)
    {
        var e = expected.Split(" | ");
        var a = actual.Split(" | ");
        return e.Length == a.Length && e.Zip(a).All(p => p.First == "*" || p.First == p.Second);
    }

    /// <summary>A paragraph of the block quote as written, each line without its "> " marker.</summary>
    private static string Source(string markdown, Block paragraph)
        => string.Join("\n", markdown.Substring(paragraph.Span.Start, paragraph.Span.Length).Split('\n')
            .Select(line => line.TrimStart() is ['>', .. var rest] ? rest.TrimStart(' ') : line));

    private static string Cell(string markdown, TableCell cell)
        => cell.Span.Length <= 0 ? "" : markdown.Substring(cell.Span.Start, cell.Span.Length).Trim().Trim('|').Trim().Replace("\\|", "|");
}
