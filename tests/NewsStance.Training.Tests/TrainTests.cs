using System.Text.Json;
using NewsStance.Training.Tests.Support;

namespace NewsStance.Training.Tests;

/// <summary><c>train</c>: the speaker ranker and the stance model from a training-data folder, into one bundle.</summary>
public sealed class TrainTests
{
    [Fact]
    public void Good_folder_trains_a_bundle_that_the_scorer_loads()
    {
        // Given
        using var folder = new TempFolder();
        var data = TrainingData.Good().Write(folder);
        var bundle = folder.PathOf("bundle");

        // When
        var result = TrainingRun.Of(c => c.Train(data, bundle, 1, 2, "sdca", false, "ngram"));

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["manifest.json", "speaker.zip", "stance.zip"], Directory.GetFiles(bundle).Select(Path.GetFileName).Order());
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json")));
        Assert.Equal("speaker.zip", manifest.RootElement.GetProperty("speaker").GetProperty("file").GetString());
        Assert.Equal(["against", "favor", "neutral"], manifest.RootElement.GetProperty("stance").GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = bundle }.UseSemanticStance());
        Assert.NotNull(scorer.Model);
        var scored = scorer.Score("treaty", TrainingData.TreatyArticle, [StanceTarget.Parse("the treaty|treaty")]);
        Assert.NotEmpty(scored.Quotes);
        Assert.Contains(scored.Quotes, q => q.Stance.Any(s => s.Target == "the treaty"));
        Assert.All(scored.Quotes.Where(q => q.Speaker is not null), q => Assert.InRange(q.Speaker!.Confidence, 0.0, 1.0));
    }

    [Fact]
    public void Speaker_confidence_is_calibrated_on_out_of_fold_scores_into_the_manifest()
    {
        // Given: the treaty article under eight names, so that both folds hold quotes
        using var folder = new TempFolder();
        var corpus = TrainingData.Good();
        for (int i = 1; i <= 8; i++)
        {
            corpus.Articles[$"treaty{i}"] = TrainingData.TreatyArticle;
            corpus.AddQuote($"treaty{i}", $"treaty{i}-q1", "direct", "We fully support the new treaty", "said", "Foreign Minister Anna Berg", "Anna Berg", "person", "Foreign Minister");
            corpus.AddQuote($"treaty{i}", $"treaty{i}-q2", "indirect", "the treaty was a disaster for farmers", "said", "Critics", "Critics", "anonymous", "");
        }
        var data = corpus.Write(folder);
        var bundle = folder.PathOf("bundle");

        // When
        var result = TrainingRun.Of(c => c.Train(data, bundle, 1, 2, "sdca", false, "ngram"));

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("speaker confidence on the held-out split", result.Output);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json")));
        var calibration = manifest.RootElement.GetProperty("speaker").GetProperty("calibration");
        Assert.Equal("platt", calibration.GetProperty("method").GetString());
        Assert.Contains("out-of-fold", calibration.GetProperty("fitted_on").GetString());
        Assert.Contains("margin", calibration.GetProperty("weights").EnumerateObject().Select(w => w.Name));
        using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = bundle }.UseSemanticStance());
        Assert.InRange(scorer.Score("treaty", TrainingData.TreatyArticle).Quotes.First(q => q.Speaker is not null).Speaker!.Confidence, 0.0, 1.0);
    }

    [Fact]
    public void Broken_folder_writes_no_bundle()
    {
        // Given
        using var folder = new TempFolder();
        var broken = TrainingData.Good();
        TrainingData.Set(broken.Quotes, 2, "speaker_kind", "robot");
        var data = broken.Write(folder);
        var bundle = folder.PathOf("bundle");

        // When
        var result = TrainingRun.Of(c => c.Train(data, bundle, 1, 2, "sdca", false, "ngram"));

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("quotes.csv:2:10: unknown speaker_kind 'robot'", result.Error);
        Assert.Contains("nothing was written", result.Error);
        Assert.False(Directory.Exists(bundle));
    }
}
