using Microsoft.ML;
using NewsStance.Internal.Models;
using NewsStance.Internal.Stance;
using NewsStance.Semantic.Tests.TestSupport;

namespace NewsStance.Semantic.Tests;

/// <summary>Loading semantic bundles: through the core loader, and refusing what cannot be used.</summary>
public sealed class SemanticStanceLoaderTests : IClassFixture<TinySemanticBundle>, IDisposable
{
    private readonly TinySemanticBundle _bundle;
    private readonly TempFolder _folder = new();

    public SemanticStanceLoaderTests(TinySemanticBundle bundle) => _bundle = bundle;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Tiny_semantic_model_trained_here_predicts_the_obvious_label()
    {
        // Given: the bundle loads through the core loader, with this assembly's stance models registered
        var bundle = ModelBundle.Load(_bundle.Directory, [SemanticStanceModels.Instance]);
        var stance = Assert.IsType<SemanticStanceModel>(bundle.Stance);
        StanceInput[] inputs =
        [
            new(0, "The mayor's wonderful plan deserves our gratitude and praise", "the mayor", 0, 9, "say"),
            new(1, "The mayor is a dishonest failure who has hurt this city", "the mayor", 0, 9, "say"),
            new(2, "The mayor will travel to the port on Wednesday", "the mayor", 0, 9, "say"),
        ];

        // When
        var results = stance.Predict(inputs);

        // Then
        Assert.Equal(["favor", "against", "neutral"], results.Select(r => r.Label));
        Assert.Equal(["against", "favor", "neutral"], stance.Labels.Order());
        Assert.All(results, r => Assert.Equal(1.0, r.Scores.Values.Sum(), 2));
        Assert.All(results, r => Assert.Equal("the mayor", r.Target));
    }

