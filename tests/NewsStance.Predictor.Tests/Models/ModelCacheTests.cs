using Microsoft.ML;
using NewsStance.Internal.Models;
using NewsStance.Internal.Speakers;
using NewsStance.Internal.Stance;

namespace NewsStance.Tests.Models;

/// <summary>
/// The model cache (<see cref="ModelCache"/>): the shipped <c>models/fast</c> loaded cold (tables read from ML.NET and
/// written) and warm (read from the cache, ML.NET not loaded) scores the same as ML.NET; a damaged file is rebuilt.
/// </summary>
public sealed class ModelCacheTests
{
    private static string StanceZip => Path.Combine(RepoModels.Fast, "stance.zip");

    [Fact]
    public void A_warm_load_reads_both_models_tables_from_the_cache_and_scores_as_MLNET()
    {
        // Given: a cold load, which writes the stance tables and the speaker trees
        using var folder = new TempFolder();
        var cache = new ModelCache(folder.Path);
        var cold = ModelBundle.Load(RepoModels.Fast, cache: cache);
        (cold.Stance as IDisposable)?.Dispose();
        Assert.Equal(2, Directory.GetFiles(folder.Path, "*.bin").Length);

        // When: a second load
        var warm = ModelBundle.Load(RepoModels.Fast, cache: cache);

        // Then: the stance model scores in C# without having loaded ML.NET, with ML.NET's scores to the bit
        using var stance = Assert.IsType<MlStanceModel>(warm.Stance);
        Assert.True(stance.ScoresInCSharp);
        Assert.False(stance.MlNetLoaded);
        var ml = new MLContext(seed: 0);
        using var engine = ml.Model.CreatePredictionEngine<StanceRow, StancePrediction>(ml.Model.Load(StanceZip, out _));
        foreach (var text in new[] { "The council's plan is a disaster for TARGET, not a success.", "We welcome TARGET and the new budget.", "" })
        {
            var row = StanceFeaturizer.Build(text, "the mayor", -1, -1, "say");
            Assert.Equal(engine.Predict(row).Score, stance.PredictRow(row).Scores);
        }
        Assert.False(stance.MlNetLoaded);

        // And the speaker ranker's trees from the cache score as the ones read from ML.NET
        var vectors = Enumerable.Range(0, 50).Select(i => Enumerable.Range(0, SpeakerFeatures.Count).Select(j => (float)((i * 31 + j * 17) % 7 - 2)).ToArray()).ToList();
        var fromMl = FastTreeSpeakerScorer.Load(new MLContext(seed: 0), Path.Combine(RepoModels.Fast, "speaker.zip"));
        Assert.Equal(fromMl.Score(vectors), warm.Speaker!.Score(vectors));
    }

    [Theory]
    [InlineData("flipped byte")]
    [InlineData("truncated")]
    [InlineData("empty")]
    public void A_damaged_cache_file_is_not_read_and_is_written_again(string damage)
    {
        // Given: the stance tables cached, then the file damaged
        using var folder = new TempFolder();
        var cache = new ModelCache(folder.Path);
        MlStanceModel.Load(StanceZip, cache).Dispose();
        var path = Assert.Single(Directory.GetFiles(folder.Path, "stance-*.bin"));
        var sound = File.ReadAllBytes(path);
        var bytes = (byte[])sound.Clone();
        switch (damage)
        {
            case "flipped byte": bytes[bytes.Length / 2] ^= 0x10; File.WriteAllBytes(path, bytes); break;
            case "truncated": File.WriteAllBytes(path, bytes[..(bytes.Length - 1000)]); break;
            default: File.WriteAllBytes(path, []); break;
        }

        // When
        using var model = MlStanceModel.Load(StanceZip, cache);

        // Then: the tables were read from ML.NET again (ML.NET loaded), and the file is whole again
        Assert.True(model.ScoresInCSharp);
        Assert.True(model.MlNetLoaded);
        Assert.Equal(sound, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_file_sound_by_its_checksum_that_does_not_parse_counts_as_absent()
    {
        using var folder = new TempFolder();
        var cache = new ModelCache(folder.Path);
        Assert.True(cache.TryWrite("x.bin", w => w.Write(7)));

        Assert.Null(cache.TryRead("x.bin", StanceTables.Read));
        Assert.Equal(7, cache.TryRead("x.bin", r => (object)r.ReadInt32()));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_made_keeps_nothing_and_says_nothing()
    {
        // Given: the cache's folder is a path below a file
        using var folder = new TempFolder();
        var file = folder.Write("not-a-folder", "x");
        var cache = new ModelCache(Path.Combine(file, "cache"));

        // When
        using var model = MlStanceModel.Load(StanceZip, cache);

        // Then: scored in C# all the same, and nothing written
        Assert.True(model.ScoresInCSharp);
        Assert.Null(model.FallbackReason);
        Assert.False(cache.TryWrite("x.bin", w => w.Write(1)));
        Assert.Equal(["not-a-folder"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_write_removes_the_file_s_temporary_files_a_killed_writer_left_and_keeps_a_fresh_one()
    {
        // Given: an hour-old temporary file of the cache file (a writer killed mid-write) and a fresh one (a write in progress)
        using var folder = new TempFolder();
        var cache = new ModelCache(folder.Path);
        var abandoned = Path.Combine(folder.Path, "tables.bin.123.abc.tmp");
        var inProgress = Path.Combine(folder.Path, "tables.bin.456.def.tmp");
        File.WriteAllBytes(abandoned, [1, 2, 3]);
        File.WriteAllBytes(inProgress, [1, 2, 3]);
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow - CacheFileWriter.AbandonedAfter - TimeSpan.FromMinutes(5));

        // When
        Assert.True(cache.TryWrite("tables.bin", w => w.Write(42)));

        // Then
        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(inProgress));
        Assert.Equal(42, cache.TryRead("tables.bin", r => (object)r.ReadInt32()));
    }

    [Fact]
    public void A_write_removes_cache_files_unused_for_a_month_and_keeps_the_ones_read_since()
    {
        // Given: three cache files last written two months ago (a retrained bundle's tables, an old graph, a
        // dead run's checkpoint), one of them read since; and an old file of another kind
        using var folder = new TempFolder();
        var cache = new ModelCache(folder.Path);
        var longAgo = DateTime.UtcNow - CacheFileWriter.UnusedAfter - TimeSpan.FromDays(30);
        Assert.True(cache.TryWrite("read-since.bin", w => w.Write(7)));
        string[] stale = ["retrained-bundle.bin", "old-package.onnx", "dead-run.ckpt"];
        foreach (var name in stale) File.WriteAllBytes(Path.Combine(folder.Path, name), [1]);
        var notOurs = Path.Combine(folder.Path, "notes.txt");
        File.WriteAllText(notOurs, "kept");
        foreach (var name in stale.Append("read-since.bin").Append("notes.txt")) File.SetLastWriteTimeUtc(Path.Combine(folder.Path, name), longAgo);
        Assert.Equal(7, cache.TryRead("read-since.bin", r => (object)r.ReadInt32()));

        // When: a new file is written
        Assert.True(cache.TryWrite("new.bin", w => w.Write(1)));

        // Then
        Assert.All(stale, name => Assert.False(File.Exists(Path.Combine(folder.Path, name)), name));
        Assert.Equal(["new.bin", "notes.txt", "read-since.bin"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }
}
