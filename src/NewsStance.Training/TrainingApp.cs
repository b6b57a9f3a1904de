using System.CommandLine;
using NewsStance.Training.Models;
using Spectre.Console;

namespace NewsStance.Training;

/// <summary>
/// The training app's command line, runnable in-process by tests with their own console and stderr.
/// Option names match the <c>newsstance</c> CLI: <c>--data</c>, <c>--output</c>/<c>--out</c>/<c>-o</c>, <c>--model</c>.
/// </summary>
internal static class TrainingApp
{
    public const string Name = "newsstance-train";

    public static int Run(string[] args, IAnsiConsole console, TextWriter stderr, Interruption? interruption = null)
    {
        var commands = new Commands(console, stderr, interruption);

        var data = new Option<string>("--data", "-d") { Description = "The training-data folder (articles/, quotes.csv, stance.csv).", DefaultValueFactory = _ => "training-data" };
        // Required: a bundle is only ever written where the user said, so a forgotten option never replaces models/default.
        Option<string> Output(string what) => new("--output", "--out", "-o") { Description = what, Required = true };
        var trainOutput = Output("The folder to write the model bundle to (required). An existing bundle there is replaced atomically, "
            + "but never one that holds files the new bundle would lose (without --force), and never a folder that is not a bundle.");
        var stanceOutput = Output("The folder to write the bundle to (required). When it already holds a bundle with a speaker ranker, "
            + "the ranker is kept and only the stance model is replaced; files the new bundle would lose stop the run unless --force.");
        var force = new Option<bool>("--force") { Description = "Replace an existing bundle even when files in it would be lost." };
        var seed = new Option<int>("--seed") { Description = "Random seed: same seed, same data, same model.", DefaultValueFactory = _ => 42 };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds (grouped by article).", DefaultValueFactory = _ => 5 };
        var trainer = new Option<string>("--trainer") { Description = "Stance trainer: sdca, lbfgs, fasttree-ova or lightgbm.", DefaultValueFactory = _ => "sdca" };
        var features = new Option<string>("--features") { Description = "Stance features: semantic-arcticxs (n-grams plus sentence embeddings, as models/default; scoring needs NewsStance.Predictor.Semantic), semantic-minilm, or ngram (n-grams only, as models/fast: about 10x faster to score, core predictor only).", DefaultValueFactory = _ => SemanticStanceTrainer.DefaultFeatures };
        features.AcceptOnlyFromAmong(SemanticStanceTrainer.FeatureNames);
        var defaults = new EncoderTrainingOptions();
        var epochs = new Option<int>("--epochs") { Description = "encoder-* features: passes over the training rows (early stopping on a validation slice may end sooner).", DefaultValueFactory = _ => defaults.Epochs };
        var layers = new Option<int?>("--encoder-layers") { Description = $"How many of the encoder's layers to keep (fewer: faster to train and to score). semantic-* features: the sentence vectors are taken after this layer (default {SemanticStanceTrainer.DefaultLayers} of 6 for semantic-arcticxs; semantic-minilm runs all 6); encoder-* features: the layers kept and fine-tuned (default {defaults.Layers})." };
        var maxTokens = new Option<int>("--max-tokens") { Description = "encoder-* features: tokens per quote and target; longer quotes are cut.", DefaultValueFactory = _ => defaults.MaxTokens };
        var learningRate = new Option<float>("--learning-rate") { Description = "encoder-* features: peak AdamW learning rate of the encoder.", DefaultValueFactory = _ => defaults.LearningRate };
        var trainedLayers = new Option<int?>("--trained-layers") { Description = "encoder-* features: fine-tune only this many top layers; the ones below stay as pretrained (default: all)." };
        var fresh = new Option<bool>("--fresh") { Description = "encoder-* features: start over even when a checkpoint of the same run exists. A run saves a checkpoint at every validation check and on Ctrl+C (in the user cache, checkpoints/); the same command with the same data resumes from it." };
        EncoderTrainingOptions EncoderOptions(ParseResult p) => defaults with
        {
            Epochs = p.GetValue(epochs), Layers = p.GetValue(layers) ?? defaults.Layers, MaxTokens = p.GetValue(maxTokens), LearningRate = p.GetValue(learningRate),
            TrainedLayers = p.GetValue(trainedLayers), Fresh = p.GetValue(fresh),
        };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Train on the valid rows and report the bad ones, instead of stopping." };
        var labels = new Option<string?>("--labels") { Description = "The label set, comma-separated (e.g. favor,against,neutral): a row with any other label is an error. Without it the labels are whatever the file holds, and a label that looks like a misspelling of another (Favour beside favor) is warned about with its rows." };

        var validateData = new Option<string>("--data", "-d") { Description = "A training-data folder (articles/, quotes.csv, stance.csv), or a single stance CSV.", DefaultValueFactory = _ => "training-data" };
        var validate = new Command("validate", "Check every row of a training-data folder or of a stance CSV; errors name file:line:column.") { validateData, labels };
        validate.SetAction(p => commands.Validate(p.GetValue(validateData)!, ParseLabels(p.GetValue(labels))));

        var train = new Command("train", "Train the speaker ranker and the stance model into a model bundle.") { data, trainOutput, force, seed, folds, trainer, features, skip, epochs, layers, maxTokens, learningRate, trainedLayers, fresh };
        train.SetAction(p => commands.Train(p.GetValue(data)!, p.GetValue(trainOutput)!, p.GetValue(seed), p.GetValue(folds), p.GetValue(trainer)!, p.GetValue(skip), p.GetValue(features)!, p.GetValue(force), EncoderOptions(p), p.GetValue(layers)));

        var csvData = new Option<string>("--data", "-d") { Description = "A CSV with at least text,stance (optional id, target, target_start, target_end, group), or a folder holding stance.csv.", Required = true };
        var trainStance = new Command("train-stance", "Train a stance-only bundle from your own labelled CSV; the label set comes from the data (or --labels). Exact duplicate rows are dropped and counted.")
            { csvData, stanceOutput, force, seed, folds, trainer, features, skip, labels, epochs, layers, maxTokens, learningRate, trainedLayers, fresh };
        trainStance.SetAction(p => commands.TrainStanceOnly(p.GetValue(csvData)!, p.GetValue(stanceOutput)!, p.GetValue(seed), p.GetValue(folds), p.GetValue(trainer)!,
            p.GetValue(skip), p.GetValue(features)!, ParseLabels(p.GetValue(labels)), p.GetValue(force), EncoderOptions(p), p.GetValue(layers)));

        var compare = new Command("compare", "Cross-validate the four stance trainers on a training-data folder and print the table.") { data, seed, folds };
        compare.SetAction(p => commands.Compare(p.GetValue(data)!, p.GetValue(seed), p.GetValue(folds)));

        var model = new Option<string?>("--model", "-m") { Description = "The model bundle: a folder, or a name under models/ (default, fast) found beside the program or above the working directory. Default: $NEWSSTANCE_MODEL, else default." };
        var predictions = new Option<string?>("--predictions") { Description = "Write one row per input row: id, label, confidence, score_<label>..." };
        var json = new Option<string?>("--json") { Description = "Write the metrics as JSON." };
        var evalData = new Option<string>("--data", "-d") { Description = "A labelled stance CSV with at least text,stance.", Required = true };
        var evaluate = new Command("evaluate", "Score a labelled stance CSV with a bundle and report macro-F1, accuracy, per class, confusion.") { model, evalData, predictions, json };
        evaluate.SetAction(p => commands.Evaluate(p.GetValue(model), p.GetValue(evalData)!, p.GetValue(predictions), p.GetValue(json)));

        var root = new RootCommand("NewsStance training: validate the corpus, train and evaluate models.") { validate, train, trainStance, compare, evaluate };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"{Name}: error: {e.Message}");
            stderr.WriteLine($"Run '{Name} --help' (dotnet run --project src/NewsStance.Training -- --help) for usage.");
            return Commands.Usage;
        }
        return parse.Invoke(new InvocationConfiguration { Output = console.Profile.Out.Writer, Error = stderr });
    }

    private static IReadOnlySet<string>? ParseLabels(string? list)
        => list is null ? null : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
}