    [Fact]
    public void Scorer_with_a_semantic_bundle_labels_quotes_in_an_article()
    {
        // Given
        using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = _bundle.Directory }.UseSemanticStance());
        const string article = "\"The mayor has failed the city and must resign,\" said Tom Reed.\n";

        // When
        var result = scorer.Score("a1", article, [StanceTarget.Parse("the mayor")]);

        // Then
        var quote = Assert.Single(result.Quotes);
        Assert.Equal("against", Assert.Single(quote.Stance).Label);
    }

    [Fact]
    public void Semantic_bundle_without_the_semantic_registration_is_refused_with_the_call_to_add()
    {
        // Given: the assembly is loaded, but the app did not register its stance models
        var options = new ScorerOptions { ModelDirectory = _bundle.Directory };

        // When
        var e = Assert.Throws<ModelLoadException>(() => NewsScorer.Create(options));

        // Then
        Assert.Contains("NewsStance.Predictor.Semantic", e.Message);
        Assert.Contains("UseSemanticStance()", e.Message);
        Assert.Contains("semantic-minilm", e.Message);
    }

    [Fact]
    public void UseSemanticStance_registers_the_models_once()
    {
        // Given
        var options = new ScorerOptions();

        // When
        options.UseSemanticStance().UseSemanticStance();

        // Then
        var provider = Assert.Single(options.StanceModels);
        Assert.Contains("semantic-arcticxs", provider.Features);
        Assert.Contains("encoder-arcticxs", provider.Features);
    }

    [Fact]
    public void Corrupt_zip_is_refused_with_model_load_exception()
    {
        // Given
        var zip = _folder.Write("stance.zip", "PK\u0003\u0004 this is not a model");

        // When
        var e = Assert.Throws<ModelLoadException>(() => SemanticStanceLoader.Load(new MLContext(1), zip, "semantic-minilm", _folder.Path));

        // Then
        Assert.Contains("corrupt", e.Message);
        Assert.Contains(zip, e.Message);
        Assert.NotNull(e.InnerException);
    }

    [Fact]
    public void Bundle_with_a_corrupt_semantic_zip_is_refused_by_the_core_loader()
    {
        // Given
        _folder.Write("stance.zip", "not a zip at all");
        _folder.Write(ModelBundle.ManifestFile, TinySemanticBundle.ManifestJson("semantic-arcticxs"));

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(_folder.Path, [SemanticStanceModels.Instance]));

        // Then
        Assert.Contains("corrupt", e.Message);
    }

    [Theory]
    [InlineData(null, 6)] // bundles from before the setting were trained on the last layer's vectors
    [InlineData("3", 3)]
    public void Bundle_is_scored_with_the_vectors_of_the_layer_it_was_trained_on(string? setting, int layers)
    {
        // Given the tiny bundle's model (its vectors are as wide as Arctic-embed's) under an Arctic-embed manifest
        // that records, or not, the layer of its vectors
        foreach (var file in Directory.GetFiles(_bundle.Directory)) File.Copy(file, _folder.File(Path.GetFileName(file)));
        _folder.Write(ModelBundle.ManifestFile, TinySemanticBundle.ManifestJson("semantic-arcticxs", layers: setting));

        // When
        var bundle = ModelBundle.Load(_folder.Path, [SemanticStanceModels.Instance]);

        // Then
        var stance = Assert.IsType<SemanticStanceModel>(bundle.Stance);
        Assert.Equal(layers, Assert.IsType<SentenceEmbedder>(stance.Featurizer.Embedder).Layers);
    }

    [Theory]
    [InlineData("semantic-arcticxs", "7")]
    [InlineData("semantic-arcticxs", "0")]
    [InlineData("semantic-arcticxs", "three")]
    [InlineData("semantic-minilm", "3")] // MiniLM's graph cannot be cut
    public void Bundle_asking_for_a_layer_the_encoder_does_not_have_is_refused(string features, string setting)
    {
        // Given
        foreach (var file in Directory.GetFiles(_bundle.Directory)) File.Copy(file, _folder.File(Path.GetFileName(file)));
        _folder.Write(ModelBundle.ManifestFile, TinySemanticBundle.ManifestJson(features, layers: setting));

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(_folder.Path, [SemanticStanceModels.Instance]));

        // Then
        Assert.Contains("semantic_layers", e.Message);
        Assert.Contains($"'{setting}'", e.Message);
    }

    [Fact]
    public void Bundle_from_before_the_pooled_window_is_refused_with_what_to_do()
    {
        // Given: the tiny bundle's model, under a manifest that does not record the window method
        foreach (var file in Directory.GetFiles(_bundle.Directory)) File.Copy(file, _folder.File(Path.GetFileName(file)));
        _folder.Write(ModelBundle.ManifestFile, TinySemanticBundle.ManifestJson("semantic-minilm", window: "a text of its own"));

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(_folder.Path, [SemanticStanceModels.Instance]));

        // Then
        Assert.Contains("earlier NewsStance", e.Message);
        Assert.Contains("train --features", e.Message);
    }

    [Fact]
    public void Unknown_semantic_feature_name_is_refused()
    {
        // When
        var e = Assert.Throws<ModelLoadException>(() => SemanticStanceLoader.Load(new MLContext(1), _folder.File("stance.zip"), "semantic-gpt", _folder.Path));

        // Then
        Assert.Contains("semantic-gpt", e.Message);
        Assert.Contains("semantic-minilm", e.Message);
    }

    [Fact]
    public void Ngram_model_under_a_semantic_manifest_is_refused_as_other_features()
    {
        // Given: a model whose input has no sentence-embedding column
        var ml = new MLContext(1);
        var rows = new[] { new StanceRow { Text = "good", Polarity = new float[8], Label = "favor" }, new StanceRow { Text = "bad", Polarity = new float[8], Label = "against" } };
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", nameof(StanceRow.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
            .Fit(data);
        var zip = _folder.File("stance.zip");
        ml.Model.Save(model, data.Schema, zip);

        // When
        var e = Assert.Throws<ModelLoadException>(() => SemanticStanceLoader.Load(ml, zip, "semantic-minilm", _folder.Path));

        // Then
        Assert.Contains("trained with other features", e.Message);
    }
}
