using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;
using NewsStance.Internal.Speakers;
using NewsStance.Internal.Stance;

namespace NewsStance.Internal;

/// <summary>
/// The pipeline, in the order data flows: read → mentions → entities → quotes (<see cref="ArticleAnalyzer"/>) → speakers → stance.
/// Stateless apart from its (thread-safe) scorers, so one instance serves many threads.
/// </summary>
internal sealed class ArticlePipeline(ISpeakerScorer speakerScorer, IStanceModel? stance, SpeakerCalibration? calibration = null)
{
    private readonly SpeakerRanker _ranker = new(speakerScorer, calibration);

    public ISpeakerScorer SpeakerScorer => speakerScorer;
    public IStanceModel? Stance => stance;

    /// <summary>
    /// Scores a short built-in article (<c>warm-up.txt</c>) without a model, so that the JIT compiles the rule
    /// stages and their word lists are read. Run on another core while a model bundle loads, it takes that
    /// work off the first articles' path; it changes no state that scoring reads.
    /// </summary>
    /// <returns>The warm-up article's result (a test checks that it reached every stage).</returns>
    public static ArticleResult WarmUp()
    {
        using var stream = typeof(ArticlePipeline).Assembly.GetManifestResourceStream("NewsStance.Internal.warm-up.txt")
            ?? throw new InvalidOperationException("warm-up.txt is not embedded");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return new ArticlePipeline(RuleSpeakerScorer.Instance, null, RuleSpeakerScorer.Calibration).Run("warm-up", text, null);
    }

    public ArticleResult Run(string id, string text, IReadOnlyList<StanceTarget>? targets)
    {
        var (article, mentions, entities, quotes) = ArticleAnalyzer.Analyze(id, text);
        var speakers = _ranker.Choose(article, mentions, entities, quotes);
        // Places are kept out of the default targets only: no stance model, or targets given, need none.
        var places = stance is null || targets is { Count: > 0 } ? null : new PlaceNames(article, entities);
        var results = new List<QuoteResult>(quotes.Count);
        var stanceInputs = new List<StanceInput>();
        for (int i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            string quoteText = JoinedText(article.Text, q.Content);
            var speaker = ToSpeaker(article, speakers[i]);
            CueResult? cue = q.Cue is { } c ? new CueResult(article.TextOf(c), c) : null;
            results.Add(new QuoteResult(q.Type, quoteText, q.Content.ToArray(), cue, speaker, []));
            if (stance is not null)
                foreach (var t in StanceTargets.For(quoteText, targets, entities, q, speakers[i]?.Entity, places))
                    stanceInputs.Add(new StanceInput(i, quoteText, t.Target, t.MentionStart, t.MentionEnd, q.CueLemma));
        }
        if (stance is not null && stanceInputs.Count > 0)
        {
            var predictions = stance.Predict(stanceInputs);
            var byQuote = new List<StanceResult>[quotes.Count];
            for (int k = 0; k < stanceInputs.Count; k++)
                (byQuote[stanceInputs[k].QuoteIndex] ??= []).Add(predictions[k]);
            for (int i = 0; i < results.Count; i++)
                if (byQuote[i] is { } list) results[i] = results[i] with { Stance = list };
        }
        return new ArticleResult(id, article.Date, article.Dateline, article.Title, results);
    }

    /// <summary>
    /// The people and organisations an article names (not places, not lone sentence-opening words), with
    /// how often and in how many quotes: the candidates for stance targets. Needs no model.
    /// </summary>
    public static List<NamedEntity> NamedEntities(string id, string text)
    {
        var (article, mentions, entities, quotes) = ArticleAnalyzer.Analyze(id, text);
        var places = PlaceNames.Find(article, entities);
        // The dateline's city and outlet ("MOSCOW (Sputnik) -") say where the story came from, not what it is about.
        int datelineEnd = article.Dateline is { } d && text.IndexOf(d, StringComparison.Ordinal) is var at and >= 0 ? at + d.Length : -1;
        var found = new List<NamedEntity>();
        foreach (var group in mentions.Where(m => m.Form == MentionForm.Name && !StanceTargets.IsCommonWord(m, entities) && m.Span.Start >= datelineEnd
                                                  && m.Core.Count(char.IsLetter) >= 2)
                     .GroupBy(m => entities.EntityOf(m)?.Name ?? m.Core, StringComparer.OrdinalIgnoreCase))
        {
            if (places.Contains(group.Key)) continue;
            var first = group.First();
            var kind = entities.EntityOf(first)?.Kind ?? first.Kind;
            if (kind is not (SpeakerKind.Person or SpeakerKind.Organization)) continue;
            var aliases = group.Select(m => m.Core).Where(c => !c.Equals(group.Key, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            int inQuotes = quotes.Count(q => group.Any(m => q.Content.Any(c => c.Contains(m.Span))));
            found.Add(new NamedEntity(group.Key, kind, aliases, group.Count(), inQuotes));
        }
        return found;
    }

    /// <summary>
    /// The content's pieces joined by single spaces, as <c>string.Join(" ", pieces)</c>, written straight into the one
    /// string: no string per piece first.
    /// </summary>
    private static string JoinedText(string text, IReadOnlyList<TextSpan> content)
    {
        if (content.Count == 0) return "";
        int length = content.Count - 1;
        for (int i = 0; i < content.Count; i++) length += content[i].Length;
        return string.Create(length, (text, content), static (chars, state) =>
        {
            var (text, content) = state;
            int at = 0;
            for (int i = 0; i < content.Count; i++)
            {
                if (i > 0) chars[at++] = ' ';
                text.AsSpan(content[i].Start, content[i].Length).CopyTo(chars[at..]);
                at += content[i].Length;
            }
        });
    }

    private static SpeakerResult? ToSpeaker(Article a, SpeakerChoice? choice)
    {
        if (choice is null) return null;
        var m = choice.Mention;
        var e = choice.Entity;
        string mention = a.TextOf(m.Span);
        SpeakerKind kind = m.Form switch
        {
            MentionForm.Anonymous when e is null || e.Mentions.All(x => x.Form == MentionForm.Anonymous) => SpeakerKind.Anonymous,
            MentionForm.Document when e is null || e.Kind == SpeakerKind.Document => SpeakerKind.Document,
            _ => e?.Kind ?? (m.Form == MentionForm.Pronoun ? SpeakerKind.Unknown : m.Kind),
        };
        string name = e?.Name ?? mention;
        return new SpeakerResult(mention, m.Span, name, kind, e?.Role ?? m.Role, Math.Round(choice.Confidence, 3));
    }
}
