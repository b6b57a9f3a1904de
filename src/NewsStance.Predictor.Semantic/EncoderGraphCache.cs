using System.IO.Hashing;
using System.Text;
using NewsStance.Encoder;
using NewsStance.Internal.Models;

namespace NewsStance.Semantic;

/// <summary>What <see cref="EncoderGraphCache.Get(SentenceModel)"/> found on disk.</summary>
internal enum GraphCacheOutcome
{
    /// <summary>The cached graph was read and its checksum held.</summary>
    Hit,

    /// <summary>There was no cached graph: it was built and written.</summary>
    Written,

    /// <summary>The cached graph failed its checksum (truncated, altered): it was built again and written over.</summary>
    Replaced,

    /// <summary>The graph was built, and could not be written (the folder is read-only, the disk full, no cache folder): it is used from memory.</summary>
    NotWritten,
}

/// <summary>A graph ready for ONNX Runtime: a verified file on disk, or the bytes built in memory when none could be kept.</summary>
internal sealed record EncoderGraph(string? Path, byte[]? Bytes, GraphCacheOutcome Outcome);

/// <summary>
/// Keeps the scoring graph of a packaged sentence encoder (<see cref="ScoringGraph"/>'s rewrite of the package's
/// <c>model.onnx</c>) on disk, so a process starts in a fraction of a second instead of reading the 90 MB
/// graph from the package and rewriting it (about 2.5 CPU-seconds, most of models/default's start-up).
/// <para>
/// The file name is the key: the package, its version, its assembly's build id and <see cref="ScoringGraph.Version"/>;
/// a new package or rewrite gets a new file. The file ends with a checksum of everything before it (an ONNX
/// metadata entry, which ONNX Runtime reads and ignores), checked on every use: a file that fails it is rebuilt.
/// Writers write a temporary file and rename it into place, so processes that race see either no file or a whole
/// one. When the folder cannot be written the graph is built in memory each time, as without a cache.
/// </para>
/// The rewrite is deterministic, so a cached graph is byte for byte the one built in memory: vectors do not change.
/// </summary>
internal sealed class EncoderGraphCache(string? directory)
{
    private const string ChecksumKey = "newsstance.xxhash3";

    /// <summary>The per-user cache: <c>$XDG_CACHE_HOME/newsstance</c>, else <c>~/.cache/newsstance</c> (on Windows the local application data folder).</summary>
    public static EncoderGraphCache Default { get; } = new(UserCacheFolder.Path);

    /// <summary>Where graphs are kept; null when there is no such folder (no home directory).</summary>
    public string? Directory { get; } = directory;

    /// <summary>The int8 graph of <paramref name="model"/>: from the cache when it holds a sound copy, else built (and kept when it can be).</summary>
    public EncoderGraph Get(SentenceModel model) => Get(model, model.Layers);

    /// <summary>The int8 graph of <paramref name="model"/>'s first <paramref name="layers"/> encoder layers (<see cref="OnnxLayerCut"/>), cached as <see cref="Get(SentenceModel)"/>.</summary>
    public EncoderGraph Get(SentenceModel model, int layers) => Get(FileName(model, layers), () =>
    {
        var onnx = model.LoadOnnx();
        return ScoringGraph.Build(layers < model.Layers ? OnnxLayerCut.KeepLayers(onnx, layers) : onnx);
    });

    /// <summary>The graph cached as <paramref name="fileName"/>, or <paramref name="build"/>'s, written there.</summary>
    internal EncoderGraph Get(string fileName, Func<byte[]> build)
    {
        string? path = Directory is null ? null : System.IO.Path.Combine(Directory, fileName);
        bool present = path is not null && File.Exists(path);
        if (present && IsSound(path!))
        {
            CacheFileWriter.MarkUsed(path!);
            return new EncoderGraph(path, null, GraphCacheOutcome.Hit);
        }
        var graph = WithChecksum(build());
        if (path is null || !TryWrite(path, graph)) return new EncoderGraph(null, graph, GraphCacheOutcome.NotWritten);
        return new EncoderGraph(path, null, present ? GraphCacheOutcome.Replaced : GraphCacheOutcome.Written);
    }

    /// <summary>
    /// The cache file of <paramref name="model"/>: package, version, the package assembly's build id (a rebuilt
    /// package of the same version is another file) and the version of the rewrites (<see cref="ScoringGraph.Version"/>);
    /// a graph cut to fewer layers than the package's ends in <c>-L</c> and the number kept.
    /// </summary>
    public static string FileName(SentenceModel model) => FileName(model, model.Layers);

    /// <inheritdoc cref="FileName(SentenceModel)"/>
    public static string FileName(SentenceModel model, int layers)
    {
        var build = model.PackageAssemblyBuildId().ToString("N")[..12];
        var version = model.Package.Split(' ').ElementAtOrDefault(1) ?? "0";
        var cut = layers < model.Layers ? $"-L{layers}" : "";
        return $"{model.PackageId}-{version}-{build}-int8-{ScoringGraph.Version}{cut}.onnx";
    }

    /// <summary><paramref name="graph"/> with a last ModelProto.metadata_props entry holding the checksum of the bytes before it.</summary>
    internal static byte[] WithChecksum(byte[] graph)
    {
        using var output = new MemoryStream(graph.Length + 64);
        output.Write(graph);
        output.Write(ChecksumEntry(XxHash3.HashToUInt64(graph)));
        return output.ToArray();
    }

    /// <summary>Whether the file ends with the checksum entry of the bytes before it. Streams the file; never throws.</summary>
    internal static bool IsSound(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
            int trailer = ChecksumEntry(0).Length;
            long body = file.Length - trailer;
            if (body <= 0) return false;
            var hash = new XxHash3();
            var buffer = new byte[1 << 20];
            for (long left = body; left > 0;)
            {
                int n = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (n == 0) return false;
                hash.Append(buffer.AsSpan(0, n));
                left -= n;
            }
            var stored = new byte[trailer];
            file.ReadExactly(stored);
            return stored.AsSpan().SequenceEqual(ChecksumEntry(hash.GetCurrentHashAsUInt64()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>ModelProto field 14 (metadata_props): key <see cref="ChecksumKey"/>, value the checksum in 16 hex digits (so its length is fixed).</summary>
    private static byte[] ChecksumEntry(ulong checksum)
    {
        using var entry = new MemoryStream();
        Protobuf.WriteField(entry, 1, Encoding.ASCII.GetBytes(ChecksumKey));
        Protobuf.WriteField(entry, 2, Encoding.ASCII.GetBytes(checksum.ToString("x16")));
        using var field = new MemoryStream();
        Protobuf.WriteField(field, 14, entry.ToArray());
        return field.ToArray();
    }

    /// <summary>Writes the graph as <paramref name="path"/>, atomically; false (and nothing left behind) when that fails.</summary>
    private static bool TryWrite(string path, byte[] graph) => CacheFileWriter.TryWrite(path, graph);
}
