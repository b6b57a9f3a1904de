using System.Text;
using System.Text.Json;
using NewsStance.Encoder;

namespace NewsStance.Semantic;

/// <summary>
/// The file of a fine-tuned stance encoder (<c>stance-encoder.bin</c>): only what training changed —
/// the encoder layers, the embedding LayerNorm and the classifier head — as fp16; the frozen embedding
/// tables come from the encoder's NuGet package at load time. Layout: the magic <c>NSENC1\n</c>, a
/// little-endian int32 header length, a JSON header (base encoder, layers, labels, tensors), then each
/// tensor's values as IEEE half floats in header order.
/// </summary>
internal static class EncoderStanceFile
{
    private static readonly byte[] Magic = "NSENC1\n"u8.ToArray();

    /// <summary>What the header records.</summary>
    internal sealed class Header
    {
        public string Encoder { get; set; } = "";
        public int Layers { get; set; }
        public int MaxTokens { get; set; }
        public List<string> Labels { get; set; } = [];
        public List<TensorEntry> Tensors { get; set; } = [];
    }

    internal sealed class TensorEntry
    {
        public string Name { get; set; } = "";
        public int Length { get; set; }
    }

    /// <summary>The parameters a bundle stores, in a fixed order: all but the embedding tables.</summary>
    public static IEnumerable<Parameter> Stored(StanceClassifier classifier)
    {
        var e = classifier.Encoder;
        return new[] { e.NormGamma, e.NormBeta }.Concat(e.Layers.SelectMany(l => l.Parameters)).Concat([classifier.Weight, classifier.Bias]);
    }

    public static void Write(string path, StanceClassifier classifier, string encoder, int maxTokens, IReadOnlyList<string> labels)
    {
        var stored = Stored(classifier).ToList();
        var header = new Header
        {
            Encoder = encoder, Layers = classifier.Encoder.Config.Layers, MaxTokens = maxTokens, Labels = [.. labels],
            Tensors = [.. stored.Select(p => new TensorEntry { Name = p.Name, Length = p.Length })],
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(header);
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(json.Length);
        writer.Write(json);
        var buffer = new byte[1 << 16];
        foreach (var p in stored)
        {
            for (int i = 0; i < p.Length;)
            {
                int n = Math.Min(buffer.Length / 2, p.Length - i);
                for (int k = 0; k < n; k++) BitConverter.TryWriteBytes(buffer.AsSpan(2 * k), (Half)p.Value[i + k]);
                writer.Write(buffer, 0, 2 * n);
                i += n;
            }
        }
    }

    public static Header ReadHeader(BinaryReader reader, string path)
    {
        var magic = reader.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic)) throw new InvalidDataException($"'{path}' is not a NewsStance stance-encoder file");
        int length = reader.ReadInt32();
        if (length <= 0 || length > 1 << 24) throw new InvalidDataException($"'{path}' has a corrupt header");
        return JsonSerializer.Deserialize<Header>(reader.ReadBytes(length)) ?? throw new InvalidDataException($"'{path}' has an empty header");
    }

    /// <summary>Reads the stored values into <paramref name="classifier"/>'s parameters (matched by name and length).</summary>
    public static void ReadValues(BinaryReader reader, Header header, StanceClassifier classifier, string path)
    {
        var byName = Stored(classifier).ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var entry in header.Tensors)
        {
            if (!byName.TryGetValue(entry.Name, out var p) || p.Length != entry.Length)
                throw new InvalidDataException($"'{path}' holds a tensor '{entry.Name}' ({entry.Length} values) that this encoder does not have");
            var bytes = reader.ReadBytes(entry.Length * 2);
            if (bytes.Length != entry.Length * 2) throw new InvalidDataException($"'{path}' is truncated");
            for (int i = 0; i < entry.Length; i++) p.Value[i] = (float)BitConverter.ToHalf(bytes, 2 * i);
        }
    }
}
