using System.Text.Json;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>
/// The article ids in result JSON Lines (the output of <c>score --format jsonl</c>, <c>worker --output</c>
/// or <c>collect</c>): the work that is already done. A line that is not a result (the torn last line of
/// a worker killed mid-write) is skipped: its article was never acknowledged, so it is scored again.
/// </summary>
internal static class ResultIds
{
    /// <summary>The <c>article_id</c> of one result line; null when the line is not a result.</summary>
    public static string? Of(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            string? id = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isId = reader.ValueTextEquals("article_id"u8);
                if (!reader.Read()) return null;
                if (isId && reader.TokenType == JsonTokenType.String) id = reader.GetString();
                reader.Skip();
            }
            // Read to the end, so a torn line (its article_id comes first) does not count as a result.
            return reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && !reader.Read() ? id : null;
        }
        catch (JsonException) { return null; }
    }

    /// <summary>Adds the ids in <paramref name="path"/> to <paramref name="ids"/>; returns how many lines were not results.</summary>
    public static int Read(string path, ISet<string> ids)
    {
        int bad = 0;
        using var stream = File.OpenRead(path);
        foreach (var (bytes, _) in ByteLines.Read(stream))
        {
            var line = bytes.AsSpan().Trim(" \t\r"u8);
            if (line.IsEmpty) continue;
            if (Of(line) is { } id) ids.Add(id);
            else bad++;
        }
        return bad;
    }
}
