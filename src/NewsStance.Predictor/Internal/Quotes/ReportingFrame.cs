using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// What a frame recogniser read in a sentence, before its content is classified: the content pieces, the cue,
/// the cue's lemma, the speaker mention the frame names and the frame's layout.
/// </summary>
internal sealed record ReportingFrame(Sentence Sentence, IReadOnlyList<TextSpan> Content, TextSpan Cue, string CueLemma, Mention? Speaker, FramePattern Pattern);
