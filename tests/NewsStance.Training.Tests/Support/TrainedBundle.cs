namespace NewsStance.Training.Tests.Support;

/// <summary>A stance bundle trained once from <see cref="StanceRows.Training"/>, shared by a test class.</summary>
public sealed class TrainedBundle : IDisposable
{
    internal const int Seed = 11;
    private readonly TempFolder _folder = new();

    public TrainedBundle()
    {
        TrainingCsv = _folder.Write("train.csv", StanceRows.Csv(StanceRows.Training()));
        Directory = _folder.PathOf("bundle");
        var result = TrainingRun.Of(c => c.TrainStanceOnly(TrainingCsv, Directory, Seed, folds: 2, trainer: "sdca", skipBad: false, features: "ngram"));
        if (result.ExitCode != 0) throw new InvalidOperationException($"training the shared bundle failed: {result}");
    }

    public string TrainingCsv { get; }

    public string Directory { get; }

    public void Dispose() => _folder.Dispose();
}
