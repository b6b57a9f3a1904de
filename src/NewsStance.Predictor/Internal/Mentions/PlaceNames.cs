using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Mentions;

/// <summary>
/// Tells places from people and organisations among the names an article mentions, so that a quote is not
/// scored for its stance toward the town it was said in. The mention finder reads every capitalised name
/// as a possible speaker; a name is a place here when nothing marks it as a speaker (no title or role, no
/// gendered first name, no organisation word) and every mention of it stands where places stand: after a
/// locative preposition ("in Velna", "from Valmont-sur-Rhone") or in a place-shaped name. A country that
/// also acts ("Russia insists") is not a place: one mention outside a locative phrase is enough.
/// </summary>
internal sealed class PlaceNames(Article article, EntityResolver entities)
{
    /// <summary>Pieces of place names: "Valmont-sur-Rhone", "Stratford-upon-Avon", "Kansas City".</summary>
    private static readonly string[] PlaceParts = ["-sur-", "-upon-", "-on-", "-en-", "-le-", "-la-"];

    private readonly Dictionary<string, bool> _decided = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether <paramref name="name"/> (an entity's name, or an unresolved mention's) is a place: as <see cref="Find"/> would
    /// have it, decided when first asked from that name's mentions alone. The stance targets ask about the few names
    /// inside quotes; deciding every name of the article up front was work for answers nobody read.
    /// </summary>
    public bool IsPlace(string name)
    {
        if (_decided.TryGetValue(name, out bool place)) return place;
        var mentions = new List<Mention>();
        foreach (var m in entities.Mentions)
            if (m.Form == MentionForm.Name && string.Equals(NameOf(m, entities), name, StringComparison.OrdinalIgnoreCase)) mentions.Add(m);
        place = mentions.Count > 0 && IsPlace(article, mentions);
        _decided.Add(name, place);
        return place;
    }

    /// <summary>The entities (and the names of unresolved mentions) that are places.</summary>
    public static HashSet<string> Find(Article article, EntityResolver entities)
    {
        var byName = entities.Mentions.Where(m => m.Form == MentionForm.Name).GroupBy(m => NameOf(m, entities), StringComparer.OrdinalIgnoreCase);
        var places = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in byName)
            if (IsPlace(article, group.ToList())) places.Add(group.Key);
        return places;
    }

    // The name mentions are grouped by: their entity's, else their own.
    private static string NameOf(Mention m, EntityResolver entities) => entities.EntityOf(m)?.Name ?? m.Core;

    private static bool IsPlace(Article article, List<Mention> mentions)
    {
        if (mentions.Any(m => m.Role is not null || m.Gender != 0 || m.Core.Split(' ').Any(w => Lexicon.OrganizationWords.Contains(w))))
            return false;
        if (mentions.Any(m => PlaceParts.Any(p => m.Core.Contains(p, StringComparison.OrdinalIgnoreCase)) || MentionWords.PlaceHeads.Contains(m.Core.Split(' ')[^1])))
            return true;
        // A name used as a modifier ("the Velna grain corridor") says nothing either way.
        var telling = mentions.Where(m => !IsModifier(article, m)).ToList();
        return telling.Count > 0 && telling.All(m => AfterLocative(article, m));
    }

    /// <summary>"the Velna grain corridor": after "the" and before a lower-case word.</summary>
    private static bool IsModifier(Article article, Mention m)
    {
        int after = m.LastToken + 1;
        bool the = article.TextOf(article.Tokens[m.FirstToken]) is "the" or "The"
                   || m.FirstToken > 0 && article.TextOf(article.Tokens[m.FirstToken - 1]) is "the" or "The";
        return the && after < article.Tokens.Length && article.Tokens[after].Kind == TokenKind.Word && char.IsLower(article.Text[article.Tokens[after].Start]);
    }

    private static bool AfterLocative(Article article, Mention m)
    {
        int before = m.FirstToken - 1;
        // "in the Velna region": the article belongs to the phrase.
        if (before >= 0 && article.TextOf(article.Tokens[before]) is "the" or "The") before--;
        if (before < 0 || article.Tokens[before].Kind != TokenKind.Word) return false;
        var word = article.TextOf(article.Tokens[before]);
        if (MentionWords.LocativeWords.Contains(word)) return true;
        // "the port of Velna", "the outskirts of Minsk": "of" after a place noun.
        return word == "of" && before > 0 && article.TextOf(article.Tokens[before - 1]).ToLowerInvariant() is var head
            && (MentionWords.PlaceHeads.Contains(head) || MentionWords.PlaceOfHeads.Contains(head));
    }
}
