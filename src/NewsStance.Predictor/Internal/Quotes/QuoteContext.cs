using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// What the frame recognisers read of one article, built once and not changed after: its tokens, the
/// quotations, which token lies in which quotation, and the mentions that start or end at each token.
/// Lookups by token are arrays, so what a recogniser costs grows with the text it reads, not with the article.
/// </summary>
internal sealed class QuoteContext
{
    private readonly Mention?[] _mentionEndingAt;
    private readonly Mention?[] _mentionStartingAt;
    private readonly int[] _regionOfToken; // -1 outside quotation marks
    private readonly bool[] _inName;       // tokens inside a name mention ("the United States")
    private readonly int[] _mainClauseStart; // per sentence: the first token after its opening phrase

    /// <param name="article">The article as read.</param>
    /// <param name="mentions">Its mentions, in text order.</param>
    /// <param name="regions">Its quotations (<see cref="QuoteRegionFinder.Find"/>), when the caller found them already.</param>
    public QuoteContext(Article article, IReadOnlyList<Mention> mentions, IReadOnlyList<QuoteRegion>? regions = null)
    {
        Article = article;
        Text = article.Text;
        Tokens = article.Tokens;
        Regions = regions ?? QuoteRegionFinder.Find(article);
        _mentionEndingAt = new Mention?[Tokens.Length];
        _mentionStartingAt = new Mention?[Tokens.Length];
        _inName = new bool[Tokens.Length];
        foreach (var m in mentions)
        {
            _mentionEndingAt[m.LastToken] ??= m;
            _mentionStartingAt[m.FirstToken] ??= m;
            if (m.Form == MentionForm.Name) for (int t = m.FirstToken; t <= m.LastToken; t++) _inName[t] = true;
        }
        _mainClauseStart = article.Sentences.Select(s => MentionFinder.MainClauseStart(article, s, s.FirstToken + s.TokenCount)).ToArray();
        _regionOfToken = new int[Tokens.Length];
        Array.Fill(_regionOfToken, -1);
        for (int r = 0; r < Regions.Count; r++)
        {
            var outer = Regions[r].Outer;
            for (int t = article.TokenAtOrAfter(outer.Start); t < Tokens.Length && Tokens[t].Start < outer.End; t++)
                _regionOfToken[t] = r;
        }
    }

    public Article Article { get; }
    public string Text { get; }
    public Token[] Tokens { get; }
    /// <summary>The text between quotation marks, in text order.</summary>
    public IReadOnlyList<QuoteRegion> Regions { get; }

    public Mention? MentionEndingAt(int token) => _mentionEndingAt[token];
    public Mention? MentionStartingAt(int token) => _mentionStartingAt[token];

    /// <summary>
    /// The speaker a phrase starting at <paramref name="token"/> names: its first mention, or, when that is a possessor
    /// right before a name ("NBC's Dante Chinni", "according to Breitbart's Joel Pollak"), the name it qualifies.
    /// </summary>
    public Mention? SpeakerStartingAt(int token)
    {
        var m = _mentionStartingAt[token];
        if (m is not { Form: MentionForm.Name } || m.LastToken + 1 >= Tokens.Length) return m;
        return Lexicon.EndsWithPossessive(Word(m.LastToken)) && _mentionStartingAt[m.LastToken + 1] is { Form: MentionForm.Name } owned ? owned : m;
    }
    /// <summary>True inside a name mention: a reporting word there is part of a name ("the United States").</summary>
    public bool InName(int token) => _inName[token];
    /// <summary>True when the token lies between quotation marks (the marks included).</summary>
    public bool InQuote(int token) => _regionOfToken[token] >= 0;
    /// <summary>The quotation the token lies in, or null outside quotation marks.</summary>
    public QuoteRegion? RegionAt(int token) => _regionOfToken[token] is var r and >= 0 ? Regions[r] : null;

