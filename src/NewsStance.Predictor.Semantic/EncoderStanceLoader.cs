using NewsStance.Encoder;

namespace NewsStance.Semantic;

/// <summary>
/// Loads the stance model of a bundle trained with <c>--features encoder-arcticxs</c>: the encoder's
/// frozen embeddings from the SentenceTransformers package, everything training changed from the
/// bundle's <c>stance-encoder.bin</c>, for <see cref="SemanticStanceModels"/>.
/// </summary>
internal static class EncoderStanceLoader
{
    /// <summary>The stance features a fine-tuned encoder bundle records, and the package encoder each starts from.</summary>
    internal static readonly IReadOnlyDictionary<string, SentenceModel> Encoders = new Dictionary<string, SentenceModel>
    {
        ["encoder-arcticxs"] = SentenceModel.ArcticXs,
        ["encoder-minilm"] = SentenceModel.MiniLM,
    };

    /// <summary>Loads <paramref name="path"/> (a <c>stance-encoder.bin</c>) over the package encoder that <paramref name="features"/> names.</summary>
    /// <exception cref="ModelLoadException">The features are unknown, or the file is missing, corrupt or built for another encoder.</exception>
    internal static EncoderStanceModel LoadModel(string path, string features, string bundleDirectory)
    {
        const string retrain = "Retrain it with the training app (`newsstance-train train-stance --features encoder-arcticxs --data CSV --out DIR`), or set ScorerOptions.ModelDirectory to another bundle.";
        if (!Encoders.TryGetValue(features, out var model))
            throw new ModelLoadException($"'{bundleDirectory}' uses stance features '{features}'; this version knows {string.Join(", ", Encoders.Keys)}.");
        if (!File.Exists(path)) throw new ModelLoadException($"'{path}' is missing from the bundle. {retrain}");
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            var header = EncoderStanceFile.ReadHeader(reader, path);
            if (header.Encoder != features)
                throw new ModelLoadException($"'{path}' was trained over '{header.Encoder}', but the manifest says '{features}'. {retrain}");
            var onnx = model.LoadOnnx();
            var named = EncoderFactory.NamedWeights(onnx);
            var encoder = EncoderFactory.FromOnnx(named, trainable: false, header.Layers);
            var classifier = new StanceClassifier(encoder, header.Labels.Count);
            EncoderStanceFile.ReadValues(reader, header, classifier, path);
            // Score with ONNX Runtime over the fine-tuned weights (2.5x the C# pass's speed), the graph cut to
            // the bundle's layers, its weight products in int8 and its attention fused, as the frozen sentence encoder runs.
            var runner = new OnnxHiddenStates(ScoringGraph.Build(EncoderFactory.PatchOnnx(onnx, named, encoder)), encoder.Config.Hidden);
            classifier = new StanceClassifier(encoder, header.Labels.Count, classifier.Weight, classifier.Bias) { Runner = runner.Run };
            return new EncoderStanceModel(classifier, new StanceEncoding(new WordTokenizer(model, header.MaxTokens)), header.Labels);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or System.Text.Json.JsonException or IOException)
        {
            throw new ModelLoadException($"'{path}' could not be loaded ({e.Message}). {retrain}", e);
        }
    }

    /// <summary>A classifier over the package encoder's first <paramref name="layers"/> layers, with a fresh head.</summary>
    internal static StanceClassifier Create(SentenceModel model, int layers, int classes, bool trainable, int seed = 0)
    {
        var encoder = EncoderFactory.FromOnnx(model.LoadOnnx(), trainable, layers);
        return new StanceClassifier(encoder, classes, seed: seed);
    }
}
