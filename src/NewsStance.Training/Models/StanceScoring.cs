using NewsStance.Internal.Stance;
using NewsStance.Semantic;
using NewsStance.Training.Data;

namespace NewsStance.Training.Models;

/// <summary>Scores labelled stance rows with whichever stance model a bundle holds (for <c>evaluate</c>).</summary>
internal static class StanceScoring
{
    /// <summary>The predicted label and the score per label (in <see cref="IStanceModel.Labels"/> order) of each row.</summary>
    public static (string Label, float[] Scores)[] Score(IStanceModel model, IReadOnlyList<StanceExample> rows)
    {
        switch (model)
        {
            case MlStanceModel ngram:
                return rows.Select(r => ngram.PredictRow(StanceFeaturizer.Build(r.Text, r.Target.Length > 0 ? r.Target : null, r.TargetStart, r.TargetEnd, StanceTrainer.CueLemma(r.Cue)))).ToArray();
            case SemanticStanceModel semantic:
                // One call: the embedder batches every row's texts.
                return semantic.PredictScores(rows.Select(r => new SemanticInput(r.Text, r.Target.Length > 0 ? r.Target : null, r.TargetStart, r.TargetEnd, StanceTrainer.CueLemma(r.Cue))).ToList());
            case EncoderStanceModel encoder:
                var labels = encoder.Labels;
                return encoder.PredictScores(rows.Select(r => (r.Text, r.Target.Length > 0 ? r.Target : null, r.TargetStart, r.TargetEnd)).ToList(), parallel: true)
                    .Select(p => (labels[Array.IndexOf(p, p.Max())], p)).ToArray();
            default:
                var results = model.Predict(rows.Select((r, i) => new StanceInput(i, r.Text, r.Target, r.TargetStart, r.TargetEnd, StanceTrainer.CueLemma(r.Cue))).ToList());
                return results.Select(x => (x.Label, model.Labels.Select(l => (float)x.Scores.GetValueOrDefault(l)).ToArray())).ToArray();
        }
    }
}
