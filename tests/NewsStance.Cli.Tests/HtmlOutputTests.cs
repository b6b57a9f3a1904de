using System.Xml;
using System.Xml.Linq;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary><c>--format html</c>: a report people read; well-formed, nothing of the text lost, quotes and stance marked.</summary>
public sealed class HtmlOutputTests(StanceBundle bundle) : IClassFixture<StanceBundle>
{
    [Fact]
    public void Html_keeps_every_character_of_the_text_and_marks_the_quote_speaker_and_cue()
    {
        // Given an article with characters HTML must escape, accents and an emoji
        const string text = "Prices & wages <rise> for Zoë 🙂.\n\n\"Taxes are too high,\" Jane Miller said.\n";
        using var dir = new TempFolder();
        var path = dir.Write("tax.txt", text);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "html", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        var html = Parse(result.Output);
        var body = Assert.Single(Elements(html, "div", "text"));
        Assert.Equal(text, body.Value);
        var mark = Assert.Single(body.Descendants("mark"));
        Assert.Equal("Taxes are too high", mark.Value);
        Assert.Equal("1", (string?)mark.Attribute("data-n"));
        Assert.Equal("Jane Miller", Assert.Single(Elements(body, "span", "speaker")).Value);
        Assert.Equal("said", Assert.Single(Elements(body, "span", "cue")).Value);
    }

    [Fact]
    public void Html_colours_quotes_by_stance_and_sums_up_who_was_quoted()
    {
        // Given
        using var dir = new TempFolder();
        var first = dir.Write("a.txt", Articles.ThreeSpeakers);
        var second = dir.Write("b.txt", "\"We will vote for the budget,\" Jane Miller said. \"Not yet,\" an official said.\n");

        // When
        var result = Newsstance.Run("score", "--model", bundle.Directory, "--format", "html",
            "--target", "Nicolas Maduro|Maduro", "--target", "Trade Union|union", first, second);

        // Then
        Assert.Equal(0, result.ExitCode);
        var html = Parse(result.Output);
        var marks = Elements(html, "div", "text").SelectMany(d => d.Descendants("mark")).ToList();
        Assert.Equal(["favor", "against", "direct", "direct", "direct"], marks.Select(m => (string?)m.Attribute("class")));
        Assert.Contains("favor toward Nicolas Maduro", (string?)marks[0].Attribute("title"));
        Assert.Contains($"Scored with the model bundle {Path.GetFileName(bundle.Directory)} (", html.Root!.Value);
        Assert.DoesNotContain(bundle.Directory, result.Output);
        var summary = html.Descendants("section").Single(s => (string?)s.Attribute("id") == "summary");
        var rows = summary.Descendants("tr").Skip(1).Select(r => r.Elements("td").Select(td => td.Value).ToList()).ToList();
        Assert.Equal(["Jane Miller", "person", "2", "2"], rows[0].Take(4));
        Assert.Equal(["Anna Berg", "Tom Baker", "(person, unnamed or described)"], rows.Skip(1).Select(r => r[0]));
        Assert.Contains("2 articles, 5 quotes, 0 without a speaker", summary.Value);
    }

    [Fact]
    public void Html_of_an_article_without_quotes_is_still_a_whole_document()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("none.txt", Articles.NoQuote);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "html", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        var html = Parse(result.Output);
        Assert.Empty(Assert.Single(Elements(html, "div", "text")).Descendants("mark"));
        Assert.Empty(html.Descendants("section").Single(s => (string?)s.Attribute("id") == "article-none").Descendants("table"));
        Assert.Contains("1 article, 0 quotes", html.Descendants("section").Single(s => (string?)s.Attribute("id") == "summary").Value);
        Assert.EndsWith("</body></html>\n", result.Output);
        Assert.Contains("Scored with the built-in rules (--rules-only)", html.Root!.Value);
    }

    [Fact]
    public void Html_puts_contents_and_summary_first_and_gives_each_target_its_speakers_by_stance()
    {
        // Given
        using var dir = new TempFolder();
        var first = dir.Write("a.txt", Articles.ThreeSpeakers);
        var second = dir.Write("b.txt", "\"Nicolas Maduro deserves our full support and warm praise for the budget,\" Tom Baker said.\n");

        // When
        var result = Newsstance.Run("score", "--model", bundle.Directory, "--format", "html",
            "--target", "Nicolas Maduro|Maduro", "--target", "Trade Union|union", first, second);

        // Then
        Assert.Equal(0, result.ExitCode);
        var html = Parse(result.Output);
        var order = html.Root!.Element("body")!.Elements().Where(e => e.Name == "nav" || e.Name == "section").Select(e => (string?)e.Attribute("id") ?? e.Name.LocalName).ToList();
        Assert.Equal(["nav", "summary", "target-1", "target-2", "article-a", "article-b"], order);
        var links = html.Descendants("nav").Single().Descendants("a").Select(a => (string?)a.Attribute("href")).ToList();
        Assert.Equal(["#summary", "#target-1", "#target-2", "#article-a", "#article-b"], links);
        var maduro = html.Descendants("section").Single(s => (string?)s.Attribute("id") == "target-1");
        Assert.Equal("Stance toward Nicolas Maduro", maduro.Element("h2")!.Value);
        var rows = maduro.Descendants("tr").Skip(1).Select(r => string.Join(",", r.Elements("td").Select(td => td.Value))).ToList();
        // Columns: speaker, kind, against, favor, quotes.
        Assert.Equal(["Jane Miller,person,0,1,1", "Tom Baker,person,0,1,1"], rows.Order());
    }

    [Fact]
    public void Html_charts_each_targets_stance_by_month_when_the_batch_spans_months()
    {
        // Given two dated articles, a month apart, that both praise Maduro
        using var dir = new TempFolder();
        var batch = dir.Write("batch.jsonl",
            System.Text.Json.JsonSerializer.Serialize(new { id = "jan", date = "2024-01-15", text = Articles.ThreeSpeakers }) + "\n"
            + System.Text.Json.JsonSerializer.Serialize(new { id = "feb", date = "2024-02-03", text = "\"Nicolas Maduro deserves our full support and warm praise for the budget,\" Tom Baker said.\n" }) + "\n");

        // When
        var result = Newsstance.Run("score", "--model", bundle.Directory, "--format", "html", "--target", "Nicolas Maduro|Maduro", batch);

        // Then
        Assert.Equal(0, result.ExitCode);
        var html = Parse(result.Output);
        XNamespace svg = "http://www.w3.org/2000/svg";
        var chart = Assert.Single(html.Descendants(svg + "svg"));
        Assert.Equal(["2024-01", "2024-02"], chart.Elements(svg + "text").Skip(1).Select(t => t.Value));
        Assert.Equal(["2024-01: 1 favor", "2024-02: 1 favor"], chart.Elements(svg + "rect").Select(r => r.Element(svg + "title")!.Value));
    }

    /// <summary>Parses the report as XML: it must be well-formed, which also proves every tag is closed and nested.</summary>
    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }

    private static IEnumerable<XElement> Elements(XContainer root, string name, string cls)
        => root.Descendants(name).Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cls) == true);
}
