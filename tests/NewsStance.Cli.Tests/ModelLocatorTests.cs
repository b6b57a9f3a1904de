using NewsStance.Apps;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary>A bundle named by folder or by its name under <c>models/</c> (<c>--model fast</c>).</summary>
public sealed class ModelLocatorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_bare_name_is_the_bundle_of_that_name_under_models_found_walking_up()
    {
        // Given models/fast two levels above the search root
        _folder.Write("models/fast/manifest.json", "{}");
        var root = _folder.File("app/bin");
        Directory.CreateDirectory(root);

        // When
        var resolved = ModelLocator.Resolve("fast", [root]);

        // Then
        Assert.Equal(Path.Combine(_folder.Path, "models", "fast"), resolved);
    }

    [Fact]
    public void A_folder_of_that_name_in_the_working_directory_wins_over_the_bundle()
    {
        // Given a folder in the working directory and a bundle of the same name under models/
        var name = "bundle-" + Guid.NewGuid().ToString("N");
        _folder.Write($"models/{name}/manifest.json", "{}");
        Directory.CreateDirectory(name);
        try
        {
            // When
            var resolved = ModelLocator.Resolve(name, [_folder.Path]);

            // Then
            Assert.Equal(name, resolved);
        }
        finally
        {
            Directory.Delete(name);
        }
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("models/missing")]
    public void What_names_no_bundle_is_returned_as_given_so_the_loader_can_say_so(string model)
    {
        // Given no such bundle anywhere
        _folder.Write("models/fast/manifest.json", "{}");

        // When
        var resolved = ModelLocator.Resolve(model, [_folder.Path]);

        // Then
        Assert.Equal(model, resolved);
    }

    [Fact]
    public void A_bare_name_that_names_no_bundle_is_refused_saying_where_it_was_looked_for()
    {
        // Given
        var name = "no-bundle-" + Guid.NewGuid().ToString("N");
        var article = _folder.Write("a.txt", Articles.OneQuote);

        // When
        var result = Newsstance.Run("score", "--model", name, article);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"Model folder '{name}' does not exist.", result.Error);
        Assert.Contains($"No models/{name} was found beside the program or above the working directory either.", result.Error);
    }
}
