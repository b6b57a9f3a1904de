using Microsoft.Extensions.Logging;

namespace NewsStance.Internal.Logging;

/// <summary>What a scorer logs, declared once (the source generator writes allocation-free methods).</summary>
internal static partial class ScorerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Loaded model bundle {Directory} (stance: {StanceTrainer}, speakers: {SpeakerTrainer}) in {ElapsedMilliseconds} ms")]
    public static partial void ModelLoaded(ILogger logger, string directory, string stanceTrainer, string speakerTrainer, long elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Scoring with the built-in rules only: no model bundle, no stance")]
    public static partial void RulesOnly(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The model bundle could not be loaded: {Reason}")]
    public static partial void ModelLoadFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Article {ArticleId} could not be scored")]
    public static partial void ArticleFailed(ILogger logger, string articleId, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Model bundle {Directory}: {Reason}")]
    public static partial void StanceFallback(ILogger logger, string directory, string reason);
}
