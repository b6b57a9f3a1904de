using NewsStance.Tests.PublicApi;

namespace NewsStance.Encoder.Tests;

/// <summary>
/// NewsStance.Encoder is packed but has no public API of its own (NewsStance.Predictor.Semantic uses its internals):
/// the approved text beside this file keeps it so.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Encoder_public_api_matches_the_approved_text() => PublicApiApproval.Verify(typeof(TransformerEncoder).Assembly);
}
