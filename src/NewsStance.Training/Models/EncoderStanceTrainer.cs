using System.Diagnostics;
using NewsStance.Encoder;
using NewsStance.Internal.Models;
using NewsStance.Semantic;
using NewsStance.Training.Data;
using NewsStance.Training.Reports;
using Spectre.Console;

namespace NewsStance.Training.Models;

/// <summary>How the stance encoder is fine-tuned. Defaults are the shipped bundle's (docs/encoder-stance.md).</summary>
internal sealed record EncoderTrainingOptions
{
    /// <summary>Passes over the training rows (early stopping may end sooner).</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Rows per step; batches hold rows of similar length.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Peak learning rate of the encoder (AdamW), reached after warm-up and decayed linearly to zero.</summary>
    public float LearningRate { get; init; } = 5e-5f;

    /// <summary>The freshly initialised head learns this many times faster than the pretrained encoder.</summary>
    public float HeadLearningRateFactor { get; init; } = 20f;

    /// <summary>Share of the steps spent warming up.</summary>
    public float Warmup { get; init; } = 0.1f;

    public float Dropout { get; init; } = 0.1f;

    public float WeightDecay { get; init; } = 0.01f;

    public float ClipNorm { get; init; } = 1f;

    /// <summary>Tokens per text (with the target segment); longer quotes are cut.</summary>
    public int MaxTokens { get; init; } = 96;

    /// <summary>Encoder layers kept (from the bottom); fewer is faster to train and to score.</summary>
    public int Layers { get; init; } = 6;

    /// <summary>Layers fine-tuned, from the top; the ones below (and the embedding LayerNorm) stay as pretrained. Null: all.</summary>
    public int? TrainedLayers { get; init; }

    /// <summary>Share of the training groups held aside to pick the best epoch (early stopping).</summary>
    public double ValidationShare { get; init; } = 0.1;

    /// <summary>Validation checks per epoch.</summary>
    public int ChecksPerEpoch { get; init; } = 2;

    /// <summary>Use both cores inside each matrix product.</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>Where checkpoints of a run in progress are kept (null: none are written); by default the user cache.</summary>
    public string? CheckpointFolder { get; init; } = UserCacheFolder.Path is { } cache ? Path.Combine(cache, "checkpoints") : null;

    /// <summary>Start over even when a checkpoint of the same run exists.</summary>
    public bool Fresh { get; init; }

    /// <summary>What decides the trained weights, in a fixed order: a checkpoint resumes only a run that agrees on all of it.</summary>
    public IEnumerable<string> Identity(string features) =>
        Settings(features).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")
            .Concat([$"warmup={Warmup:R}", $"weight_decay={WeightDecay:R}", $"clip={ClipNorm:R}", $"validation={ValidationShare:R}",
                $"checks={ChecksPerEpoch}", $"parallel={Parallel}"]);

    public Dictionary<string, string> Settings(string features) => new()
    {
        ["encoder"] = features, ["layers"] = Layers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["max_tokens"] = MaxTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["epochs"] = Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["batch_size"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["learning_rate"] = LearningRate.ToString("G", System.Globalization.CultureInfo.InvariantCulture),
        ["head_learning_rate_factor"] = HeadLearningRateFactor.ToString("G", System.Globalization.CultureInfo.InvariantCulture),
        ["dropout"] = Dropout.ToString("G", System.Globalization.CultureInfo.InvariantCulture),
        ["trained_layers"] = TrainedLayers?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all",
        ["pooling"] = "[CLS] beside the mean of the target's tokens (its mention, else a second segment with its name)",
        ["stored"] = "layers, embedding LayerNorm and head as fp16; embedding tables from the package",
    };
}

/// <summary>
/// Fine-tunes a pretrained encoder end to end for stance (<see cref="StanceClassifier"/>): AdamW with
/// warm-up and linear decay, dropout, gradient clipping, length-bucketed batches, early stopping on a
/// validation slice of the training groups, a fixed seed. Reports the held-out split as the other
/// trainers do and writes <c>stance-encoder.bin</c>.
/// </summary>
internal sealed class EncoderStanceTrainer(string features, EncoderTrainingOptions options, TextWriter progress, Interruption? interruption = null)
{
    public const string FileName = "stance-encoder.bin";

