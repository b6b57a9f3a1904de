namespace NewsStance.Cli.Internal.Queue;

/// <summary>The three durable queues the scale-out commands share.</summary>
/// <param name="Articles">Articles to score, one JSON object (<c>{"id", "text", …}</c>) per message.</param>
/// <param name="Results">Scored articles, one spec/OUTPUT.md §2 JSON object per message.</param>
/// <param name="DeadLetters">Messages that are not articles (or could not be scored), with the reason in a header.</param>
internal sealed record QueueNames(string Articles, string Results, string DeadLetters);
