using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsStance.Cli.Internal.Writers;

/// <summary>
/// One JSON object per article per line, exactly as spec/OUTPUT.md §2 fixes it. Fields from a JSONL
/// input other than id and text are carried through; its date, dateline and title fill the spec's fields.
/// </summary>
internal sealed class JsonlResultWriter(Stream output) : IResultWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Stream _output = output;
    // Each line is made in memory and written whole, newline included: one write to the output per article (stdout is
    // unbuffered, and writing the object and its newline apart cost two system calls), still as each article is done.
    private readonly ArrayBufferWriter<byte> _line = new();

    public void Write(ArticleResult r, ArticleInput input)
    {
        _line.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_line, Options))
        {
            w.WriteStartObject();
            var meta = ArticleMetadata.Of(r, input);
            w.WriteString("article_id", r.ArticleId);
            w.WriteString("date", meta.Date);
            w.WriteString("dateline", meta.Dateline);
            if (meta.Title is not null) w.WriteString("title", meta.Title);
            foreach (var (k, v) in meta.Extra) { w.WritePropertyName(k); v.WriteTo(w); }
            w.WriteStartArray("quotes");
            foreach (var q in r.Quotes) WriteQuote(w, q);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        _line.Write("\n"u8);
        _output.Write(_line.WrittenSpan);
    }

    private static void WriteQuote(Utf8JsonWriter w, QuoteResult q)
    {
        w.WriteStartObject();
        w.WriteString("type", q.Type.ToString().ToLowerInvariant());
        w.WriteString("text", q.Text);
        w.WriteStartArray("content_spans");
        foreach (var s in q.ContentSpans) WriteSpan(w, s);
        w.WriteEndArray();
        if (q.Cue is null) w.WriteNull("cue");
        else
        {
            w.WriteStartObject("cue");
            w.WriteString("text", q.Cue.Text);
            w.WritePropertyName("span");
            WriteSpan(w, q.Cue.Span);
            w.WriteEndObject();
        }
        if (q.Speaker is null) w.WriteNull("speaker");
        else
        {
            var s = q.Speaker;
            w.WriteStartObject("speaker");
            w.WriteString("mention", s.Mention);
            w.WritePropertyName("span");
            WriteSpan(w, s.Span);
            w.WriteString("name", s.Name);
            w.WriteString("kind", s.Kind.ToString().ToLowerInvariant());
            w.WriteString("role", s.Role);
            w.WriteNumber("confidence", s.Confidence);
            w.WriteEndObject();
        }
        w.WriteStartArray("stance");
        foreach (var st in q.Stance)
        {
            w.WriteStartObject();
            w.WriteString("target", st.Target);
            w.WriteString("label", st.Label);
            w.WriteNumber("confidence", st.Confidence);
            w.WriteStartObject("scores");
            foreach (var (label, score) in st.Scores) w.WriteNumber(label, score);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter w, TextSpan s)
    {
        w.WriteStartArray();
        w.WriteNumberValue(s.Start);
        w.WriteNumberValue(s.End);
        w.WriteEndArray();
    }

    public void Dispose() => _output.Flush();
}