    public static bool IsEncoder(string features) => EncoderStanceLoader.Encoders.ContainsKey(features);

    public (Manifest.StanceSection Section, Action<string> Save) Train(IReadOnlyList<StanceExample> train, IReadOnlyList<StanceExample> test, int seed, IAnsiConsole console)
    {
        var model = EncoderStanceLoader.Encoders[features];
        var labels = train.Select(t => t.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var encoding = new StanceEncoding(new WordTokenizer(model, options.MaxTokens));
        EncodedExample Encode(StanceExample e) => encoding.Encode(e.Text, e.Target.Length > 0 ? e.Target : null, e.TargetStart, e.TargetEnd);

        // Validation slice: whole groups, so a quote's several targets stay on one side.
        var validation = train.Where(e => IsValidation(e.Group, seed)).ToList();
        var fit = train.Where(e => !IsValidation(e.Group, seed)).ToList();
        if (validation.Count == 0 || fit.Count == 0) { validation = []; fit = [.. train]; }
        var fitX = fit.Select(Encode).ToArray();
        var fitY = fit.Select(e => labelIndex[e.Label]).ToArray();
        var validX = validation.Select(Encode).ToArray();

        var classifier = new StanceClassifier(EncoderFactory.FromOnnx(model.LoadOnnx(), trainable: true, options.Layers, options.TrainedLayers), labels.Count, seed: seed);
        var optimizer = new AdamW(classifier.Parameters, options.WeightDecay);
        var stored = EncoderStanceFile.Stored(classifier).ToList();
        // Every random draw comes from a stream named by (seed, purpose, index), so a resumed run draws what an uninterrupted one would.
        var sorted = Batches(fitX, options.BatchSize, new Random(seed));
        int steps = options.Epochs * sorted.Count, warmup = Math.Max(1, (int)(steps * options.Warmup));
        int checkEvery = Math.Max(1, sorted.Count / Math.Max(1, options.ChecksPerEpoch));
        var checkpoint = options.CheckpointFolder is { } folder
            ? TrainingCheckpoint.For(folder, [features, seed.ToString(System.Globalization.CultureInfo.InvariantCulture), .. options.Identity(features), string.Join(",", labels),
                .. fit.Select(Row), "validation", .. validation.Select(Row)])
            : null;
        var at = new TrainingPosition(Step: 0, Epoch: 0, Batch: 0, SinceBest: 0, BestF1: -1);
        float[][]? best = null;
        if (checkpoint is not null && !options.Fresh)
        {
            if (checkpoint.TryRestore(stored, optimizer, out best, out var problem) is { } resumed)
            {
                at = resumed;
                progress.WriteLine($"… resuming from the checkpoint {checkpoint.Path} (written {File.GetLastWriteTime(checkpoint.Path):yyyy-MM-dd HH:mm}) at step {at.Step}/{steps}; --fresh starts over");
            }
            else if (problem is not null) progress.WriteLine($"… ignoring the checkpoint {checkpoint.Path}: {problem}");
        }
        var clock = Stopwatch.StartNew();
        int firstStep = at.Step;
        progress.WriteLine($"… fine-tuning {model.Name}, {options.Layers} layers, on {fit.Count} rows ({validation.Count} held aside for early stopping): {options.Epochs} epochs × {sorted.Count} batches");
        double lossSum = 0;
        int lossCount = 0;
        bool stop = at.SinceBest >= 2 * options.ChecksPerEpoch;
        using (interruption?.Arm())
        {
            while (at.Epoch < options.Epochs && !stop)
            {
                var batches = EpochOrder(sorted, seed, at.Epoch);
                int epoch = at.Epoch;
                for (int b = at.Batch; b < batches.Count && !stop; b++)
                {
                    foreach (var p in classifier.Parameters) if (p.Trainable) p.ZeroGrad();
                    var batch = batches[b];
                    int step = at.Step + 1;
                    lossSum += classifier.TrainBatch([.. batch.Select(i => fitX[i])], [.. batch.Select(i => fitY[i])], options.Dropout, new Random(StreamSeed(seed, DropoutStream, step)), options.Parallel);
                    lossCount++;
                    optimizer.ClipGradients(options.ClipNorm);
                    float schedule = step <= warmup ? (float)step / warmup : Math.Max(0f, (float)(steps - step) / Math.Max(1, steps - warmup));
                    optimizer.Step(options.LearningRate * schedule, p => p.Name.StartsWith("head.", StringComparison.Ordinal) ? options.HeadLearningRateFactor : 1f);
                    at = at with { Step = step, Batch = b + 1 };
                    if (step % 20 == 0 || step == steps)
                    {
                        var eta = TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / (step - firstStep) * (steps - step));
                        progress.WriteLine($"  epoch {epoch + 1}/{options.Epochs}  step {step}/{steps}  loss {lossSum / lossCount:0.000}  {clock.Elapsed:mm\\:ss} elapsed, ETA {eta:hh\\:mm\\:ss}");
                        lossSum = 0; lossCount = 0;
                    }
                    if (validation.Count > 0 && ((b + 1) % checkEvery == 0 || b == batches.Count - 1) && (b + 1) >= checkEvery / 2)
                    {
                        var f1 = MacroF1(classifier, validX, validation, labels);
                        progress.WriteLine($"  validation macro-F1 {f1:0.000} ({validation.Count} rows){(f1 > at.BestF1 ? ", best so far" : "")}");
                        if (f1 > at.BestF1) { best = Snapshot(classifier); at = at with { BestF1 = f1, SinceBest = 0 }; }
                        else at = at with { SinceBest = at.SinceBest + 1 };
                        stop = at.SinceBest >= 2 * options.ChecksPerEpoch; // a whole epoch without gain
                        if (!stop) checkpoint?.Save(Normalised(at, batches.Count), stored, best, optimizer);
                    }
                    if (interruption?.Requested == true && !stop && at.Step < steps)
                    {
                        at = Normalised(at, batches.Count);
                        var saved = checkpoint?.Save(at, stored, best, optimizer) == true;
                        throw new TrainingInterruptedException(saved
                            ? $"stopped at step {at.Step}/{steps}; checkpoint saved to {checkpoint!.Path}. Run the same command again to resume there (--fresh starts over)."
                            : $"stopped at step {at.Step}/{steps}; no checkpoint could be saved{(checkpoint is null ? " (no cache folder)" : $" to {checkpoint.Path}")}, so a new run starts over.");
                    }
                }
                if (!stop) at = Normalised(at, batches.Count);
            }
        }
        double bestF1 = at.BestF1;
        if (best is not null) Restore(classifier, best);
        progress.WriteLine($"  done in {clock.Elapsed.TotalSeconds:0} s; best validation macro-F1 {bestF1:0.000}");

        // Round to what the bundle stores (fp16) before measuring, so the numbers are the bundle's.
        foreach (var p in EncoderStanceFile.Stored(classifier))
            for (int i = 0; i < p.Length; i++) p.Value[i] = (float)(Half)p.Value[i];
        var metrics = new Dictionary<string, double>
        {
            ["train_rows"] = fit.Count, ["validation_rows"] = validation.Count,
            ["validation_macro_f1"] = Math.Round(bestF1, 4), ["train_seconds"] = Math.Round(clock.Elapsed.TotalSeconds),
        };
        if (test.Count > 0)
        {
            var probs = classifier.PredictInBatches(test.Select(Encode).ToList(), EncoderStanceModel.BatchSize, options.Parallel);
            var predicted = probs.Select(p => labels[Array.IndexOf(p, p.Max())]).ToList();
            var m = ClassMetrics.Compute(test.Select(t => t.Label).ToList(), predicted, labels);
            MetricsReport.Classes(console, $"stance held-out test ({test.Count} rows, {features})", m);
            metrics["test_macro_f1"] = Math.Round(m.MacroF1, 4);
            metrics["test_accuracy"] = Math.Round(m.Accuracy, 4);
            metrics["test_rows"] = test.Count;
        }
        var section = new Manifest.StanceSection
        {
            File = FileName, Labels = labels, Trainer = "fine-tuned transformer encoder (AdamW)", Features = features,
            FeatureSettings = options.Settings(features), Metrics = metrics,
        };
        return (section, dir =>
        {
            EncoderStanceFile.Write(Path.Combine(dir, FileName), classifier, features, options.MaxTokens, labels);
            checkpoint?.Delete();
        });
    }

