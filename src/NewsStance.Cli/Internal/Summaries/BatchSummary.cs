namespace NewsStance.Cli.Internal.Summaries;

/// <summary>
/// Counts a batch's quotes as a researcher asks about them: by speaker, by speaker × target × stance, by
/// outlet, and by period (articles and quotes, and quotes by target × stance for stance over time). Only
/// counts are kept, so a batch of any size streams through.
/// </summary>
internal sealed class BatchSummary(string by)
{
    /// <summary>The speaker of a quote that has none.</summary>
    public const string NoSpeaker = "(no speaker)";

    /// <summary>The tables, in the order they are written.</summary>
    public static readonly string[] Tables = ["speaker", "speaker_target_stance", "outlet", "period", "period_target_stance"];

    private sealed class Count
    {
        public int Quotes;
        public HashSet<string> Articles { get; } = new(StringComparer.Ordinal);
    }

    private readonly Dictionary<(string Speaker, string? Kind), Count> _speakers = [];
    private readonly Dictionary<(string Speaker, string? Kind, string Target, string Stance), int> _speakerStance = [];
    private readonly Dictionary<string, (int Articles, int Quotes)> _outlets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Articles, int Quotes)> _periods = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Period, string Target, string Stance), int> _periodStance = [];

    public string By { get; } = by;
    public int ArticleCount { get; private set; }
    public int QuoteCount { get; private set; }
    public int Unattributed { get; private set; }

    // Dictionary keys cannot be null: a missing outlet or period is counted under "" and written as null.
    public void Add(SummaryArticle a)
    {
        ArticleCount++;
        var period = Period.Of(a.Date, By) ?? "";
        var outlet = a.Outlet ?? "";
        _outlets[outlet] = Plus(_outlets.GetValueOrDefault(outlet), a.Quotes.Count);
        _periods[period] = Plus(_periods.GetValueOrDefault(period), a.Quotes.Count);
        foreach (var q in a.Quotes)
        {
            QuoteCount++;
            if (q.Speaker is null) Unattributed++;
            var key = q.Speaker is null ? (NoSpeaker, null) : (SpeakerKey.Of(q.Speaker, q.SpeakerKind ?? "unknown"), q.SpeakerKind);
            if (!_speakers.TryGetValue(key, out var c)) _speakers[key] = c = new Count();
            c.Quotes++;
            c.Articles.Add(a.Id);
            foreach (var (target, label) in q.Stance)
            {
                var sk = (key.Item1, key.Item2, target, label);
                _speakerStance[sk] = _speakerStance.GetValueOrDefault(sk) + 1;
                var pk = (period, target, label);
                _periodStance[pk] = _periodStance.GetValueOrDefault(pk) + 1;
            }
        }
    }

    private static (int, int) Plus((int Articles, int Quotes) c, int quotes) => (c.Articles + 1, c.Quotes + quotes);

    /// <summary>Every table's rows: most quoted speakers and outlets first, periods in time order (undated last).</summary>
    public IEnumerable<SummaryRow> Rows()
    {
        var speakerOrder = _speakers.OrderBy(p => p.Key.Speaker == NoSpeaker).ThenBy(p => p.Key.Speaker.StartsWith('('))
            .ThenByDescending(p => p.Value.Quotes).ThenBy(p => p.Key.Speaker, StringComparer.Ordinal).ThenBy(p => p.Key.Kind, StringComparer.Ordinal)
            .Select((p, i) => (p.Key, i)).ToDictionary(x => x.Key, x => x.i);
        foreach (var (key, c) in _speakers.OrderBy(p => speakerOrder[p.Key]))
            yield return new SummaryRow("speaker", null, null, key.Speaker, key.Kind, null, null, c.Articles.Count, c.Quotes);
        foreach (var (key, n) in _speakerStance.OrderBy(p => speakerOrder[(p.Key.Speaker, p.Key.Kind)])
                     .ThenBy(p => p.Key.Target, StringComparer.Ordinal).ThenBy(p => p.Key.Stance, StringComparer.Ordinal))
            yield return new SummaryRow("speaker_target_stance", null, null, key.Speaker, key.Kind, key.Target, key.Stance, null, n);
        foreach (var (outlet, c) in _outlets.OrderBy(p => p.Key.Length == 0).ThenByDescending(p => p.Value.Articles).ThenBy(p => p.Key, StringComparer.Ordinal))
            yield return new SummaryRow("outlet", null, Null(outlet), null, null, null, null, c.Articles, c.Quotes);
        foreach (var (period, c) in _periods.OrderBy(p => p.Key.Length == 0).ThenBy(p => p.Key, StringComparer.Ordinal))
            yield return new SummaryRow("period", Null(period), null, null, null, null, null, c.Articles, c.Quotes);
        foreach (var (key, n) in _periodStance.OrderBy(p => p.Key.Period.Length == 0).ThenBy(p => p.Key.Period, StringComparer.Ordinal)
                     .ThenBy(p => p.Key.Target, StringComparer.Ordinal).ThenBy(p => p.Key.Stance, StringComparer.Ordinal))
            yield return new SummaryRow("period_target_stance", Null(key.Period), null, null, null, key.Target, key.Stance, null, n);
    }

    private static string? Null(string s) => s.Length == 0 ? null : s;
}
