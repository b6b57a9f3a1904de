using System.Text.Json;
using Microsoft.ML.Data;
using NewsStance.Internal.Mentions;
using NewsStance.Internal.Quotes;
using NewsStance.Internal.Speakers;
using NewsStance.Tests.Shared;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Speakers;

public sealed class SpeakerFeaturesTests
{
    [Fact]
    public void Feature_names_match_the_ranker_row_width_and_are_unique()
    {
        // Given
        var column = SchemaDefinition.Create(typeof(SpeakerRow))[nameof(SpeakerRow.Features)];

        // Then
        var vector = Assert.IsType<VectorDataViewType>(column.ColumnType);
        Assert.Equal(SpeakerFeatures.Count, vector.Size);
        Assert.Equal(SpeakerFeatures.Names.Length, SpeakerFeatures.Names.Distinct().Count());
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("default")]
    public void Declared_features_are_those_the_shipped_bundle_records_in_order(string bundle)
    {
        // Given the speaker ranker shipped in models/<bundle>, trained on the vector its manifest names
        var path = Path.Combine(bundle == "fast" ? RepoModels.Fast : RepoModels.Default, "manifest.json");
        using var manifest = JsonDocument.Parse(File.ReadAllText(path));

        // When
        var recorded = manifest.RootElement.GetProperty("speaker").GetProperty("features").EnumerateArray().Select(e => e.GetString()).ToList();

        // Then: same names in the same slots, or the shipped speaker.zip would split on the wrong features
        Assert.Equal(recorded, SpeakerFeatures.All.Select(f => f.Name));
        Assert.Equal(SpeakerFeatures.Count, SpeakerFeatures.All.Count);
    }

    [Fact]
    public void A_feature_is_found_by_name_and_an_unknown_name_is_an_error()
    {
        // Then
        Assert.Equal(0, SpeakerFeatures.IndexOf("frame_subject"));
        Assert.Equal(SpeakerFeatures.Count - 1, SpeakerFeatures.IndexOf("rule_score"));
        var e = Assert.Throws<ArgumentException>(() => SpeakerFeatures.IndexOf("frame_subjekt"));
        Assert.Contains("'frame_subjekt'", e.Message);
    }

    [Fact]
    public void Rule_score_feature_is_the_rule_scorers_score_of_the_features_before_it()
    {
        // Given
        const string text = "Anna Lind met Tom Baker on Monday. Lind said that the deal was done after talks with Baker.";
        var article = Articles.Read(text);
        var mentions = MentionFinder.Find(article);
        var quote = Assert.Single(QuoteFinder.Find(article, mentions));
        var candidates = SpeakerFeatures.Candidates(article, mentions, quote, SpeakerRanker.FirstMentionOfSentence(article, mentions));

        // When
        var vectors = SpeakerRanker.Featurize(article, quote, candidates, null, new EntityResolver(mentions)).Vectors;

        // Then
        int rule = SpeakerFeatures.IndexOf("rule_score");
        Assert.All(vectors, v => Assert.Equal(RuleSpeakerScorer.Instance.ScoreOne(v[..rule].Append(0f).ToArray()), v[rule]));
        Assert.Contains(vectors, v => v[rule] != 0);
    }

    [Fact]
    public void Ranker_choosing_from_its_reused_buffer_chooses_as_from_fresh_vectors()
    {
        // Given an article whose quotes have different numbers of candidates, scored one after another in one buffer
        const string text = "Anna Lind met Tom Baker, Eva Ross and the mayor on Monday. Lind said that the deal was done. "
            + "\"It is a good day,\" Baker told reporters. Ross, the finance minister, warned that costs would rise.\n\n"
            + "\"We will see,\" she said. The mayor said he was pleased.";
        var article = Articles.Read(text);
        var mentions = MentionFinder.Find(article);
        var resolver = new EntityResolver(mentions, article);
        var quotes = QuoteFinder.Find(article, mentions);
        var ranker = new SpeakerRanker(RuleSpeakerScorer.Instance, RuleSpeakerScorer.Calibration);

        // When
        var chosen = ranker.Choose(article, mentions, resolver, quotes);

        // Then: the same speaker and confidence as the training path's new arrays give, quote by quote
        Assert.True(quotes.Count >= 4);
        var first = SpeakerRanker.FirstMentionOfSentence(article, mentions);
        Entity? previous = null;
        for (int k = 0; k < quotes.Count; k++)
        {
            var candidates = SpeakerFeatures.Candidates(article, mentions, quotes[k], first);
            var features = SpeakerRanker.Featurize(article, quotes[k], candidates, previous, resolver);
            var scores = RuleSpeakerScorer.Instance.Score(features.Vectors);
            int best = Array.IndexOf(scores, scores.Max());
            Assert.Same(candidates[best], chosen[k]!.Mention);
            Assert.Equal(ranker.Confidence(scores, best, features.Vectors[best]), chosen[k]!.Confidence);
            previous = features.Entities[best] ?? previous;
        }
    }

