using System.Globalization;
using System.Net;
using System.Text;

namespace NewsStance.Cli.Internal.Writers;

/// <summary>
/// One self-contained HTML report for people who read rather than parse: per article, its text with
/// every quote highlighted and numbered (coloured by its first stance entry), speaker mentions and cues
/// marked, then a table of the quotes. The summary comes first — who was quoted, how often and with which
/// stance, then each target's speakers by stance — with a table of contents. Inline CSS, no scripts,
/// well-formed XHTML-style markup. Since the summary needs the whole batch, articles are written as they
/// arrive to a temporary file and copied in after it: a batch of any size streams, and only counts and
/// the contents' lines are kept in memory.
/// </summary>
internal sealed class HtmlResultWriter : IResultWriter
{
    private const string Style = """
        body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
        section.article { border-top: 2px solid #ccc; margin-top: 2em; }
        .meta { color: #666; }
        .text { white-space: pre-wrap; background: #fafafa; padding: 0.8em; border-radius: 4px; }
        mark { background: #e3ecf7; border-radius: 2px; }
        mark.favor { background: #d6f0d6; } mark.against { background: #f7d9d9; } mark.neutral { background: #f2efd2; }
        mark[data-n]::before { content: attr(data-n); font-size: 70%; vertical-align: super; font-weight: bold; color: #555; margin-right: 2px; }
        .speaker { text-decoration: underline; text-decoration-thickness: 2px; }
        .cue { font-style: italic; color: #444; }
        table { border-collapse: collapse; margin: 0.8em 0; width: 100%; }
        th, td { border: 1px solid #ddd; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; }
        table.quotes td:last-child { width: 45%; }
        .label { padding: 0 0.3em; border-radius: 3px; }
        .label.favor { background: #d6f0d6; } .label.against { background: #f7d9d9; } .label.neutral { background: #f2efd2; }
        .dim { color: #888; }
        nav.toc ol { columns: 2; } nav.toc li { break-inside: avoid; }
        """;

    /// <summary>Where article sections go while the batch streams: a temporary file, deleted when closed.</summary>
    private readonly FileStream _buffer;
    private readonly Stream _output;
    private readonly ModelInfo? _model;
    private TextWriter _out;
    private readonly Dictionary<string, SpeakerTally> _speakers = new(StringComparer.Ordinal);
    private readonly Summaries.BatchSummary _summary = new("month");
    private readonly List<(string Anchor, string Title, int Quotes)> _contents = [];
    private int _articles, _quotes, _unattributed;

    /// <summary>Targets beyond this many get no table of their own (the summarize command lists them all).</summary>
    private const int MaxTargetTables = 20;

    private sealed class SpeakerTally(string kind)
    {
        public string Kind { get; } = kind;
        public int Quotes { get; set; }
        public HashSet<string> Articles { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> Stance { get; } = new(StringComparer.Ordinal);
    }

    /// <param name="output">Where the report goes.</param>
    /// <param name="model">The bundle that scored the articles, named in the report so it can be reproduced; null with --rules-only.</param>
    public HtmlResultWriter(Stream output, ModelInfo? model)
    {
        _output = output;
        _model = model;
        _buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _out = new StreamWriter(_buffer, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
    }

    private void WriteHeader()
    {
        _out.WriteLine("<!DOCTYPE html>");
        _out.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>NewsStance report</title>");
        _out.WriteLine($"<style>{Style}</style></head><body>");
        _out.WriteLine("<h1>NewsStance: who said what, with which stance</h1>");
        // The bundle's folder name, not its path: a shared report should not carry the local file system.
        _out.WriteLine($"<p class=\"meta\">{Html(_model is null
            ? "Scored with the built-in rules (--rules-only): hand-set speaker scoring, no stance."
            : $"Scored with the model bundle {Path.GetFileName(Path.TrimEndingDirectorySeparator(_model.Directory))} (stance: {_model.StanceTrainer}; speakers: {_model.SpeakerTrainer}; trained {_model.CreatedAt:yyyy-MM-dd}).")}</p>");
        _out.WriteLine("<p class=\"meta\">Quotes are numbered and coloured by their first stance entry: <mark class=\"favor\">favor</mark> "
            + "<mark class=\"against\">against</mark> <mark class=\"neutral\">neutral</mark> <mark>no target</mark>; "
            + "<span class=\"speaker\">speaker</span> (hover for the resolved name), <span class=\"cue\">cue</span>. The summary comes first, then the articles.</p>");
    }

