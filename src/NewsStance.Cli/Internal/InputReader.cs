using System.Text.Json;

namespace NewsStance.Cli.Internal;

/// <summary>
/// Expands the command line's inputs into articles: files, folders (recursively, <c>*.txt</c> and
/// <c>*.jsonl</c>, in name order), <c>-</c> for stdin, and JSON Lines files (one article per line).
/// Lazy: each article is read when it is asked for, and JSON Lines (files or stdin) are read line by
/// line, so a batch of any size is never held in memory whole.
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
                List<string> files;
                string? listError = null;
                try
                {
                    files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false })
                        .Where(IsArticleFile)
                        .Order(StringComparer.Ordinal).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    files = [];
                    listError = e.Message;
                }
                if (listError is not null) yield return Failed(path, $"cannot list folder: {listError}");
                else if (files.Count == 0) yield return Failed(path, "no *.txt or *.jsonl files in this folder or below it: nothing to score");
                foreach (var f in files) foreach (var a in ReadFile(f)) yield return a;
                continue;
            }
            if (!File.Exists(path))
            {
                yield return Failed(path, "no such file or folder");
                continue;
            }
            if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                // A table of articles scored as one article would only give nonsense: say how to give them.
                yield return Failed(path, "a CSV file is not an article: give articles as .txt files, or as JSON Lines (one {\"id\": …, \"text\": …} object per line)");
                continue;
            }
            foreach (var a in ReadFile(path)) yield return a;
        }
    }

    /// <summary>
    /// How many articles <paramref name="paths"/> hold, counted without keeping their text (for a
    /// progress bar); null when one of them is stdin, which can be read only once.
    /// </summary>
    public static int? Count(IEnumerable<string> paths)
    {
        int count = 0;
        foreach (var path in paths)
        {
            if (path == "-") return null;
            IEnumerable<string> files = [path];
            if (Directory.Exists(path))
            {
                try { files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsArticleFile).ToList(); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { files = []; }
            }
            foreach (var f in files)
            {
                if (!f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)) { count++; continue; }
                try
                {
                    using var stream = File.OpenRead(f);
                    count += ByteLines.Read(stream).Count(l => !IsBlank(l.Bytes));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { count++; }
            }
        }
        return count;
    }

    private static bool IsArticleFile(string f)
        => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    private static bool IsBlank(byte[] line) => line.AsSpan().Trim(" \t\r"u8).IsEmpty;

    private static ArticleInput Failed(string source, string error) => new(source, Path.GetFileNameWithoutExtension(source), "", Error: error);

    private static IEnumerable<ArticleInput> ReadFile(string path)
    {
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            Stream? stream = null;
            string? openError = null;
            try { stream = File.OpenRead(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { openError = $"cannot read file: {e.Message}"; }
            if (stream is null) { yield return Failed(path, openError!); yield break; }
            using (stream) foreach (var a in ReadJsonLines(path, stream)) yield return a;
            yield break;
        }
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
        if (text.Trim().Length == 0) warning = (warning is null ? "" : warning + "; ") + "empty article: no text to score";
        yield return new ArticleInput(path, Path.GetFileNameWithoutExtension(path), text, Warning: warning);
    }

    private static IEnumerable<ArticleInput> ReadStdin(Func<Stream> stdin)
    {
        // JSON Lines when the first character that is not white space (or a BOM) is '{'; else one article.
        var input = stdin();
        var head = new MemoryStream();
        int b;
        while ((b = input.ReadByte()) >= 0)
        {
            head.WriteByte((byte)b);
            if (b is not (' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)) break;
        }
        var all = new PrefixedStream(head.ToArray(), input);
        if (b == '{')
        {
            foreach (var a in ReadJsonLines("stdin", all)) yield return a;
            yield break;
        }
        using var ms = new MemoryStream();
        all.CopyTo(ms);
        var text = ArticleDecoder.Decode(ms.GetBuffer().AsSpan(0, (int)ms.Length), out var error, out var warning);
        if (text is null) { yield return Failed("stdin", error!); yield break; }
        yield return new ArticleInput("stdin", "stdin", text, Warning: text.Trim().Length == 0 ? "empty article: no text to score" : warning);
    }

    /// <summary>
    /// One article per non-blank line, read as it goes. The first <see cref="ArticleDecoder.ProbeBytes"/>
    /// bytes are looked at before any line is used, so a binary file is refused whole; invalid UTF-8 is
    /// replaced and reported once per source, at the line where it first occurs.
    /// </summary>
    private static IEnumerable<ArticleInput> ReadJsonLines(string source, Stream stream)
    {
        using var lines = ByteLines.Read(stream).GetEnumerator();
        var probe = new List<(byte[] Bytes, long Offset)>();
        long probed = 0;
        string? readError = null;
        bool more = true;
        while (probed < ArticleDecoder.ProbeBytes && (more = Next(lines, ref readError)))
        {
            probe.Add(lines.Current);
            probed += lines.Current.Bytes.Length + 1;
        }
        if (probe.Any(l => l.Bytes.AsSpan(0, (int)Math.Min(l.Bytes.Length, Math.Max(0, ArticleDecoder.ProbeBytes - l.Offset))).Contains((byte)0)))
        {
            yield return Failed(source, ArticleDecoder.BinaryError);
            yield break;
        }
        bool warned = false, any = false;
        int lineNo = 0;
        foreach (var (bytes, offset) in more ? probe.Concat(Rest(lines)) : probe)
        {
            lineNo++;
            if (IsBlank(bytes)) continue;
            any = true;
            var span = offset == 0 && bytes.AsSpan().StartsWith(ArticleDecoder.Bom) ? bytes.AsSpan(3) : bytes.AsSpan();
            var line = ArticleDecoder.DecodeUtf8(span, out var badByte).TrimEnd('\r');
            string? warning = null;
            if (badByte >= 0 && !warned)
            {
                warned = true;
                warning = ArticleDecoder.InvalidUtf8(offset + badByte);
            }
            yield return ParseLine(source, lineNo, line, warning);
        }
        if (readError is not null) yield return Failed(source, $"cannot read file: {readError}");
        else if (!any) yield return new ArticleInput(source, "", "", Warning: "empty JSON Lines file: no articles to score", NoArticle: true);

        IEnumerable<(byte[] Bytes, long Offset)> Rest(IEnumerator<(byte[] Bytes, long Offset)> e)
        {
            string? error = null;
            while (Next(e, ref error)) yield return e.Current;
            readError = error;
        }
    }

    private static bool Next(IEnumerator<(byte[] Bytes, long Offset)> lines, ref string? error)
    {
        try { return lines.MoveNext(); }
        catch (IOException e) { error = e.Message; return false; }
    }

    private static ArticleInput ParseLine(string source, int lineNo, string line, string? warning)
        => ParseArticle($"{source}:{lineNo}", line, $"{Path.GetFileNameWithoutExtension(source)}-{lineNo}", warning);

    /// <summary>
    /// One article in the JSON Lines shape (<c>{"id": …, "text": …, …}</c>), as <c>score</c> reads each line;
    /// <paramref name="defaultId"/> stands for a missing <c>id</c>. Never throws: a bad object comes back with its error.
    /// </summary>
    public static ArticleInput ParseArticle(string where, string line, string defaultId, string? warning = null)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return Failed(where, "line is JSON but not an object with \"id\" and \"text\"") with { Warning = warning };
            if (!doc.RootElement.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
                return Failed(where, "object has no string \"text\" field") with { Warning = warning };
            string id = doc.RootElement.TryGetProperty("id", out var idEl)
                ? idEl.ValueKind == JsonValueKind.String ? idEl.GetString()! : idEl.GetRawText()
                : defaultId;
            var extra = new Dictionary<string, JsonElement>();
            foreach (var p in doc.RootElement.EnumerateObject())
                if (p.Name is not ("id" or "text")) extra[p.Name] = p.Value.Clone();
            return new ArticleInput(where, id, t.GetString()!, extra, Warning: warning);
        }
        catch (JsonException e)
        {
            return Failed(where, $"not valid JSON ({e.Message.Split('.')[0]})") with { Warning = warning };
        }
    }
}