    private const int ShuffleStream = 1, DropoutStream = 2;

    /// <summary>The seed of random stream <paramref name="index"/> of kind <paramref name="stream"/> (SplitMix64 finaliser): fixed for a seed, independent of what ran before.</summary>
    internal static int StreamSeed(int seed, int stream, int index)
    {
        ulong x = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)stream << 32 ^ (uint)index);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return (int)((x ^ (x >> 31)) & int.MaxValue);
    }

    /// <summary>The batches in epoch <paramref name="epoch"/>'s order: the length-sorted batches shuffled by that epoch's own stream.</summary>
    private static List<int[]> EpochOrder(List<int[]> sorted, int seed, int epoch)
    {
        var order = new List<int[]>(sorted);
        Shuffle(order, new Random(StreamSeed(seed, ShuffleStream, epoch)));
        return order;
    }

    /// <summary>A position past an epoch's last batch is the next epoch's first.</summary>
    private static TrainingPosition Normalised(TrainingPosition at, int batchesPerEpoch)
        => at.Batch >= batchesPerEpoch ? at with { Epoch = at.Epoch + 1, Batch = 0 } : at;

    private static string Row(StanceExample e) => $"{e.Text}\u0001{e.Target}\u0001{e.TargetStart}\u0001{e.TargetEnd}\u0001{e.Label}\u0001{e.Group}";

    private static bool IsValidation(string group, int seed) => StanceTrainer.Fold(group + "#validation", 10, seed) == 0;

    private double MacroF1(StanceClassifier classifier, EncodedExample[] x, IReadOnlyList<StanceExample> rows, List<string> labels)
    {
        var probs = classifier.PredictInBatches(x, EncoderStanceModel.BatchSize, options.Parallel);
        var predicted = probs.Select(p => labels[Array.IndexOf(p, p.Max())]).ToList();
        return ClassMetrics.Compute(rows.Select(r => r.Label).ToList(), predicted, labels).MacroF1;
    }

    /// <summary>Batches of rows of similar length (sorted by length with random tie-breaks), so padding stays short.</summary>
    internal static List<int[]> Batches(EncodedExample[] x, int size, Random random)
    {
        var keys = x.Select(_ => random.Next()).ToArray();
        var order = Enumerable.Range(0, x.Length).OrderBy(i => x[i].Ids.Length).ThenBy(i => keys[i]).ToArray();
        var list = new List<int[]>();
        for (int s = 0; s < order.Length; s += size) list.Add(order[s..Math.Min(order.Length, s + size)]);
        return list;
    }

    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private static float[][] Snapshot(StanceClassifier c) => [.. EncoderStanceFile.Stored(c).Select(p => (float[])p.Value.Clone())];

    private static void Restore(StanceClassifier c, float[][] values)
    {
        int i = 0;
        foreach (var p in EncoderStanceFile.Stored(c)) Array.Copy(values[i++], p.Value, p.Length);
    }
}
