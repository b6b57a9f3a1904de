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
