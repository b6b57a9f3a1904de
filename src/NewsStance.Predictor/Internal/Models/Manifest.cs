using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsStance.Internal.Models;

/// <summary>manifest.json: what a bundle holds, how it was trained and how well it scored.</summary>
internal sealed class Manifest
{
    public const int CurrentFormat = 1;

    [JsonPropertyName("format_version")] public int FormatVersion { get; set; } = CurrentFormat;
    [JsonPropertyName("mlnet_version")] public string MlNetVersion { get; set; } = "";
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; set; }
    [JsonPropertyName("seed")] public int Seed { get; set; }
    [JsonPropertyName("training_data_sha256")] public string TrainingDataHash { get; set; } = "";
    [JsonPropertyName("stance")] public StanceSection? Stance { get; set; }
    [JsonPropertyName("speaker")] public SpeakerSection? Speaker { get; set; }

    internal sealed class StanceSection
    {
        [JsonPropertyName("file")] public string File { get; set; } = "stance.zip";
        [JsonPropertyName("labels")] public List<string> Labels { get; set; } = [];
        [JsonPropertyName("trainer")] public string Trainer { get; set; } = "";
        [JsonPropertyName("features")] public string Features { get; set; } = "ngram";
        [JsonPropertyName("feature_settings")] public Dictionary<string, string> FeatureSettings { get; set; } = [];
        [JsonPropertyName("metrics")] public Dictionary<string, double> Metrics { get; set; } = [];
    }

    internal sealed class SpeakerSection
    {
        [JsonPropertyName("file")] public string File { get; set; } = "speaker.zip";
        [JsonPropertyName("trainer")] public string Trainer { get; set; } = "";
        [JsonPropertyName("features")] public List<string> Features { get; set; } = [];
        [JsonPropertyName("metrics")] public Dictionary<string, double> Metrics { get; set; } = [];
        /// <summary>How scores become the speaker confidence; absent in bundles from before it (softmax then).</summary>
        [JsonPropertyName("calibration")] public CalibrationSection? Calibration { get; set; }
    }

    /// <summary>Platt scaling of the ranking: confidence = 1 / (1 + e^-(bias + Σ weight·feature)).</summary>
    internal sealed class CalibrationSection
    {
        [JsonPropertyName("method")] public string Method { get; set; } = "platt";
        [JsonPropertyName("fitted_on")] public string FittedOn { get; set; } = "";
        [JsonPropertyName("bias")] public double Bias { get; set; }
        [JsonPropertyName("weights")] public Dictionary<string, double> Weights { get; set; } = [];
    }

    public static Manifest Read(string path) => JsonSerializer.Deserialize(File.ReadAllText(path), ManifestJson.Default.Manifest)
        ?? throw new JsonException("empty manifest");

    public string ToJson() => JsonSerializer.Serialize(this, ManifestJson.Default.Manifest);
}

/// <summary>
/// The manifest's serializer, generated at compile time: the reflection-based one cost every start-up
/// tens of milliseconds of reflection and JIT before the first article (issue 10).
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Manifest))]
[JsonSerializable(typeof(Manifest.CalibrationSection))]
internal sealed partial class ManifestJson : JsonSerializerContext;
