using NewsStance.Internal.Models;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Models;

public sealed class ModelBundleTests : IClassFixture<TinyStanceBundle>, IDisposable
{
    private readonly TinyStanceBundle _bundle;
    private readonly TempFolder _folder = new();

    public ModelBundleTests(TinyStanceBundle bundle) => _bundle = bundle;

    public void Dispose() => _folder.Dispose();

    private static void AssertTellsHowToRetrain(ModelLoadException e)
    {
        Assert.Contains("newsstance-train train", e.Message);
        Assert.Contains("ScorerOptions.ModelDirectory", e.Message);
        Assert.DoesNotContain("--model", e.Message);
        Assert.DoesNotContain("dotnet run", e.Message);
    }

    [Fact]
    public void Missing_folder_is_refused_with_its_path()
    {
        // Given
        var missing = _folder.File("no-such-bundle");

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(missing));

        // Then
        Assert.Contains(missing, e.Message);
        Assert.Contains("does not exist", e.Message);
        Assert.Contains("Set ScorerOptions.ModelDirectory to a bundle folder", e.Message);
        Assert.DoesNotContain("--model", e.Message);
    }

    [Fact]
    public void Scorer_without_a_bundle_folder_is_refused_naming_the_option_not_searching_for_one()
    {
        // Given no ModelDirectory (the tests run below the repository's models/, which the library must not look for)

        // When
        var e = Assert.Throws<ModelLoadException>(() => NewsScorer.Create(new ScorerOptions()));

        // Then
        Assert.Contains("Set ScorerOptions.ModelDirectory to a bundle folder", e.Message);
        Assert.Contains("ScorerOptions.RulesOnly", e.Message);
        Assert.DoesNotContain("NEWSSTANCE_MODEL", e.Message);
        Assert.DoesNotContain("--model", e.Message);
    }

    [Fact]
    public void Folder_without_manifest_is_not_a_bundle()
    {
        // Given
        _folder.Write("stance.zip", "not relevant");

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(_folder.Path));

        // Then
        Assert.Contains("manifest.json", e.Message);
        Assert.Contains("not a NewsStance model bundle", e.Message);
        AssertTellsHowToRetrain(e);
    }

    [Fact]
    public void Manifest_that_is_not_json_is_refused()
    {
        // Given
        _folder.Write(ModelBundle.ManifestFile, "{ this is : not json");

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(_folder.Path));

        // Then
        Assert.Contains("not valid JSON", e.Message);
        Assert.NotNull(e.InnerException);
    }

    [Fact]
    public void Wrong_format_version_is_refused_naming_both_versions()
    {
        // Given
        _folder.Write(ModelBundle.ManifestFile, TinyStanceBundle.ManifestJson(formatVersion: 99));

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(_folder.Path));

        // Then
        Assert.Contains("format 99", e.Message);
        Assert.Contains($"reads format {Manifest.CurrentFormat}", e.Message);
        AssertTellsHowToRetrain(e);
    }

    [Fact]
    public void MlNet_version_is_the_package_version_not_the_assembly_version()
    {
        // When
        var version = ModelBundle.MlNetVersion;

        // Then
        Assert.StartsWith("5.", version);
    }

    [Fact]
    public void Other_mlnet_major_version_is_refused()
    {
        // Given
        _folder.Write(ModelBundle.ManifestFile, TinyStanceBundle.ManifestJson(mlnetVersion: "99.0.1"));

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(_folder.Path));

        // Then
        Assert.Contains("ML.NET 99.0.1", e.Message);
        Assert.Contains(ModelBundle.MlNetVersion, e.Message);
    }

    [Fact]
    public void Manifest_pointing_at_a_missing_stance_zip_is_refused()
    {
        // Given
        _folder.Write(ModelBundle.ManifestFile, TinyStanceBundle.ManifestJson());

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(_folder.Path));

        // Then
        Assert.Contains(_folder.File("stance.zip"), e.Message);
        Assert.Contains("missing", e.Message);
        AssertTellsHowToRetrain(e);
    }

    [Fact]
    public void Corrupt_stance_zip_is_refused_as_corrupt()
    {
        // Given
        _folder.Write(ModelBundle.ManifestFile, TinyStanceBundle.ManifestJson());
        File.WriteAllBytes(_folder.File("stance.zip"), [0x50, 0x4B, 0x03, 0x04, 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x13, 0x37, 0xFF, 0x01]);

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(_folder.Path));

        // Then
        Assert.Contains("stance.zip", e.Message);
        Assert.Contains("corrupt", e.Message);
        Assert.NotNull(e.InnerException);
        AssertTellsHowToRetrain(e);
    }

    [Fact]
    public void Corrupt_speaker_zip_is_refused_as_corrupt()
    {
        // Given
        WriteBundle(TinyStanceBundle.ManifestJson(speakerFile: "speaker.zip"));
        _folder.Write("speaker.zip", "garbage that is not a zip archive at all");

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(_folder.Path));

        // Then
        Assert.Contains("speaker.zip", e.Message);
        Assert.Contains("corrupt", e.Message);
    }

    [Fact]
    public void Corrupt_speaker_and_stance_zips_report_the_speaker_first_though_they_load_side_by_side()
    {
        // Given
        _folder.Write(ModelBundle.ManifestFile, TinyStanceBundle.ManifestJson(speakerFile: "speaker.zip"));
        _folder.Write("speaker.zip", "garbage that is not a zip archive at all");
        _folder.Write("stance.zip", "garbage too");

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(_folder.Path));

        // Then
        Assert.Contains("speaker.zip", e.Message);
        Assert.DoesNotContain("stance.zip", e.Message);
    }

    [Fact]
    public void Stance_features_this_build_lacks_are_refused()
    {
        // Given
        WriteBundle(TinyStanceBundle.ManifestJson(features: "transformer"));

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(_folder.Path));

        // Then
        Assert.Contains("'transformer'", e.Message);
        Assert.Contains("--features ngram", e.Message);
    }

    [Fact]
    public void Valid_bundle_loads_with_its_manifest_info()
    {
        // When
        var bundle = ModelBundle.Load(_bundle.Directory);

        // Then
        Assert.NotNull(bundle.Stance);
        Assert.Null(bundle.Speaker);
        Assert.Equal(new[] { "against", "favor", "neutral" }, bundle.Info.StanceLabels.Order());
        Assert.Equal(1, bundle.Info.FormatVersion);
        Assert.Equal("SdcaMaximumEntropy", bundle.Info.StanceTrainer);
        Assert.Equal("rules", bundle.Info.SpeakerTrainer);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), bundle.Info.CreatedAt);
        Assert.Equal(Path.GetFullPath(_bundle.Directory), bundle.Info.Directory);
    }

    [Fact]
    public void Scorer_surfaces_the_load_exception_for_a_missing_folder()
    {
        // Given
        var options = new ScorerOptions { ModelDirectory = _folder.File("absent") };

        // When
        var e = Assert.Throws<ModelLoadException>(() => NewsScorer.Create(options));

        // Then
        Assert.Contains(_folder.File("absent"), e.Message);
    }

    [Fact]
    public void Bundle_whose_stance_model_is_not_registered_is_refused_with_the_package_and_call_to_add()
    {
        // Given: a bundle scored with sentence embeddings, and a scorer with no stance models registered
        WriteBundle(TinyStanceBundle.ManifestJson(features: "semantic-arcticxs"));

        // When
        var e = Assert.Throws<ModelLoadException>(() => NewsScorer.Create(new ScorerOptions { ModelDirectory = _folder.Path }));

        // Then
        Assert.Contains("semantic-arcticxs", e.Message);
        Assert.Contains("NewsStance.Predictor.Semantic", e.Message);
        Assert.Contains("UseSemanticStance()", e.Message);
        Assert.Contains("models/fast", e.Message);
    }

    [Fact]
    public void Bundle_with_stance_features_no_version_knows_is_refused_as_unknown()
    {
        // Given
        WriteBundle(TinyStanceBundle.ManifestJson(features: "quantum-stance"));

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(_folder.Path));

        // Then
        Assert.Contains("'quantum-stance', which this version of NewsStance does not know", e.Message);
    }

    [Fact]
    public void Scorer_surfaces_the_load_exception_for_a_corrupt_zip()
    {
        // Given
        _folder.Write(ModelBundle.ManifestFile, TinyStanceBundle.ManifestJson());
        File.WriteAllBytes(_folder.File("stance.zip"), Enumerable.Range(0, 512).Select(i => (byte)(i * 37)).ToArray());

        // When
        var e = Assert.Throws<ModelLoadException>(() => NewsScorer.Create(new ScorerOptions { ModelDirectory = _folder.Path }));

        // Then
        Assert.Contains("corrupt", e.Message);
    }

    /// <summary>The tiny bundle's stance model in the test folder, under the given manifest.</summary>
    private void WriteBundle(string manifestJson)
    {
        File.Copy(Path.Combine(_bundle.Directory, "stance.zip"), _folder.File("stance.zip"));
        _folder.Write(ModelBundle.ManifestFile, manifestJson);
    }
}
