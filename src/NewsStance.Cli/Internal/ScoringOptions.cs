using System.CommandLine;
using NewsStance.Apps;

namespace NewsStance.Cli.Internal;

/// <summary>
/// The options every command that scores articles shares (<c>score</c>, <c>summarize</c>): the model bundle,
/// stance targets and threads; and the scoring itself, through the library's batch (parallel, results in input order).
/// </summary>
internal sealed class ScoringOptions
{
    public Option<string?> Model { get; } = new("--model", "-m") { Description = "Model bundle: a folder, or a name under models/ (default, fast) found beside the program or above the working directory. Default: $NEWSSTANCE_MODEL, else default. fast scores about 10x faster with weaker (n-gram) stance; speakers are the same." };
    public Option<bool> RulesOnly { get; } = new("--rules-only") { Description = "Use no model bundle: hand-set speaker scoring, no stance." };
    public Option<string[]> Target { get; } = new("--target", "-t")
    {
        Description = "A stance target as \"Name|alias|alias\" (repeatable). Without targets, quotes are scored toward the people and organisations they name.",
        AllowMultipleArgumentsPerToken = false,
    };
    public Option<string?> Targets { get; } = new("--targets") { Description = "A file with one target per line, in the --target form (newsstance targets --format targets writes one)." };
    public Option<int> Threads { get; } = new("--threads") { Description = "Articles scored in parallel. Default: the number of cores.", DefaultValueFactory = _ => Environment.ProcessorCount };

    public IEnumerable<Option> All => [Model, RulesOnly, Target, Targets, Threads];

    /// <summary>The targets and the scorer the options ask for; false (reported) on a bad targets file or an unusable bundle.</summary>
    public bool TryCreate(ParseResult parse, ErrorReporter errors, out NewsScorer scorer, out List<StanceTarget> targets)
    {
        scorer = null!;
        try { targets = TargetList.Read(parse.GetValue(Target) ?? [], parse.GetValue(Targets)); }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            errors.Error(e.Message);
            targets = [];
            return false;
        }
        var rulesOnly = parse.GetValue(RulesOnly);
        var model = parse.GetValue(Model);
        // The library loads the folder it is given; finding one (NEWSSTANCE_MODEL, models/NAME) is the app's job.
        var directory = rulesOnly ? null : model is null ? ModelLocator.Find() : ModelLocator.Resolve(model);
        if (!rulesOnly && directory is null)
        {
            errors.Error($"no model bundle found: no models/default beside the program or above the working directory. "
                + $"Pass --model DIR (a bundle folder), set {ModelLocator.EnvironmentVariable}, or use --rules-only.");
            return false;
        }
        try
        {
            var options = new ScorerOptions { ModelDirectory = directory, RulesOnly = rulesOnly };
            // Only a bundle can use the sentence encoder: without one, its assemblies (and ML.NET's) are not even loaded.
            scorer = NewsScorer.Create(rulesOnly ? options : options.UseSemanticStance());
            return true;
        }
        catch (ModelLoadException e)
        {
            // The library's messages speak of its options; here the option is a flag.
            errors.Error(e.Message.Replace("ScorerOptions.ModelDirectory", "--model", StringComparison.Ordinal)
                + (model is null ? "" : ModelLocator.NotFoundHint(model)));
            return false;
        }
    }

    /// <summary>
    /// Scores <paramref name="inputs"/> with the library's batch on <paramref name="threads"/> threads, streamed, in input
    /// order; an article that fails is reported with its error and the batch goes on. Nothing throws but cancellation.
    /// </summary>
    public static IEnumerable<(ArticleInput Input, ArticleResult? Result, string? Error)> Score(
        NewsScorer scorer, IEnumerable<ArticleInput> inputs, IReadOnlyList<StanceTarget> targets, int threads, CancellationToken cancellation = default)
        // Inputs that failed before scoring hold no text: scoring "" costs nothing and keeps them in their place in the output order.
        => scorer.TryScoreBatch(inputs, targets, Math.Max(1, threads), cancellation).Select(Reported);

    private static (ArticleInput, ArticleResult?, string?) Reported(ArticleOutcome outcome)
    {
        var input = (ArticleInput)outcome.Article;
        if (input.Error is not null) return (input, null, input.Error);
        if (input.NoArticle) return (input, null, null);
        if (outcome.Succeeded) return (input, outcome.Result, null);
        var cause = outcome.Error.InnerException ?? outcome.Error;
        return (input, null, $"scoring failed: {cause.GetType().Name}: {cause.Message}");
    }

    /// <summary>
    /// System.CommandLine hands unknown options to a command's paths argument: the ones that are neither
    /// files nor folders, to be refused as usage errors.
    /// </summary>
    public static List<string> UnknownOptions(IEnumerable<string>? paths)
        => (paths ?? []).Where(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p)).ToList();

    /// <summary>
    /// System.CommandLine hands unknown options to the paths argument: reports them as a usage error of
    /// <paramref name="command"/> and returns false, or returns true when there are none.
    /// </summary>
    public static bool RejectUnknownOptions(IEnumerable<string>? paths, ErrorReporter errors, string command)
    {
        var unknown = UnknownOptions(paths);
        if (unknown.Count == 0) return true;
        errors.Error($"unknown option{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)}. Run 'newsstance {command} --help' for the options.");
        return false;
    }
}
