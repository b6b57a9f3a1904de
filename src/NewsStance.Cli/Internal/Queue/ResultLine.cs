using NewsStance.Cli.Internal.Writers;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>A scored article as the bytes <c>score --format jsonl</c> writes for it (the same writer), newline included.</summary>
internal static class ResultLine
{
    public static byte[] Of(ArticleResult result, ArticleInput input)
    {
        var buffer = new MemoryStream();
        using (var writer = new JsonlResultWriter(buffer)) writer.Write(result, input);
        return buffer.ToArray();
    }
}
