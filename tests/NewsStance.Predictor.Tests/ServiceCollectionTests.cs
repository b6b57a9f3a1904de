using Microsoft.Extensions.DependencyInjection;

namespace NewsStance.Tests;

public sealed class ServiceCollectionTests
{
    [Fact]
    public void AddNewsStance_registers_one_scorer_with_the_configured_bundle()
    {
        // Given
        var services = new ServiceCollection().AddNewsStance(o => o.ModelDirectory = RepoModels.Fast);

        // When
        ArticleResult result;
        INewsScorer first, second;
        using (var provider = services.BuildServiceProvider())
        {
            first = provider.GetRequiredService<INewsScorer>();
            second = provider.GetRequiredService<INewsScorer>();
            result = first.Score("budget", "\"We will not raise taxes,\" Finance Minister Lars Berg said on Monday.",
                [StanceTarget.Parse("taxes")]);
        }

        // Then
        Assert.Same(first, second);
        Assert.EndsWith("fast", first.Model?.Directory);
        var quote = Assert.Single(result.Quotes);
        Assert.Equal("Lars Berg", quote.Speaker?.Name);
        Assert.Throws<ObjectDisposedException>(() => first.Score("x", "text"));
    }

    [Fact]
    public void AddNewsStance_loads_the_bundle_when_the_scorer_is_first_asked_for()
    {
        // Given
        var services = new ServiceCollection().AddNewsStance(o => o.ModelDirectory = "no-such-bundle-anywhere");

        // When
        using var provider = services.BuildServiceProvider();

        // Then
        Assert.Throws<ModelLoadException>(() => provider.GetRequiredService<INewsScorer>());
    }
}
