using System.Text.Json;

namespace NewsStance.Cli.Internal;

/// <summary>
/// One article to score, or an input that failed before scoring (<see cref="Error"/> set). An <see cref="ArticleText"/>,
/// so it rides through the library's batch and comes back with its outcome.
/// </summary>
/// <param name="Source">Where it came from, for messages: a path, a path:line, or "stdin".</param>
/// <param name="Id">The article id: file name without extension, or the JSONL <c>id</c>.</param>
/// <param name="Text">The article text as read (BOM removed).</param>
/// <param name="Extra">Other JSONL fields, carried through to the output.</param>
/// <param name="Error">Why the input could not be read; null when it can be scored.</param>
/// <param name="Warning">Something worth saying about an input that is still scored.</param>
/// <param name="NoArticle">True for an input that holds no article at all (an empty JSON Lines file): only its warning is reported.</param>
internal sealed record ArticleInput(string Source, string Id, string Text, IReadOnlyDictionary<string, JsonElement>? Extra = null, string? Error = null, string? Warning = null, bool NoArticle = false)
    : ArticleText(Id, Text);
