using NewsStance.Internal;
using NewsStance.Internal.Speakers;
using NewsStance.Training.Data;
using NewsStance.Training.Models;

namespace NewsStance.Training.Tests.Models;

/// <summary>The speaker ranker learns on what it will see when scoring.</summary>
public sealed class SpeakerTrainerTests
{
    [Fact]
    public void Training_groups_are_the_candidates_and_features_scoring_computes()
    {
        // Given an article with one gold quote that the quote finder finds, spoken by a pronoun's antecedent
        const string text = "Anna Lind met Tom Baker in Velna on Monday.\n\nShe said that the deal was done after long talks.\n";
        int content = text.IndexOf("the deal", StringComparison.Ordinal), speaker = text.IndexOf("She", StringComparison.Ordinal);
        var gold = new GoldQuote("talks", "q1", QuoteType.Indirect, [new TextSpan(content, text.IndexOf(" after", StringComparison.Ordinal))],
            "say", null, "She", new TextSpan(speaker, speaker + 3), "Anna Lind", SpeakerKind.Person, "", "the deal was done", 2);
        var corpus = new Corpus { Directory = "", Articles = new() { ["talks"] = text }, Quotes = [gold], Stance = [], Errors = [], Splits = [] };

        // When
        var group = Assert.Single(SpeakerTrainer.BuildGroups(corpus));

        // Then: the same vectors as the scoring pipeline's ranker computes for the quote it found
        var analysis = ArticleAnalyzer.Analyze("talks", text);
        var quote = Assert.Single(analysis.Quotes);
        var candidates = SpeakerFeatures.Candidates(analysis.Article, analysis.Mentions, quote, SpeakerRanker.FirstMentionOfSentence(analysis.Article, analysis.Mentions));
        var expected = SpeakerRanker.Featurize(analysis.Article, quote, candidates, null, analysis.Entities);
        Assert.True(group.Found);
        Assert.Equal(expected.Vectors, group.Features);
        Assert.Equal(speaker, candidates[group.Gold].Span.Start);
        Assert.Equal("Anna Lind", expected.Entities[group.Gold]?.Name);
    }
}
