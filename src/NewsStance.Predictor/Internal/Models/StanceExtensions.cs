using System.Reflection;
using Microsoft.ML;
using NewsStance.Internal.Stance;

namespace NewsStance.Internal.Models;

/// <summary>
/// Loads stance models whose features live in an opt-in assembly (for example the sentence-embedding
/// features of NewsStance.Predictor.Semantic), so the core predictor stays light. An app opts in by
/// referencing that project; a bundle that needs it is refused with a clear message when it is absent.
/// </summary>
internal static class StanceExtensions
{
    /// <summary>Feature set name → (assembly, loader type). The loader has <c>static object Load(MLContext, string zipPath, string features, string bundleDirectory)</c>.</summary>
    private static readonly Dictionary<string, (string Assembly, string Type)> Known = new()
    {
        ["semantic"] = ("NewsStance.Predictor.Semantic", "NewsStance.Semantic.SemanticStanceLoader"),
        ["semantic-minilm"] = ("NewsStance.Predictor.Semantic", "NewsStance.Semantic.SemanticStanceLoader"),
        ["semantic-arcticxs"] = ("NewsStance.Predictor.Semantic", "NewsStance.Semantic.SemanticStanceLoader"),
        ["encoder-arcticxs"] = ("NewsStance.Predictor.Semantic", "NewsStance.Semantic.EncoderStanceLoader"),
        ["encoder-minilm"] = ("NewsStance.Predictor.Semantic", "NewsStance.Semantic.EncoderStanceLoader"),
    };

    public static IStanceModel Load(string features, MLContext ml, string path, string directory)
    {
        if (!Known.TryGetValue(features, out var where))
            throw new ModelLoadException($"'{directory}' uses stance features '{features}', which this version of NewsStance does not know. Use a bundle trained with --features ngram, or a newer NewsStance.");
        Assembly assembly;
        try { assembly = Assembly.Load(new AssemblyName(where.Assembly)); }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new ModelLoadException($"'{directory}' needs the '{features}' stance features from {where.Assembly}, which this app does not include. "
                + $"Reference the {where.Assembly} project (or package), or use a bundle trained with --features ngram such as models/fast.", e);
        }
        var loader = assembly.GetType(where.Type)?.GetMethod("Load", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new ModelLoadException($"{where.Assembly} has no {where.Type}.Load; it does not match this NewsStance version.");
        try { return (IStanceModel)loader.Invoke(null, [ml, path, features, directory])!; }
        catch (TargetInvocationException e) when (e.InnerException is not null) { throw e.InnerException; }
    }
}
