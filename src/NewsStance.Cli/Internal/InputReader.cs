using System.Text.Json;

namespace NewsStance.Cli.Internal;

/// <summary>
/// Expands the command line's inputs into articles: files, folders (recursively, <c>*.txt</c> and
/// <c>*.jsonl</c>, in name order), <c>-</c> for stdin, and JSON Lines files (one article per line).
/// Nothing throws: an input that cannot be read becomes an <see cref="ArticleInput"/> with its error.
/// </summary>
internal static class InputReader
{
    public static IEnumerable<ArticleInput> Read(IEnumerable<string> paths, Func<Stream> stdin)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                foreach (var a in ReadStdin(stdin)) yield return a;
                continue;
            }
            if (Directory.Exists(path))
            {
                IEnumerable<string> files;
                string? listError = null;
                try
                {
                    files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false })
                        .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                        .Order(StringComparer.Ordinal).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    files = [];
                    listError = e.Message;
                }
                if (listError is not null) yield return Failed(path, $"cannot list folder: {listError}");
                foreach (var f in files) foreach (var a in ReadFile(f)) yield return a;
                continue;
            }
            if (!File.Exists(path))
            {
                yield return Failed(path, "no such file or folder");
                continue;
            }
            foreach (var a in ReadFile(path)) yield return a;
        }
    }

    private static ArticleInput Failed(string source, string error) => new(source, Path.GetFileNameWithoutExtension(source), "", Error: error);

    private static IEnumerable<ArticleInput> ReadFile(string path)
    {
        byte[] bytes;
        string? error = null;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bytes = [];
            error = $"cannot read file: {e.Message}";
        }
        if (error is not null) { yield return Failed(path, error); yield break; }
        var text = ArticleDecoder.Decode(bytes, out error, out var warning);
        if (text is null) { yield return Failed(path, error!); yield break; }
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var a in ReadJsonLines(path, text, warning)) yield return a;
            yield break;
        }
        if (text.Trim().Length == 0) warning = (warning is null ? "" : warning + "; ") + "empty article: no text to score";
        yield return new ArticleInput(path, Path.GetFileNameWithoutExtension(path), text, Warning: warning);
    }

    private static IEnumerable<ArticleInput> ReadStdin(Func<Stream> stdin)
    {
        using var ms = new MemoryStream();
        stdin().CopyTo(ms);
        var text = ArticleDecoder.Decode(ms.GetBuffer().AsSpan(0, (int)ms.Length), out var error, out var warning);
        if (text is null) { yield return Failed("stdin", error!); yield break; }
        // JSON Lines on stdin when the first non-blank line is a JSON object (bad lines later are reported by number).
        var firstLine = text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0);
        if (firstLine is not null && firstLine.TrimStart().StartsWith('{'))
        {
            foreach (var a in ReadJsonLines("stdin", text, warning)) yield return a;
            yield break;
        }
        yield return new ArticleInput("stdin", "stdin", text, Warning: text.Trim().Length == 0 ? "empty article: no text to score" : warning);
    }

    private static IEnumerable<ArticleInput> ReadJsonLines(string source, string text, string? warning)
    {
        if (text.Trim().Length == 0)
        {
            yield return new ArticleInput(source, "", "", Warning: "empty JSON Lines file: no articles to score", NoArticle: true);
            yield break;
        }
        int lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            string where = $"{source}:{lineNo}";
            ArticleInput input;
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    input = Failed(where, "line is JSON but not an object with \"id\" and \"text\"");
                else if (!doc.RootElement.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
                    input = Failed(where, "object has no string \"text\" field");
                else
                {
                    string id = doc.RootElement.TryGetProperty("id", out var idEl)
                        ? idEl.ValueKind == JsonValueKind.String ? idEl.GetString()! : idEl.GetRawText()
                        : $"{Path.GetFileNameWithoutExtension(source)}-{lineNo}";
                    var extra = new Dictionary<string, JsonElement>();
                    foreach (var p in doc.RootElement.EnumerateObject())
                        if (p.Name is not ("id" or "text")) extra[p.Name] = p.Value.Clone();
                    input = new ArticleInput(where, id, t.GetString()!, extra, Warning: warning);
                    warning = null; // a decoding warning is about the file: say it once
                }
            }
            catch (JsonException e)
            {
                input = Failed(where, $"not valid JSON ({e.Message.Split('.')[0]})");
            }
            yield return input;
        }
    }
}
