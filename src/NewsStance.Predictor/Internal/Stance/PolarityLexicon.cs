using System.Collections.Frozen;

namespace NewsStance.Internal.Stance;

/// <summary>
/// A small hand-written list of evaluative words of news language. It gives the stance model a
/// prior that carries beyond the training corpus' own vocabulary; the model decides how much to use it.
/// </summary>
internal static class PolarityLexicon
{
    private static readonly FrozenSet<string> Positive = Words("""
        good great excellent fine best better strong strongly success successful succeed succeeded win won winning
        welcome welcomed welcomes praise praised praises praising hail hailed applaud applauded commend commended
        support supported supports supporting supportive back backed backing endorse endorsed endorsement champion
        championed admire admired admirable respect respected trust trusted trustworthy honest integrity fair fairly
        brilliant outstanding remarkable impressive impressed exceptional extraordinary superb terrific wonderful
        fantastic amazing positive progress progressive improve improved improvement improving benefit benefits
        beneficial helpful help helped helps effective efficient capable competent skilled talented wise smart
        courageous brave bold visionary leader leadership committed dedicated hardworking tireless grateful thank
        thanks thankful proud pride credit credited deserve deserves deserved right correct legitimate lawful
        safe secure stable stability peace peaceful prosperity prosperous boost boosted growth thrive thriving
        breakthrough historic landmark milestone achievement achieved accomplish accomplished deliver delivered
        reliable dependable transparent accountable fairness justice just generous kind compassionate caring
        friend friendly ally partner partnership cooperation cooperate constructive productive promising hope
        hopeful optimistic optimism confident confidence encouraging encouraged inspire inspired inspiring
        flexible flexibility reasonable sensible sound solid robust resilient recover recovery restore restored
        protect protected protecting defend defended defending save saved rescue rescued ideal perfect favourite
        favorite popular beloved celebrate celebrated victory triumph glad happy pleased delighted thrilled
        excited love loved loves appreciate appreciated valuable vital essential necessary needed worthwhile
        innovative innovation modern clean healthy honour honor honoured honored integrity diligent steady calm
        clear clearly agree agreed agrees agreement approve approved approval vindicated exemplary fruitful
        """);

    private static readonly FrozenSet<string> Negative = Words("""
        bad worse worst poor poorly fail failed failure failing fails weak weakness wrong wrongly mistake mistaken
        blunder disaster disastrous catastrophe catastrophic crisis chaos chaotic mess terrible horrible awful
        dreadful appalling shameful shame disgrace disgraceful outrage outrageous outraged scandal scandalous
        corrupt corruption fraud fraudulent lie lies lied liar lying dishonest deceit deceptive mislead misleading
        criticise criticised criticize criticized criticism critic slam slammed blast blasted condemn condemned
        condemnation denounce denounced decry decried attack attacked attacks accuse accused accusation blame
        blamed oppose opposed opposes opposition against reject rejected rejects refuse refused deny denied
        threat threaten threatened threatening danger dangerous risk risky reckless irresponsible incompetent
        incompetence inept useless pointless waste wasted wasteful harmful harm damage damaged damaging destroy
        destroyed destruction destructive illegal illegitimate unlawful unconstitutional unfair unjust injustice
        abuse abused abusive violate violated violation cruel brutal brutality violence violent aggression
        aggressive hostile hostility interference meddling intervention invasion occupation puppet coup
        dictator dictatorship authoritarian tyranny regime oppressive repression repressive censorship
        propaganda hypocrisy hypocrite hypocritical arrogant arrogance ignorant ignorance stupid foolish absurd
        ridiculous nonsense farce sham fake bogus betray betrayed betrayal traitor treacherous cheat cheated
        greed greedy selfish negligent negligence neglect neglected ignore ignored careless concern concerned
        concerns worry worried worrying alarm alarming alarmed fear feared fears afraid troubling troubled
        disappoint disappointed disappointing disappointment frustrated frustrating frustration angry anger
        furious regret regrettable unacceptable intolerable deplorable unworthy undermine undermined undermining
        collapse collapsed decline declining stagnant stagnation recession loss losses lose lost losing
        burden costly expensive overpriced unaffordable shortage shortages delay delayed delays broken
        inadequate insufficient lacking lack unclear confusing confused doubt doubts doubtful dubious suspicious
        questionable controversial divisive polarising polarizing extremist extreme radical dangerous toxic
        pollution polluting hate hated hates hatred racist racism sexist discrimination discriminatory unsafe
        insecure unstable instability war warfare conflict sanctions punish punished punishment penalty
        mock mocked ridicule ridiculed disaster lament lamented complain complained complaint grievance protest
        """);

    // The larger project-written lists (Lexicon/*.txt, embedded) join the core lists above.
    private static readonly FrozenSet<string> PositiveAll = Positive.Concat(Embedded("positive.txt")).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> NegativeAll = Negative.Concat(Embedded("negative.txt")).Where(w => !Positive.Contains(w)).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> Embedded(string name)
    {
        using var stream = typeof(PolarityLexicon).Assembly.GetManifestResourceStream($"NewsStance.Internal.Stance.Lexicon.{name}");
        if (stream is null) return [];
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static readonly FrozenSet<string> Negators = Words("not no never none nobody nothing neither nor without hardly barely n't cannot can't won't don't doesn't didn't isn't wasn't aren't weren't shouldn't wouldn't couldn't");

    // Looked up by span: the featurizer's words are spans of the lower-cased text, not strings of their own.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PositiveLookup = PositiveAll.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegativeLookup = NegativeAll.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatorLookup = Negators.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>+1 positive, −1 negative, 0 neither.</summary>
    public static int Polarity(ReadOnlySpan<char> word) => PositiveLookup.Contains(word) ? 1 : NegativeLookup.Contains(word) ? -1 : 0;

    /// <summary>Whether the word negates what follows it ("not", "never", any "…n't").</summary>
    public static bool IsNegator(ReadOnlySpan<char> word) => NegatorLookup.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal);

    private static FrozenSet<string> Words(string list)
        => list.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