    public void Write(ArticleResult r, ArticleInput input)
    {
        _articles++;
        _out.WriteLine($"<section class=\"article\" id=\"{Html("article-" + r.ArticleId)}\">");
        var meta = ArticleMetadata.Of(r, input);
        _contents.Add(("article-" + r.ArticleId, meta.Title ?? r.ArticleId, r.Quotes.Count));
        _summary.Add(Summaries.SummaryArticle.Of(r, input));
        _out.WriteLine($"<h2>{Html(meta.Title ?? r.ArticleId)}</h2>");
        // The outlet is named on its own only when the dateline does not already name it.
        var outlet = meta.Text("outlet") is { } o && !(meta.Dateline?.Contains(o, StringComparison.OrdinalIgnoreCase) ?? false) ? o : null;
        var line = new[] { meta.Title is null ? null : r.ArticleId, meta.Date, outlet, meta.Dateline }.Where(x => !string.IsNullOrEmpty(x));
        _out.WriteLine($"<p class=\"meta\">{Html(string.Join(" · ", [.. line, Count(r.Quotes.Count, "quote")]))}</p>");
        var others = meta.Extra.Where(p => p.Key is not ("outlet" or "url") && ArticleMetadata.AsText(p.Value) is not null).ToList();
        if (meta.Url is not null || others.Count > 0)
        {
            // Only web addresses become links: a javascript: or data: URL in the input must not run in the reader's browser.
            var url = meta.Url is null ? null
                : Uri.TryCreate(meta.Url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? $"<a href=\"{Html(meta.Url)}\">{Html(meta.Url)}</a>" : Html(meta.Url);
            var fields = others.Select(p => $"{Html(p.Key)}: {Html(ArticleMetadata.AsText(p.Value)!)}");
            _out.WriteLine($"<p class=\"meta\">{string.Join(" · ", url is null ? fields : fields.Prepend(url))}</p>");
        }
        _out.Write("<div class=\"text\">");
        WriteText(input.Text, r.Quotes);
        _out.WriteLine("</div>");
        if (r.Quotes.Count > 0) WriteQuoteTable(r.Quotes);
        _out.WriteLine("</section>");
        foreach (var q in r.Quotes) Tally(r.ArticleId, q);
    }

    /// <summary>
    /// The text, cut into runs of characters that share the same marks (quote n, speaker mention, cue), so
    /// overlapping spans never produce badly nested tags; every character of the text is written once.
    /// </summary>
    private void WriteText(string text, IReadOnlyList<QuoteResult> quotes)
    {
        var quoteAt = new int[text.Length]; // quote number (1-based), 0 = none
        var speakerAt = new int[text.Length]; // the quote number whose speaker mention this is
        var cueAt = new bool[text.Length];
        for (int i = 0; i < quotes.Count; i++)
        {
            foreach (var span in quotes[i].ContentSpans) Fill(quoteAt, span, i + 1);
            if (quotes[i].Speaker is { } s) Fill(speakerAt, s.Span, i + 1);
            if (quotes[i].Cue is { } c) Fill(cueAt, c.Span, true);
        }
        var numbered = new bool[quotes.Count + 1];
        for (int start = 0; start < text.Length;)
        {
            int end = start + 1;
            // A run never ends inside a surrogate pair.
            while (end < text.Length && ((quoteAt[end] == quoteAt[start] && speakerAt[end] == speakerAt[start] && cueAt[end] == cueAt[start])
                || char.IsLowSurrogate(text[end]))) end++;
            int n = quoteAt[start];
            var chunk = Html(text[start..end]);
            if (cueAt[start]) chunk = $"<span class=\"cue\">{chunk}</span>";
            if (speakerAt[start] is > 0 and var m)
                chunk = $"<span class=\"speaker\" title=\"{Html($"speaker of {m}: {quotes[m - 1].Speaker!.Name}")}\">{chunk}</span>";
            if (n > 0)
            {
                var q = quotes[n - 1];
                // The number comes from CSS (data-n), so the report's text is exactly the article's.
                var number = numbered[n] ? "" : $" data-n=\"{n}\"";
                numbered[n] = true;
                var first = q.Stance.Count > 0 ? q.Stance[0] : null;
                var tip = $"{n}. {q.Type.ToString().ToLowerInvariant()} quote by {q.Speaker?.Name ?? "unknown speaker"}"
                    + (first is null ? "" : $"; {first.Label} toward {first.Target} ({Number(first.Confidence)})");
                chunk = $"<mark class=\"{Html(first?.Label ?? q.Type.ToString().ToLowerInvariant())}\"{number} title=\"{Html(tip)}\">{chunk}</mark>";
            }
            _out.Write(chunk);
            start = end;
        }
    }

    private static void Fill<T>(T[] marks, TextSpan span, T value)
    {
        for (int k = Math.Max(0, span.Start); k < Math.Min(marks.Length, span.End); k++)
            if (EqualityComparer<T>.Default.Equals(marks[k], default!)) marks[k] = value;
    }

    private void WriteQuoteTable(IReadOnlyList<QuoteResult> quotes)
    {
        _out.WriteLine("<table class=\"quotes\"><thead><tr><th>#</th><th>Type</th><th>Speaker</th><th>Cue</th><th>Stance</th><th>Quote</th></tr></thead><tbody>");
        for (int i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            var s = q.Speaker;
            string speaker = s is null ? "<span class=\"dim\">unknown</span>"
                : Html(s.Mention == s.Name ? s.Name : $"{s.Mention} → {s.Name}")
                  + $"<br/><span class=\"dim\">{Html(s.Kind.ToString().ToLowerInvariant())}{(s.Role is null ? "" : ", " + Html(s.Role))}, {Number(s.Confidence)}</span>";
            string stance = q.Stance.Count == 0 ? "<span class=\"dim\">—</span>"
                : string.Join("<br/>", q.Stance.Select(x => $"{Html(x.Target)}: <span class=\"label {Html(x.Label)}\">{Html(x.Label)}</span> {Number(x.Confidence)}"));
            _out.WriteLine($"<tr><td>{i + 1}</td><td>{Html(q.Type.ToString().ToLowerInvariant())}</td><td>{speaker}</td>"
                + $"<td>{Html(q.Cue?.Text ?? "—")}</td><td>{stance}</td><td>{Html(q.Text)}</td></tr>");
        }
        _out.WriteLine("</tbody></table>");
    }

    private void Tally(string articleId, QuoteResult q)
    {
        _quotes++;
        if (q.Speaker is not { } s) { _unattributed++; return; }
        var kind = s.Kind.ToString().ToLowerInvariant();
        var key = SpeakerKey.Of(s.Name, kind);
        if (!_speakers.TryGetValue(key, out var t)) _speakers[key] = t = new SpeakerTally(kind);
        t.Quotes++;
        t.Articles.Add(articleId);
        foreach (var x in q.Stance) t.Stance[x.Label] = t.Stance.GetValueOrDefault(x.Label) + 1;
    }

    /// <summary>Who was quoted across the whole batch: the summary a reader looks for first.</summary>
    private void WriteSummary()
    {
        _out.WriteLine("<section class=\"article\" id=\"summary\"><h2>Who was quoted</h2>");
        _out.WriteLine($"<p class=\"meta\">{Html($"{Count(_articles, "article")}, {Count(_quotes, "quote")}, {_unattributed} without a speaker")}</p>");
        if (_speakers.Count > 0)
        {
            var labels = _speakers.Values.SelectMany(t => t.Stance.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
            _out.Write("<table><thead><tr><th>Speaker</th><th>Kind</th><th>Quotes</th><th>Articles</th>");
            foreach (var l in labels) _out.Write($"<th><span class=\"label {Html(l)}\">{Html(l)}</span></th>");
            _out.WriteLine("</tr></thead><tbody>");
            // Named speakers first, most quoted first; the unnamed and described sources, by kind, last.
            foreach (var (name, t) in _speakers.OrderBy(p => p.Key.StartsWith('(')).ThenByDescending(p => p.Value.Quotes).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                _out.Write($"<tr><td>{Html(name)}</td><td>{Html(t.Kind)}</td><td>{t.Quotes}</td><td>{t.Articles.Count}</td>");
                foreach (var l in labels) _out.Write($"<td>{t.Stance.GetValueOrDefault(l)}</td>");
                _out.WriteLine("</tr>");
            }
            _out.WriteLine("</tbody></table>");
        }
        _out.WriteLine("</section>");
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private static string Number(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Escapes text for element content and for double-quoted attribute values alike.</summary>
    private static string Html(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Each target's speakers by stance: with two targets, who is against whom.</summary>
    private void WriteTargets(List<(string Target, List<Summaries.SummaryRow> Rows)> targets, List<string> labels, List<Summaries.SummaryRow> overTime)
    {
        foreach (var (target, rows, i) in targets.Take(MaxTargetTables).Select((t, i) => (t.Target, t.Rows, i)))
        {
            _out.WriteLine($"<section class=\"article\" id=\"target-{i + 1}\"><h2>Stance toward {Html(target)}</h2>");
            _out.Write("<table><thead><tr><th>Speaker</th><th>Kind</th>");
            foreach (var l in labels) _out.Write($"<th><span class=\"label {Html(l)}\">{Html(l)}</span></th>");
            _out.WriteLine("<th>Quotes</th></tr></thead><tbody>");
            foreach (var speaker in rows.GroupBy(r => (r.Speaker, r.SpeakerKind)))
            {
                _out.Write($"<tr><td>{Html(speaker.Key.Speaker ?? "")}</td><td>{Html(speaker.Key.SpeakerKind ?? "")}</td>");
                foreach (var l in labels) _out.Write($"<td>{speaker.Where(r => r.Stance == l).Sum(r => r.Quotes)}</td>");
                _out.WriteLine($"<td>{speaker.Sum(r => r.Quotes)}</td></tr>");
            }
            _out.WriteLine("</tbody></table>");
            // Undated articles have no place on a time axis.
            var counts = overTime.Where(r => r.Target == target && r.Period is not null).ToDictionary(r => (r.Period!, r.Stance!), r => r.Quotes);
            if (StanceChart.Svg(target, counts, labels) is { } chart)
                _out.WriteLine($"<p class=\"meta\">Quotes by month and stance:</p>{chart}");
            _out.WriteLine("</section>");
        }
        if (targets.Count > MaxTargetTables)
            _out.WriteLine($"<p class=\"meta\">{Html($"{targets.Count - MaxTargetTables} more targets, each quoted less often, are left out here; newsstance summarize lists them all.")}</p>");
    }

    private void WriteContents(List<(string Target, List<Summaries.SummaryRow> Rows)> targets)
    {
        _out.WriteLine("<nav class=\"toc\"><h2>Contents</h2><ul><li><a href=\"#summary\">Who was quoted</a></li>");
        foreach (var (target, i) in targets.Take(MaxTargetTables).Select((t, i) => (t.Target, i)))
            _out.WriteLine($"<li><a href=\"#target-{i + 1}\">Stance toward {Html(target)}</a></li>");
        _out.WriteLine("</ul><ol>");
        foreach (var (anchor, title, quotes) in _contents)
            _out.WriteLine($"<li><a href=\"#{Html(anchor)}\">{Html(title)}</a> <span class=\"dim\">{Html(Count(quotes, "quote"))}</span></li>");
        _out.WriteLine("</ol></nav>");
    }

    public void Dispose()
    {
        _out.Flush();
        _out = new StreamWriter(_output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var all = _summary.Rows().ToList();
        var stanceRows = all.Where(r => r.Table == "speaker_target_stance").ToList();
        var labels = stanceRows.Select(r => r.Stance!).Distinct().Order(StringComparer.Ordinal).ToList();
        // Most quoted targets first.
        var targets = stanceRows.GroupBy(r => r.Target!).OrderByDescending(g => g.Sum(r => r.Quotes)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.ToList())).ToList();
        WriteHeader();
        WriteContents(targets);
        WriteSummary();
        WriteTargets(targets, labels, all.Where(r => r.Table == "period_target_stance").ToList());
        _out.Flush();
        _buffer.Position = 0;
        _buffer.CopyTo(_output);
        _buffer.Dispose();
        _out.WriteLine("</body></html>");
        _out.Flush();
    }
}