    public string Word(int token) => Article.TextOf(Tokens[token]);
    /// <summary>A token's text in place: for comparisons and span lookups, which need no string made.</summary>
    public ReadOnlySpan<char> Slice(int token) => Article.Slice(Tokens[token]);
    public char First(int token) => Text[Tokens[token].Start];
    public bool IsPunct(int token, char c) => Tokens[token].Kind == TokenKind.Punctuation && First(token) == c && Tokens[token].Length == 1;
    public bool IsDash(int token) => Tokens[token].Kind == TokenKind.Punctuation && First(token) is '—' or '–' or '―' || (Tokens[token].Kind == TokenKind.Punctuation && Text.AsSpan(Tokens[token].Start, Tokens[token].Length) is "--");

    public static bool IsDayOrTime(string w) => QuoteWords.DaysAndTimes.Contains(w);
    public static bool IsAuxOrAdverb(string w) => QuoteWords.AuxiliariesAndAdverbs.Contains(w);

    /// <summary>A word that can end a short noun phrase: an anonymous source, an addressee noun or a capitalised word.</summary>
    public bool IsNounEnd(int t)
    {
        var w = Word(t);
        return Lexicon.AnonymousHeads.Contains(w) || QuoteWords.AddresseeNouns.Contains(w) || char.IsUpper(w[0]);
    }

    /// <summary>
    /// The first token of sentence <paramref name="s"/>'s main clause: after the comma that ends an opening phrase
    /// ("In an interview with the Post, …", "Speaking in Salem, …"), else its first token. The same as the mentions'
    /// <see cref="Mention.InOpeningPhrase"/>.
    /// </summary>
    public int MainClauseStart(Sentence s) => _mainClauseStart[s.Index];

    /// <summary>
    /// The first mention of the clause from <paramref name="first"/> up to the first reporting word before
    /// <paramref name="before"/>: the subject a participle or a second verb shares. It is never in the sentence's
    /// opening phrase ("In a statement released Monday, the union …": the union), nor the object of a preposition
    /// ("Here in Marlow, the mayor …", "As word of the vote spread through Velna, Hale …") while a mention follows.
    /// </summary>
    public Mention? MainSubject(Sentence s, int first, int before)
    {
        Mention? objectOfPreposition = null;
        for (int k = Math.Max(first, MainClauseStart(s)); k < before; k++)
        {
            if (InQuote(k)) continue;
            var m = _mentionStartingAt[k];
            if (m is not null)
            {
                if (!AfterPreposition(m)) return m;
                objectOfPreposition ??= m;
                k = m.LastToken;
                continue;
            }
            if (Lexicon.ReportingLemma(Word(k)) is not null) break;
        }
        return objectOfPreposition;
    }

    /// <summary>True when a lower-case preposition stands right before mention <paramref name="m"/> ("in Marlow", "of the union").</summary>
    private bool AfterPreposition(Mention m)
    {
        int p = m.FirstToken - 1;
        return p >= 0 && Tokens[p].Kind == TokenKind.Word && char.IsLower(First(p)) && MentionWords.Prepositions.Contains(Word(p));
    }

    /// <summary>
    /// True when sentence <paramref name="s"/> is written in headline case, quotations aside (<see cref="Article.IsHeadlineCase"/>).
    /// A headline capitalises its verbs, so a capitalised reporting verb there is a cue.
    /// </summary>
    public bool IsHeadlineCase(Sentence s) => Article.IsHeadlineCase(s, InQuote);

    /// <summary>A span without the spaces and the punctuation of its frame at either end (and no full stop at its end).</summary>
    public TextSpan Trim(TextSpan span)
    {
        int s = span.Start, e = span.End;
        while (s < e && (char.IsWhiteSpace(Text[s]) || Text[s] is ',' or ':' or ';' or '—' or '–')) s++;
        while (e > s && (char.IsWhiteSpace(Text[e - 1]) || Text[e - 1] is ',' or ';' or ':' or '—' or '–' or '.' )) e--;
        return new TextSpan(s, e);
    }

    /// <summary>The words and numbers in a span.</summary>
    public int TokenCount(TextSpan span)
    {
        int n = 0;
        for (int t = Article.TokenAtOrAfter(span.Start); t < Tokens.Length && Tokens[t].Start < span.End; t++)
            if (Tokens[t].Kind is TokenKind.Word or TokenKind.Number) n++;
        return n;
    }
}
