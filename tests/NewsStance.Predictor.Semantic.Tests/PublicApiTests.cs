using NewsStance.Tests.PublicApi;

namespace NewsStance.Semantic.Tests;

/// <summary>The public surface of NewsStance.Predictor.Semantic is approved text (beside this file): it changes only on purpose.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Semantic_public_api_matches_the_approved_text() => PublicApiApproval.Verify(typeof(SemanticStanceExtensions).Assembly);
}