    [Fact]
    public void Frame_subject_feature_is_set_only_for_the_frame_subject()
    {
        // Given
        const string text = "Anna Lind met Tom Baker on Monday. Lind said that the deal was done after talks with Baker.";
        var article = Articles.Read(text);
        var mentions = MentionFinder.Find(article);
        var resolver = new EntityResolver(mentions);
        var quote = Assert.Single(QuoteFinder.Find(article, mentions));
        var first = SpeakerRanker.FirstMentionOfSentence(article, mentions);

        // When
        var candidates = SpeakerFeatures.Candidates(article, mentions, quote, first);
        var vectors = SpeakerRanker.Featurize(article, quote, candidates, null, resolver).Vectors;

        // Then
        int frame = SpeakerFeatures.IndexOf("frame_subject");
        int chosen = candidates.FindIndex(m => m.Span == Articles.SpanOf(text, "Lind", 1));
        Assert.True(chosen >= 0);
        for (int i = 0; i < candidates.Count; i++)
            Assert.Equal(i == chosen ? 1f : 0f, vectors[i][frame]);
        Assert.All(vectors, v => Assert.Equal(SpeakerFeatures.Count, v.Length));
        Assert.DoesNotContain(candidates, m => quote.Content.Any(c => c.Contains(m.Span)));
    }

    [Fact]
    public void Rule_scorer_ranks_a_frame_subject_above_a_plain_nearby_mention()
    {
        // Given
        var subject = new float[SpeakerFeatures.Count];
        var nearby = new float[SpeakerFeatures.Count];
        subject[SpeakerFeatures.IndexOf("frame_subject")] = 1;
        subject[SpeakerFeatures.IndexOf("same_sentence")] = 1;
        nearby[SpeakerFeatures.IndexOf("same_sentence")] = 1;
        nearby[SpeakerFeatures.IndexOf("sentence_initial")] = 1;
        nearby[SpeakerFeatures.IndexOf("form_name")] = 1;

        // When
        var scores = RuleSpeakerScorer.Instance.Score([subject, nearby]);

        // Then
        Assert.Equal(2, scores.Length);
        Assert.True(scores[0] > scores[1]);
    }

    [Fact]
    public void Ranker_reports_the_mention_and_its_resolved_entity()
    {
        // Given
        const string text = "Dmitry Peskov spoke on Friday. He said that the summit would take place in October.";
        var article = Articles.Read(text);
        var mentions = MentionFinder.Find(article);
        var resolver = new EntityResolver(mentions);
        var quotes = QuoteFinder.Find(article, mentions);

        // When
        var choices = new SpeakerRanker(RuleSpeakerScorer.Instance).Choose(article, mentions, resolver, quotes);

        // Then
        var choice = Assert.Single(choices);
        Assert.NotNull(choice);
        Assert.Equal(Articles.SpanOf(text, "He"), choice.Mention.Span);
        Assert.Equal("Dmitry Peskov", choice.Entity?.Name);
        Assert.InRange(choice.Confidence, 0.0, 1.0);
    }

    [Fact]
    public void Crowded_window_keeps_the_nearest_candidates_and_the_frame_speaker()
    {
        // Given: sixty people named in the sentence before the quote's frame
        string names = string.Join(", ", Enumerable.Range(0, 60).Select(n => $"Member{n} Person{n}"));
        string text = $"The roll call named {names} on Monday. Ana Ruiz said that the vote would be held again in May.";
        var article = Articles.Read(text);
        var mentions = MentionFinder.Find(article);
        var quote = Assert.Single(QuoteFinder.Find(article, mentions));
        var first = SpeakerRanker.FirstMentionOfSentence(article, mentions);

        // When
        var candidates = SpeakerFeatures.Candidates(article, mentions, quote, first);

        // Then
        Assert.Equal(SpeakerFeatures.MaxCandidates, candidates.Count);
        Assert.Contains(quote.FrameSpeaker, candidates);
        Assert.Contains(candidates, m => m.Core == "Member59 Person59");
        Assert.DoesNotContain(candidates, m => m.Core == "Member0 Person0");
        Assert.Equal(candidates.OrderBy(m => m.Span.Start), candidates);
    }
}
