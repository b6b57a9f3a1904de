using System.CommandLine;
using NewsStance.Training;
using Spectre.Console;

var console = AnsiConsole.Console;
var commands = new Commands(console, Console.Error);

var data = new Option<string>("--data", "-d") { Description = "The training-data folder (articles/, quotes.csv, stance.csv).", DefaultValueFactory = _ => "training-data" };
var output = new Option<string>("--out", "-o") { Description = "Where to write the model bundle (replaced atomically).", DefaultValueFactory = _ => "models/default" };
var seed = new Option<int>("--seed") { Description = "Random seed: same seed, same data, same model.", DefaultValueFactory = _ => 42 };
var folds = new Option<int>("--folds") { Description = "Cross-validation folds (grouped by article).", DefaultValueFactory = _ => 5 };
var trainer = new Option<string>("--trainer") { Description = "Stance trainer: sdca, lbfgs, fasttree-ova or lightgbm.", DefaultValueFactory = _ => "sdca" };
var features = new Option<string>("--features") { Description = "Stance features: semantic-arcticxs (n-grams plus sentence embeddings, as models/default; scoring needs NewsStance.Predictor.Semantic), semantic-minilm, or ngram (n-grams only, as models/fast: about 10x faster to score, core predictor only).", DefaultValueFactory = _ => NewsStance.Training.Models.SemanticStanceTrainer.DefaultFeatures };
features.AcceptOnlyFromAmong(NewsStance.Training.Models.SemanticStanceTrainer.FeatureNames);
var epochs = new Option<int>("--epochs") { Description = "encoder-* features: passes over the training rows (early stopping on a validation slice may end sooner).", DefaultValueFactory = _ => new NewsStance.Training.Models.EncoderTrainingOptions().Epochs };
var layers = new Option<int>("--encoder-layers") { Description = "encoder-* features: how many of the encoder's layers to keep and fine-tune (fewer: faster to train and score).", DefaultValueFactory = _ => new NewsStance.Training.Models.EncoderTrainingOptions().Layers };
var maxTokens = new Option<int>("--max-tokens") { Description = "encoder-* features: tokens per quote and target; longer quotes are cut.", DefaultValueFactory = _ => new NewsStance.Training.Models.EncoderTrainingOptions().MaxTokens };
var learningRate = new Option<float>("--learning-rate") { Description = "encoder-* features: peak AdamW learning rate of the encoder.", DefaultValueFactory = _ => new NewsStance.Training.Models.EncoderTrainingOptions().LearningRate };
NewsStance.Training.Models.EncoderTrainingOptions EncoderOptions(System.CommandLine.ParseResult p) => new()
{
    Epochs = p.GetValue(epochs), Layers = p.GetValue(layers), MaxTokens = p.GetValue(maxTokens), LearningRate = p.GetValue(learningRate),
};
var skip = new Option<bool>("--skip-bad-rows") { Description = "Train on the valid rows and report the bad ones, instead of stopping." };

var validate = new Command("validate", "Check every row of a training-data folder; errors name file:line:column.") { data };
validate.SetAction(p => commands.Validate(p.GetValue(data)!));

var train = new Command("train", "Train the speaker ranker and the stance model into a model bundle.") { data, output, seed, folds, trainer, features, skip, epochs, layers, maxTokens, learningRate };
train.SetAction(p => commands.Train(p.GetValue(data)!, p.GetValue(output)!, p.GetValue(seed), p.GetValue(folds), p.GetValue(trainer)!, p.GetValue(skip), p.GetValue(features)!, EncoderOptions(p)));

var csvData = new Option<string>("--data", "-d") { Description = "A CSV with at least text,stance (optional id, target, target_start, target_end, group).", Required = true };
var trainStance = new Command("train-stance", "Train a stance-only bundle from your own labelled CSV; the label set comes from the data.") { csvData, output, seed, folds, trainer, features, skip, epochs, layers, maxTokens, learningRate };
trainStance.SetAction(p => commands.TrainStanceOnly(p.GetValue(csvData)!, p.GetValue(output)!, p.GetValue(seed), p.GetValue(folds), p.GetValue(trainer)!, p.GetValue(skip), p.GetValue(features)!, EncoderOptions(p)));

var compare = new Command("compare", "Cross-validate the four stance trainers on a training-data folder and print the table.") { data, seed, folds };
compare.SetAction(p => commands.Compare(p.GetValue(data)!, p.GetValue(seed), p.GetValue(folds)));

var model = new Option<string>("--model", "-m") { Description = "The model bundle: a folder, or a name under models/ (default, fast).", DefaultValueFactory = _ => "models/default" };
var predictions = new Option<string?>("--predictions") { Description = "Write one row per input row: id, label, confidence, score_<label>..." };
var json = new Option<string?>("--json") { Description = "Write the metrics as JSON." };
var evaluate = new Command("evaluate", "Score a labelled stance CSV with a bundle and report macro-F1, accuracy, per class, confusion.") { model, csvData, predictions, json };
evaluate.SetAction(p => commands.Evaluate(p.GetValue(model)!, p.GetValue(csvData)!, p.GetValue(predictions), p.GetValue(json)));

var root = new RootCommand("NewsStance training: validate the corpus, train and evaluate models.") { validate, train, trainStance, compare, evaluate };
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var e in parse.Errors) Console.Error.WriteLine($"newsstance-train: error: {e.Message}");
    return Commands.Usage;
}
return parse.Invoke();
