using NewsStance.Internal;
using NewsStance.Internal.Models;
using NewsStance.Internal.Speakers;

namespace NewsStance;

/// <summary>
/// Finds the quotations in news articles, attributes them to speakers and labels their stance.
/// Create one instance (it loads the model bundle once) and share it: <see cref="Score(string, string, IReadOnlyList{StanceTarget}?)"/>
/// is safe to call from many threads at once.
/// </summary>
/// <example>
/// <code>
/// using var scorer = NewsScorer.Create();
/// var result = scorer.Score("peskov", File.ReadAllText("article.txt"),
///     [StanceTarget.Parse("Nicolas Maduro|Maduro|the Venezuelan president")]);
/// foreach (var q in result.Quotes)
///     Console.WriteLine($"{q.Speaker?.Name}: {q.Text} ({q.Stance.FirstOrDefault()?.Label})");
/// </code>
/// </example>
public sealed class NewsScorer : IDisposable
{
    private readonly ArticlePipeline _pipeline;

    private NewsScorer(ArticlePipeline pipeline, ModelInfo? model)
    {
        _pipeline = pipeline;
        Model = model;
    }

    /// <summary>What the loaded model bundle is, or null when scoring with the built-in rules only.</summary>
    public ModelInfo? Model { get; }

    /// <summary>
    /// Creates a scorer. With <see cref="ScorerOptions.ModelDirectory"/> unset, the bundle is looked up in
    /// the <c>NEWSSTANCE_MODEL</c> environment variable, then <c>models/default</c> beside the executable,
    /// then in the working directory and its parents. The shipped <c>models/default</c> scores stance with
    /// sentence embeddings: an app that loads it references <c>NewsStance.Predictor.Semantic</c> too; with the
    /// core predictor alone, load <c>models/fast</c> (n-gram stance).
    /// </summary>
    /// <exception cref="ModelLoadException">The bundle is missing, corrupt or of another version.</exception>
    public static NewsScorer Create(ScorerOptions? options = null)
    {
        options ??= new ScorerOptions();
        if (options.RulesOnly)
            return new NewsScorer(new ArticlePipeline(RuleSpeakerScorer.Instance, null), null);
        var dir = options.ModelDirectory is { } named ? ModelLocator.Resolve(named) : ModelLocator.Find();
        if (dir is null)
            throw new ModelLoadException("No model bundle found. Pass --model DIR, set NEWSSTANCE_MODEL, or train one with "
                + "`dotnet run --project src/NewsStance.Training -- train --data training-data --out models/default`.");
        var bundle = ModelBundle.Load(dir);
        return new NewsScorer(new ArticlePipeline(bundle.Speaker ?? (ISpeakerScorer)RuleSpeakerScorer.Instance, bundle.Stance), bundle.Info);
    }

    /// <summary>Scores one article.</summary>
    /// <param name="articleId">Carried into the result (the file name without extension, or the JSONL id).</param>
    /// <param name="text">The article text exactly as read; all offsets in the result index this string.</param>
    /// <param name="targets">Stance targets; when null or empty, each quote is scored toward the named entities it mentions.</param>
    public ArticleResult Score(string articleId, string text, IReadOnlyList<StanceTarget>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        ArgumentNullException.ThrowIfNull(text);
        return _pipeline.Run(articleId, text, targets);
    }

    /// <summary>
    /// The people and organisations an article names, with how often and in how many of its quotes: the
    /// candidates for stance targets (what scoring without targets scores toward). Uses no model.
    /// </summary>
    /// <param name="text">The article text.</param>
    public static IReadOnlyList<NamedEntity> FindNamedEntities(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ArticlePipeline.NamedEntities("", text);
    }

    /// <inheritdoc />
    public void Dispose() { }
}
